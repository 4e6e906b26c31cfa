package dev.wawpkit.mock;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.wawpkit.mock.internal.MockCore;
import dev.wawpkit.mock.internal.WireMockWiring;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs a stateful simulation of the Wawp session API on embedded WireMock.
 *
 * <pre>{@code
 * try (WawpMockServer mock = WawpMockServer.builder().token("test-token-1").build().start()) {
 *     URI api = mock.baseUrl();          // http://127.0.0.1:<free port>
 *     ...
 * }
 * }</pre>
 *
 * <p>Defaults: port 0 (a free port), bound to 127.0.0.1, the token {@value #DEFAULT_TOKEN} when none
 * is given, no create quota, a boot delay of 500 ms. Thread-safe. Starting or closing twice is
 * harmless; a closed server cannot be started again.
 */
public final class WawpMockServer extends ForwardingWawpMock implements AutoCloseable {
    /** The token a mock accepts when none is configured. */
    public static final String DEFAULT_TOKEN = "wawp-dev-token";
    /** How long STARTING lasts unless configured: short, so tests stay fast. */
    public static final Duration DEFAULT_BOOT_DELAY = Duration.ofMillis(500);
    /** How many sessions a mock keeps unless configured; beyond it the least recently used are forgotten. */
    public static final int DEFAULT_MAX_SESSIONS = 100_000;
    /** How many requests the journal keeps per access token unless configured. */
    public static final int DEFAULT_JOURNAL_PER_TOKEN = MockCore.DEFAULT_JOURNAL_PER_TOKEN;
    /** How many requests the journal keeps in all unless configured. */
    public static final int DEFAULT_JOURNAL_MAX = MockCore.DEFAULT_JOURNAL_MAX;
    /** How often the QR code changes while SCAN_QR_CODE unless configured (Wawp: 20 to 40 s). */
    public static final Duration DEFAULT_QR_ROTATION = Duration.ofSeconds(30);

    private enum State {
        NEW,
        RUNNING,
        CLOSED
    }

    private final MockCore core;
    private final WireMockServer wireMock;
    private final String bindAddress;
    private final PortMock api;
    private volatile State state = State.NEW;

    private WawpMockServer(Builder b) {
        Map<String, Integer> tokens = new LinkedHashMap<>();
        if (b.tokens.isEmpty()) {
            tokens.put(DEFAULT_TOKEN, b.quota);
        } else {
            b.tokens.forEach((t, q) -> tokens.put(t, q == null ? b.quota : q));
        }
        this.core = new MockCore(new MockCore.Options(
                tokens,
                b.quota,
                b.bootDelay,
                b.qrRotation,
                b.webhookAttempts,
                b.webhookInterval,
                b.stateFile,
                b.maxSessions,
                b.journalPerToken,
                b.journalMax,
                b.observed));
        this.bindAddress = b.bindAddress;
        if (b.adminToken == null && !b.openControlApi && !isLoopback(b.bindAddress)) {
            core.close();
            throw new IllegalArgumentException(
                    "Refusing to listen on " + b.bindAddress + " with an open control API: "
                            + "anyone who reaches it could change every session. Set an admin token "
                            + "(--admin-token, WAWP_MOCK_ADMIN_TOKEN, or adminToken(...)), bind to 127.0.0.1, or pass "
                            + "--open-control-api (env WAWP_MOCK_OPEN_CONTROL_API=true, or openControlApi()) if the network is yours alone.");
        }
        this.wireMock = WireMockWiring.create(
                core, b.port, b.bindAddress, b.adminToken, b.corsOrigins, b.openControlApi, b.wireMockAdmin);
        this.api = new PortMock(core, this::baseUrl, tokens.keySet().iterator().next());
    }

    private static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Starts describing a mock server. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts the server and returns it; does nothing if it is running.
     *
     * @throws IllegalStateException if the server was closed, or the port is taken
     */
    public synchronized WawpMockServer start() {
        if (state == State.RUNNING) {
            return this;
        }
        if (state == State.CLOSED) {
            throw new IllegalStateException(
                    "This WawpMockServer was closed; build a new one with WawpMockServer.builder().");
        }
        try {
            wireMock.start();
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "Could not start the Wawp mock on " + bindAddress + ": " + e.getMessage()
                            + ". Pick another port, or port 0 for a free one.",
                    e);
        }
        state = State.RUNNING;
        return this;
    }

    /** Stops the server; does nothing if it is not running. Same as {@link #close()}. */
    public synchronized void stop() {
        if (state == State.RUNNING) {
            wireMock.stop();
        }
        if (state != State.CLOSED) {
            core.close();
        }
        state = State.CLOSED;
    }

    /** Stops the server. */
    @Override
    public void close() {
        stop();
    }

    /** Returns whether the server is serving. */
    public boolean isRunning() {
        return state == State.RUNNING;
    }

    /**
     * Returns the port the server listens on.
     *
     * @throws IllegalStateException before {@link #start()}
     */
    public int port() {
        requireRunning();
        return wireMock.port();
    }

    /** Returns the base URL, such as {@code http://127.0.0.1:8080}; call {@link #start()} first. */
    @Override
    public URI baseUrl() {
        String host = bindAddress.equals("0.0.0.0") || bindAddress.equals("::")
                ? "127.0.0.1"
                : bindAddress.contains(":") ? "[" + bindAddress + "]" : bindAddress;
        return URI.create("http://" + host + ":" + port());
    }

    /** Lists the sessions owned by one access token, oldest first. */
    public List<MockSession> sessions(String accessToken) {
        return core.sessions(Objects.requireNonNull(accessToken, "accessToken"));
    }

    /**
     * Returns the WireMock server underneath, the one escape hatch for what this API does not cover
     * (extra stubs, WireMock's own admin API). A stub added here answers the requests it matches
     * before the simulation, fault armed or not; everything else is simulated. WireMock's resets
     * remove only such stubs. Its own request journal is off: use {@link #requests()}.
     */
    public WireMockServer wireMock() {
        return wireMock;
    }

    @Override
    PortMock api() {
        return api;
    }

    @Override
    public String toString() {
        return switch (state) {
            case NEW -> "WawpMockServer{new}";
            case RUNNING -> "WawpMockServer{running at " + baseUrl() + "}";
            case CLOSED -> "WawpMockServer{closed}";
        };
    }

    private void requireRunning() {
        if (state != State.RUNNING) {
            throw new IllegalStateException("The Wawp mock is " + state.name().toLowerCase() + ": call start() first.");
        }
    }

    /**
     * Describes a {@link WawpMockServer}. Not thread-safe; build once.
     */
    public static final class Builder {
        private int port = 0;
        private String bindAddress = "127.0.0.1";
        private final Map<String, Integer> tokens = new LinkedHashMap<>();
        private int quota = -1;
        private Duration bootDelay = DEFAULT_BOOT_DELAY;
        private Duration qrRotation = DEFAULT_QR_ROTATION;
        private int webhookAttempts = 15;
        private Duration webhookInterval = Duration.ofSeconds(2);
        private Path stateFile;
        private Path observed;
        private String adminToken;
        private boolean openControlApi;
        private int maxSessions = DEFAULT_MAX_SESSIONS;
        private int journalPerToken = DEFAULT_JOURNAL_PER_TOKEN;
        private int journalMax = DEFAULT_JOURNAL_MAX;
        private List<String> corsOrigins = List.of("*");
        private boolean wireMockAdmin;

        private Builder() {}

        /**
         * Sets which web origins may call the API from a browser (CORS), such as
         * {@code "http://localhost:3000"}; {@code "*"} (the default) allows any, none turns CORS off.
         * Never credentials, and never for the control API.
         */
        public Builder corsOrigins(String... origins) {
            for (String o : origins) {
                if (o == null || !(o.equals("*") || o.matches("https?://[A-Za-z0-9.\\[\\]:-]+"))) {
                    throw new IllegalArgumentException("Expected origins like http://localhost:3000 (scheme, host, "
                            + "optional port; no path), or *, but got '" + o + "'.");
                }
            }
            this.corsOrigins = List.of(origins);
            return this;
        }

        /**
         * Sizes the request journal: how many requests it keeps per access token (requests without
         * one share a ring), and in all; the oldest go first. Default 1,000 per token, 20,000 in all.
         */
        public Builder journal(int perToken, int max) {
            if (perToken < 1 || max < perToken || max > 10_000_000) {
                throw new IllegalArgumentException("Expected a journal of 1 or more requests per token and a total "
                        + "from that number to 10,000,000, but got " + perToken + " per token and " + max + " in all.");
            }
            this.journalPerToken = perToken;
            this.journalMax = max;
            return this;
        }

        /**
         * Locks the control API (and WireMock's own {@code /__admin}): every call must carry this token
         * in {@code X-Wawp-Admin-Token} or {@code Authorization: Bearer}. Required when binding beyond
         * loopback, unless {@link #openControlApi()}.
         */
        public Builder adminToken(String token) {
            if (token == null || token.length() < 8 || token.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
                throw new IllegalArgumentException("Expected an admin token of at least 8 printable ASCII characters "
                        + "without spaces, but got " + (token == null ? "none" : token.length() + " characters") + ".");
            }
            this.adminToken = token;
            return this;
        }

        /**
         * Sets how many sessions the mock keeps in all; beyond it the oldest stored are forgotten (and
         * answer 404), so a long load run cannot exhaust memory. Default 100,000.
         */
        public Builder maxSessions(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("Expected a session limit of 1 or more, but got " + max + ".");
            }
            this.maxSessions = max;
            return this;
        }

        /**
         * Turns on WireMock's own admin routes that a mock does not need and keeps off: shutdown,
         * files, settings, recordings, and stubs sent over HTTP that proxy to other hosts, read their
         * body from a file or fire WireMock's webhook.
         */
        public Builder wireMockAdminRoutes() {
            this.wireMockAdmin = true;
            return this;
        }

        /** Allows binding beyond loopback without an admin token: say so only on a network that is yours alone. */
        public Builder openControlApi() {
            this.openControlApi = true;
            return this;
        }

        /** Sets how often the QR code changes while a session waits for a scan; default 30 s. */
        public Builder qrRotation(Duration period) {
            Objects.requireNonNull(period, "period");
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("Expected a QR rotation period above 0, but got " + period + ".");
            }
            this.qrRotation = period;
            return this;
        }

        /**
         * Sets how webhooks are retried until the receiver answers 2xx: how many attempts in all, and
         * how long between them; default 15 attempts 2 s apart, as Wawp documents.
         */
        public Builder webhookRetries(int attempts, Duration interval) {
            if (attempts < 1 || attempts > 100) {
                throw new IllegalArgumentException("Expected 1 to 100 webhook attempts, but got " + attempts + ".");
            }
            if (Objects.requireNonNull(interval, "interval").isNegative()) {
                throw new IllegalArgumentException("Expected a retry interval of 0 or more, but got " + interval + ".");
            }
            this.webhookAttempts = attempts;
            this.webhookInterval = interval;
            return this;
        }

        /**
         * Keeps sessions and quotas in this JSON file across restarts: read when the server is built,
         * written (atomically, off the request path) within 200 ms of each change and at stop.
         *
         * @throws IllegalStateException from {@link #build()} when the file exists but is corrupt
         */
        public Builder stateFile(Path file) {
            this.stateFile = Objects.requireNonNull(file, "file");
            return this;
        }

        /**
         * Answers with the shapes a conformance capture observed on another server (the suite's {@code --capture DIR}):
         * its error bodies in place of the mock's own, and its extra success fields beside the mock's. The state machine
         * and every documented rule stay the mock's. Default: none.
         *
         * @throws IllegalArgumentException from {@link #build()}, naming a file of the directory that does not fit
         */
        public Builder observed(Path captureDir) {
            this.observed = Objects.requireNonNull(captureDir, "captureDir");
            return this;
        }

        /** Sets the port; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("Expected a port from 0 to 65535, but got " + port + ".");
            }
            this.port = port;
            return this;
        }

        /** Sets the address to listen on; the default 127.0.0.1 keeps the mock off the network. */
        public Builder bindAddress(String bindAddress) {
            Objects.requireNonNull(bindAddress, "bindAddress");
            // [::1] as in a URL is ::1 to the socket
            this.bindAddress = bindAddress.startsWith("[") && bindAddress.endsWith("]")
                    ? bindAddress.substring(1, bindAddress.length() - 1)
                    : bindAddress;
            return this;
        }

        /** Adds a valid access token with the default quota; without any, {@value #DEFAULT_TOKEN} is valid. */
        public Builder token(String token) {
            tokens.put(requireToken(token), null);
            return this;
        }

        /** Adds a valid access token with its own create quota. */
        public Builder token(String token, int quota) {
            tokens.put(requireToken(token), requireQuota(quota));
            return this;
        }

        /** Sets how many sessions each token may create (403 after that); default no limit. */
        public Builder quota(int quota) {
            this.quota = requireQuota(quota);
            return this;
        }

        /** Sets how long STARTING lasts before the session boots by itself; default 500 ms. */
        public Builder bootDelay(Duration bootDelay) {
            Objects.requireNonNull(bootDelay, "bootDelay");
            if (bootDelay.isNegative()) {
                throw new IllegalArgumentException("Expected a boot delay of 0 or more, but got " + bootDelay + ".");
            }
            this.bootDelay = bootDelay;
            return this;
        }

        /** Makes STARTING last until the control API moves the session (no automatic boot). */
        public Builder manualBoot() {
            this.bootDelay = null;
            return this;
        }

        /**
         * Creates the server, not yet started.
         *
         * @throws IllegalArgumentException when bound beyond loopback with neither an admin token nor
         *                                  {@link #openControlApi()}
         * @throws IllegalStateException    when the state file exists but cannot be read
         */
        public WawpMockServer build() {
            return new WawpMockServer(this);
        }

        private static String requireToken(String token) {
            if (token == null || token.isBlank() || token.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
                throw new IllegalArgumentException("Expected a token of printable ASCII characters without spaces, "
                        + "but got " + (token == null ? "null" : token.length() + " characters with other ones") + ".");
            }
            return token;
        }

        private static int requireQuota(int quota) {
            if (quota < 0) {
                throw new IllegalArgumentException("Expected a quota of 0 or more creates, but got " + quota + ".");
            }
            return quota;
        }
    }
}
