package dev.wawpkit.mock.internal;

import dev.wawpkit.mock.FaultRule;
import dev.wawpkit.mock.MockSession;
import dev.wawpkit.mock.RecordedCall;
import dev.wawpkit.mock.RecordedRequest;
import dev.wawpkit.mock.SessionStatus;
import dev.wawpkit.mock.TokenQuota;
import dev.wawpkit.mock.UnexpectedCall;
import dev.wawpkit.mock.WawpMockException;
import dev.wawpkit.mock.WebhookDelivery;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Narrows a mock to one access token: its sessions, its faults, its unexpected calls. Tests that
 * share one server each work through their own scope and never see each other's state.
 */
public final class ScopedPort implements ControlPort {
    private final ControlPort inner;
    private final String token;

    public ScopedPort(ControlPort inner, String token) {
        this.inner = inner;
        this.token = token;
    }

    /** Returns the whole mock this scope narrows, so a scope of a scope reads and writes one token. */
    public ControlPort unscoped() {
        return inner;
    }

    @Override
    public List<MockSession> sessions(String ignored) {
        return inner.sessions(token);
    }

    @Override
    public MockSession session(String instanceId) {
        return requireOwn(instanceId);
    }

    @Override
    public MockSession seed(String seedToken, String instanceId, SessionStatus status, boolean loggedIn) {
        return inner.seed(seedToken == null ? token : seedToken, instanceId, status, loggedIn);
    }

    @Override
    public MockSession move(String instanceId, SessionStatus status, Boolean loggedIn) {
        requireOwn(instanceId);
        return inner.move(instanceId, status, loggedIn);
    }

    @Override
    public List<RecordedCall> calls(String instanceId) {
        requireOwn(instanceId);
        return inner.calls(instanceId);
    }

    @Override
    public void webhooks(String instanceId, List<URI> urls, String secret) {
        requireOwn(instanceId);
        inner.webhooks(instanceId, urls, secret);
    }

    @Override
    public List<WebhookDelivery> deliveries(String instanceId) {
        requireOwn(instanceId);
        return inner.deliveries(instanceId);
    }

    @Override
    public void arm(FaultRule rule) {
        inner.arm(
                rule.accessToken() != null
                        ? rule
                        : new FaultRule(
                                rule.endpoint(), rule.instanceId(), token, rule.fault(), rule.delay(), rule.times()));
    }

    @Override
    public List<FaultRule> faults() {
        String hint = Secrets.mask(token);
        return inner.faults().stream()
                .filter(r -> token.equals(r.accessToken()) || hint.equals(r.accessToken()))
                .toList();
    }

    @Override
    public void clearFaults(String ignored) {
        inner.clearFaults(token);
    }

    @Override
    public TokenQuota putToken(String anyToken, Integer quota) {
        return inner.putToken(anyToken, quota);
    }

    @Override
    public void ensureToken(String anyToken) {
        inner.ensureToken(anyToken);
    }

    @Override
    public List<TokenQuota> tokens() {
        return inner.tokens();
    }

    /** Resets this token's share of the mock only. */
    @Override
    public void reset() {
        inner.resetToken(token);
    }

    @Override
    public List<RecordedRequest> requests(RequestQuery query) {
        return inner.requests(
                new RequestQuery(token, query.endpointKey(), query.instanceId(), query.status(), query.limit()));
    }

    @Override
    public RecordedRequest takeRequest(String ignored, Duration timeout) {
        return inner.takeRequest(token, timeout);
    }

    @Override
    public void clearRequests(String ignored) {
        inner.clearRequests(token);
    }

    @Override
    public void resetToken(String anyToken) {
        inner.resetToken(anyToken);
    }

    @Override
    public List<UnexpectedCall> unexpectedCalls(String ignored) {
        return inner.unexpectedCalls(token);
    }

    @Override
    public List<UnexpectedCall> drainUnexpectedCalls(String ignored, boolean unattributed) {
        return inner.drainUnexpectedCalls(token, false);
    }

    private MockSession requireOwn(String instanceId) {
        MockSession s = inner.session(instanceId);
        if (inner.sessions(token).stream().noneMatch(own -> own.instanceId().equals(instanceId))) {
            throw new WawpMockException(
                    404,
                    "session_not_found",
                    "Expected a session of token "
                            + Secrets.mask(token) + ", but session " + instanceId + " belongs to another token. "
                            + "Use the mock scope of that token, or the unscoped server.");
        }
        return s;
    }
}
