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
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The in-process mock: its sessions, tokens and faults, and the control operations on them.
 *
 * <p>Thread-safe. Shared by the WireMock transformer (API calls) and the admin extension
 * (control API), and wrapped by {@code WawpMockServer} for Java callers. One daemon timer thread
 * boots STARTING sessions on time, retries webhooks, and writes the state file when one is set.
 */
public final class MockCore implements ControlPort, SessionEvents, AutoCloseable {
    /**
     * How a mock behaves.
     *
     * @param tokens           the valid tokens and their quotas ({@code -1}: no limit)
     * @param defaultQuota     the quota of tokens added without one ({@code -1}: no limit)
     * @param bootDelay        how long STARTING lasts, or null to boot only when told
     * @param qrRotation       how often the QR code changes while SCAN_QR_CODE
     * @param webhookAttempts  how many times a webhook is tried
     * @param webhookInterval  how long between tries
     * @param stateFile        where sessions are kept across restarts, or null
     * @param maxSessions      how many sessions the mock keeps; the least recently used go beyond it
     * @param journalPerToken  how many requests the journal keeps per access token
     * @param journalMax       how many requests the journal keeps in all
     * @param observed         a conformance capture whose shapes the mock answers with, or null
     */
    public record Options(
            Map<String, Integer> tokens,
            int defaultQuota,
            Duration bootDelay,
            Duration qrRotation,
            int webhookAttempts,
            Duration webhookInterval,
            Path stateFile,
            int maxSessions,
            int journalPerToken,
            int journalMax,
            Path observed) {}

    /** The journal's default size per token. */
    public static final int DEFAULT_JOURNAL_PER_TOKEN = Journal.DEFAULT_PER_TOKEN;
    /** The journal's default size in all. */
    public static final int DEFAULT_JOURNAL_MAX = Journal.DEFAULT_MAX_ENTRIES;

    /** How many webhook URLs one session may have. */
    public static final int MAX_WEBHOOK_URLS = 10;
    /** The longest webhook URL a session takes (what browsers and most servers accept). */
    static final int MAX_WEBHOOK_URL_CHARS = 2_000;
    /** The longest webhook signing secret a session takes. */
    static final int MAX_WEBHOOK_SECRET_CHARS = 512;

    /** Returns what is wrong with a webhook URL, as an error message shows it, or null when it will do. */
    static String webhookUrlProblem(URI u) {
        if (u == null) {
            return "none";
        }
        String text = u.toString();
        if (text.length() > MAX_WEBHOOK_URL_CHARS) {
            return "one of " + text.length() + " characters starting '" + text.substring(0, 40) + "...'";
        }
        if (!u.isAbsolute()
                || !("http".equals(u.getScheme()) || "https".equals(u.getScheme()))
                || u.getHost() == null) {
            return "'" + text + "'";
        }
        return null;
    }

    final WawpEngine engine;
    final Journal journal;
    /** Finishes delayed answers and socket faults, so no server thread waits out a delay. */
    final ScheduledExecutorService replies;

    private final SessionStore store;
    private final TokenRegistry tokens;
    private final ScheduledExecutorService timer;
    private final WebhookDispatcher webhooks;
    private final StateFile stateFile;
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final AtomicBoolean qrWarm = new AtomicBoolean();
    private String lastWriteError; // guarded by flush()'s monitor

    /**
     * Creates the state for one mock server, reading the state file if one is given.
     *
     * @throws IllegalStateException when the state file exists but cannot be read
     * @throws IllegalArgumentException naming a captured answer of {@code observed} that does not fit
     */
    public MockCore(Options options) {
        ObservedShapes observed =
                options.observed() == null ? ObservedShapes.NONE : ObservedShapes.load(options.observed());
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "wawp-mock-timer");
            t.setDaemon(true);
            return t;
        });
        this.replies = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "wawp-mock-replies");
            t.setDaemon(true);
            return t;
        });
        this.journal = new Journal(options.journalPerToken(), options.journalMax());
        this.webhooks = new WebhookDispatcher(timer, options.webhookAttempts(), options.webhookInterval());
        this.store = new SessionStore(
                new Session.Rules(
                        options.bootDelay() == null ? -1 : options.bootDelay().toNanos(),
                        options.qrRotation().toNanos()),
                this,
                options.maxSessions());
        this.tokens = new TokenRegistry(options.tokens(), options.defaultQuota());
        this.engine = new WawpEngine(store, this.tokens, observed);
        this.stateFile = options.stateFile() == null ? null : new StateFile(options.stateFile());
        if (stateFile != null) {
            try {
                stateFile.load(store, tokens, options.maxSessions());
            } catch (RuntimeException e) {
                timer.shutdownNow();
                replies.shutdownNow();
                throw e;
            }
            dirty.set(false);
            timer.scheduleWithFixedDelay(this::flush, 200, 200, TimeUnit.MILLISECONDS);
        }
    }

    // ---- session events: never block, never do I/O on the caller's thread ------------------

    @Override
    public void statusChanged(Session session, SessionStatus from, SessionStatus to) {
        dirty.set(true);
        webhooks.dispatch(session, to, to == SessionStatus.WORKING);
    }

    @Override
    public void bootPending(Session session, long delayNanos) {
        if (!qrWarm.getAndSet(true)) {
            // The JVM's PNG writer takes a second or two to load. Load it on the timer thread when the
            // first session boots (a QR code is near), not at start-up and not on a request.
            timer.execute(() -> QrCodes.pngDataUrl(QrCodes.newValue()));
        }
        try {
            timer.schedule(session::read, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopped) {
            // the mock is stopping; a later read still applies the boot
        }
    }

    @Override
    public void changed() {
        dirty.set(true);
    }

    /**
     * Writes the state file if anything changed since the last write. Synchronized, so a periodic
     * write of an older snapshot can never land after the final one at stop.
     */
    private synchronized void flush() {
        if (stateFile != null && dirty.getAndSet(false)) {
            try {
                stateFile.save(store, tokens);
            } catch (RuntimeException e) {
                dirty.set(true);
                if (!Objects.equals(e.getMessage(), lastWriteError)) { // once per distinct failure
                    System.err.println("[wawp-mock] " + e.getMessage());
                }
                lastWriteError = e.getMessage();
                return;
            }
            lastWriteError = null;
        }
    }

    /** Stops the timer, and writes the state file one last time. */
    @Override
    public void close() {
        webhooks.close();
        replies.shutdownNow();
        timer.shutdownNow();
        try {
            timer.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }

    @Override
    public List<WebhookDelivery> deliveries(String instanceId) {
        return store.require(instanceId).deliveries();
    }

    @Override
    public void webhooks(String instanceId, List<URI> urls, String secret) {
        if (urls.size() > MAX_WEBHOOK_URLS) {
            throw new WawpMockException(
                    400,
                    "too_many_webhook_urls",
                    "Expected at most " + MAX_WEBHOOK_URLS
                            + " webhook URLs per session, but got " + urls.size() + ". Send the events to one receiver "
                            + "and fan them out there.");
        }
        for (URI u : urls) {
            String problem = webhookUrlProblem(u);
            if (problem != null) {
                throw new WawpMockException(
                        400,
                        "invalid_webhook_url",
                        "Expected absolute http(s) webhook URLs like http://127.0.0.1:9000/hooks, of at most "
                                + MAX_WEBHOOK_URL_CHARS + " characters, but got " + problem + ".");
            }
        }
        if (secret != null && (secret.isEmpty() || secret.length() > MAX_WEBHOOK_SECRET_CHARS)) {
            throw new WawpMockException(
                    400,
                    "invalid_webhook_secret",
                    "Expected a secret of 1 to " + MAX_WEBHOOK_SECRET_CHARS
                            + " characters, or none (null) for unsigned webhooks, but got " + secret.length() + ".");
        }
        store.require(instanceId).webhooks(urls, secret);
    }

    /** Returns a session's webhook URLs and whether it has a secret. */
    public WebhookConfig webhookConfig(String instanceId) {
        Session s = store.require(instanceId);
        return new WebhookConfig(s.webhookUrls(), s.webhookSecret() != null);
    }

    /** A session's webhook settings as the control API shows them: the secret is never shown. */
    public record WebhookConfig(List<URI> urls, boolean signed) {}

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

    /** Returns the QR code a session shows now as a PNG data URL, or null unless it is SCAN_QR_CODE. */
    String qrPng(String instanceId) {
        Session.Qr qr = store.require(instanceId).readWithQr().qr();
        return qr == null ? null : qr.png();
    }

    @Override
    public MockSession seed(String token, String instanceId, SessionStatus status, boolean loggedIn) {
        requireToken(token);
        tokens.ensure(token);
        return store.seed(token, instanceId, status == null ? SessionStatus.STOPPED : status, loggedIn)
                .read()
                .toPublic();
    }

    @Override
    public MockSession move(String instanceId, SessionStatus status, Boolean loggedIn) {
        if (status == null) {
            throw new WawpMockException(
                    400,
                    "missing_status",
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
            throw new WawpMockException(
                    400,
                    "invalid_quota",
                    "Expected a quota of 0 or more creates (or null for no limit), but got " + quota + ".");
        }
        return view(token, tokens.put(token, quota == null ? TokenRegistry.UNLIMITED : quota));
    }

    @Override
    public List<TokenQuota> tokens() {
        return tokens.all().entrySet().stream()
                .map(e -> view(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(TokenQuota::tokenHint))
                .toList();
    }

    @Override
    public List<RecordedRequest> requests(RequestQuery query) {
        return journal.list(query.token(), query::matches, query.limit());
    }

    @Override
    public RecordedRequest takeRequest(String token, Duration timeout) {
        try {
            return journal.take(token, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public void clearRequests(String token) {
        journal.clear(token);
    }

    /** Returns how many requests the journal dropped to stay within its bounds. */
    public long droppedRequests() {
        return journal.dropped();
    }

    @Override
    public void reset() {
        journal.clear(null);
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
        dirty.set(true);
        engine.faults.clear(token);
        engine.unexpected.drain(token, false);
        journal.clear(token);
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
            throw new WawpMockException(
                    400,
                    "missing_token",
                    "Expected an access_token that owns the session, but none came. Add \"access_token\": \"...\".");
        }
        if (token.length() > 512 || token.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new WawpMockException(
                    400,
                    "invalid_token",
                    "Expected an access token of 1 to 512 printable ASCII characters without spaces, but got "
                            + token.length() + " characters with other ones. Pick a plain token like test-token-1.");
        }
    }
}
