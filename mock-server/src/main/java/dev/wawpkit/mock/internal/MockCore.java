package dev.wawpkit.mock.internal;

import dev.wawpkit.mock.FaultRule;
import dev.wawpkit.mock.MockSession;
import dev.wawpkit.mock.RecordedCall;
import dev.wawpkit.mock.SessionStatus;
import dev.wawpkit.mock.TokenQuota;
import dev.wawpkit.mock.UnexpectedCall;
import dev.wawpkit.mock.WawpMockException;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The in-process mock: its sessions, tokens and faults, and the control operations on them.
 *
 * <p>Thread-safe. Shared by the WireMock transformer (API calls) and the admin extension
 * (control API), and wrapped by {@code WawpMockServer} for Java callers.
 */
public final class MockCore implements ControlPort {
    final WawpEngine engine;
    private final SessionStore store;
    private final TokenRegistry tokens;

    /**
     * Creates the state for one mock server.
     *
     * @param tokens       the valid tokens and their quotas ({@code -1}: no limit)
     * @param defaultQuota the quota of tokens added without one ({@code -1}: no limit)
     * @param bootDelay    how long STARTING lasts, or null to boot only when told
     */
    public MockCore(Map<String, Integer> tokens, int defaultQuota, Duration bootDelay) {
        this.store = new SessionStore(bootDelay == null ? -1 : bootDelay.toNanos());
        this.tokens = new TokenRegistry(tokens, defaultQuota);
        this.engine = new WawpEngine(store, this.tokens);
    }

    @Override
    public List<MockSession> sessions(String token) {
        return store.all().stream()
                .filter(s -> token == null || s.token.equals(token))
                .map(s -> s.read().toPublic())
                .sorted(Comparator.comparing(MockSession::createdAt).thenComparing(MockSession::instanceId))
                .toList();
    }

    @Override
    public MockSession session(String instanceId) {
        return store.require(instanceId).read().toPublic();
    }

    @Override
    public MockSession seed(String token, String instanceId, SessionStatus status, boolean loggedIn) {
        requireToken(token);
        tokens.ensure(token);
        return store.seed(token, instanceId, status == null ? SessionStatus.STOPPED : status, loggedIn)
                .read().toPublic();
    }

    @Override
    public MockSession move(String instanceId, SessionStatus status, Boolean loggedIn) {
        if (status == null) {
            throw new WawpMockException(400, "missing_status",
                    "Expected a target status (STOPPED, STARTING, SCAN_QR_CODE, WORKING, FAILED), but none came.");
        }
        return store.require(instanceId).moveTo(status, loggedIn).toPublic();
    }

    @Override
    public List<RecordedCall> calls(String instanceId) {
        return store.require(instanceId).calls();
    }

    @Override
    public void arm(FaultRule rule) {
        engine.faults.arm(rule);
    }

    @Override
    public List<FaultRule> faults() {
        return engine.faults.list();
    }

    @Override
    public void clearFaults(String token) {
        engine.faults.clear(token);
    }

    @Override
    public TokenQuota putToken(String token, Integer quota) {
        requireToken(token);
        if (quota != null && quota < 0) {
            throw new WawpMockException(400, "invalid_quota",
                    "Expected a quota of 0 or more creates (or null for no limit), but got " + quota + ".");
        }
        return view(token, tokens.put(token, quota == null ? TokenRegistry.UNLIMITED : quota));
    }

    @Override
    public List<TokenQuota> tokens() {
        return tokens.all().entrySet().stream().map(e -> view(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(TokenQuota::tokenHint)).toList();
    }

    @Override
    public void reset() {
        store.clear();
        engine.faults.clear(null);
        engine.unexpected.drain(null, true);
        tokens.reset();
    }

    @Override
    public void ensureToken(String token) {
        requireToken(token);
        tokens.ensure(token);
    }

    /** Makes the token invalid; its sessions stay, unreachable until it is valid again. */
    void removeToken(String token) {
        requireToken(token);
        tokens.remove(token);
    }

    /** Deletes a session if it exists. */
    void removeSession(String instanceId) {
        store.remove(instanceId);
    }

    @Override
    public void resetToken(String token) {
        requireToken(token);
        store.all().removeIf(s -> s.token.equals(token));
        engine.faults.clear(token);
        engine.unexpected.drain(token, false);
        tokens.ensure(token);
    }

    @Override
    public List<UnexpectedCall> unexpectedCalls(String token) {
        return engine.unexpected.list(token);
    }

    @Override
    public List<UnexpectedCall> drainUnexpectedCalls(String token, boolean unattributed) {
        return engine.unexpected.drain(token, unattributed);
    }

    private static TokenQuota view(String token, TokenRegistry.Account a) {
        return new TokenQuota(Secrets.mask(token), a.quota == TokenRegistry.UNLIMITED ? null : a.quota, a.used.get());
    }

    private static void requireToken(String token) {
        if (token == null || token.isBlank()) {
            throw new WawpMockException(400, "missing_token",
                    "Expected an access_token that owns the session, but none came. Add \"access_token\": \"...\".");
        }
        if (token.length() > 512 || token.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new WawpMockException(400, "invalid_token",
                    "Expected an access token of 1 to 512 printable ASCII characters without spaces, but got "
                            + token.length() + " characters with other ones. Pick a plain token like test-token-1.");
        }
    }
}
