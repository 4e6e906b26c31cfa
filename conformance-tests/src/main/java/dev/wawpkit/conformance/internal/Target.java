package dev.wawpkit.conformance.internal;

import dev.wawpkit.conformance.internal.TargetSettings.Kind;
import dev.wawpkit.mock.WawpMock;
import dev.wawpkit.mock.WawpMockClient;
import dev.wawpkit.mock.WawpMockServer;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Holds the server a run talks to: its base URL, the token the suite uses, and the mock's control API where the
 * target has one. Opened once per run, closed at its end; a dry run's target sends nothing. Thread-safe.
 */
public final class Target implements AutoCloseable {
    /** Where a Wawp mock serves its control API: a target where it answers 200 is a Wawp mock. */
    public static final String CONTROL_PROBE = "/__admin/wawp/tokens";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final TargetSettings settings;
    private final WawpMockServer embedded;
    private final Http http;
    private final String token;
    private final WawpMock control;
    private final boolean mock;

    private Target(
            TargetSettings settings, WawpMockServer embedded, Http http, String token, WawpMock control, boolean mock) {
        this.settings = settings;
        this.embedded = embedded;
        this.http = http;
        this.token = token;
        this.control = control;
        this.mock = mock;
    }

    /**
     * Opens the target: starts the embedded mock, or probes the URL for a control API.
     *
     * @throws ConformanceConfigException when the target cannot be used, saying why and how to fix it
     */
    public static Target open(TargetSettings settings) {
        return switch (settings.kind()) {
            case MOCK -> {
                String token = suiteToken();
                WawpMockServer.Builder builder =
                        WawpMockServer.builder().token(token).bootDelay(Duration.ofMillis(100));
                if (settings.observedDir() != null) {
                    builder.observed(settings.observedDir());
                }
                WawpMockServer server = builder.build().start();
                yield new Target(settings, server, new Http(server.baseUrl()), token, server.forToken(token), true);
            }
            case URL -> {
                Http http = new Http(settings.baseUrl());
                if (hasControlApi(settings.baseUrl())) {
                    String token = settings.token() == null ? suiteToken() : settings.token();
                    WawpMock client =
                            WawpMockClient.connect(settings.baseUrl(), token).forToken(token);
                    if (settings.token() == null) {
                        client.tokens().unlimited(token);
                    }
                    yield new Target(settings, null, http, token, client, true);
                }
                if (settings.token() == null) {
                    throw new ConformanceConfigException(
                            "The target " + settings.baseUrl() + " has no Wawp mock control API ("
                                    + CONTROL_PROBE + " did not answer 200), so the suite cannot make its own token: "
                                    + "export WAWP_TOKEN=your-token (or -Dwawp.token=...).");
                }
                yield new Target(settings, null, http, settings.token(), null, false);
            }
            case LIVE -> new Target(settings, null, new Http(settings.baseUrl()), settings.token(), null, false);
        };
    }

    /** Returns a target for a dry run: it knows whether the target is a Wawp mock (a URL is probed), and sends nothing. */
    public static Target dry(TargetSettings settings) {
        boolean mock = settings.kind() == Kind.MOCK || settings.kind() == Kind.URL && hasControlApi(settings.baseUrl());
        return new Target(settings, null, null, settings.token() == null ? "{token}" : settings.token(), null, mock);
    }

    /** Answers whether a Wawp mock control API answers at the base URL. */
    public static boolean hasControlApi(URI baseUrl) {
        return new Http(baseUrl).answers200(CONTROL_PROBE);
    }

    private static String suiteToken() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        String token = "conformance-" + HexFormat.of().formatHex(b);
        Masking.register(token);
        return token;
    }

    public TargetSettings settings() {
        return settings;
    }

    public Http http() {
        return http;
    }

    public String token() {
        return token;
    }

    public Optional<WawpMock> control() {
        return Optional.ofNullable(control);
    }

    public boolean isMock() {
        return mock;
    }

    public boolean dry() {
        return http == null;
    }

    public boolean isLive() {
        return settings.kind() == Kind.LIVE;
    }

    /** Describes the target in one line, token masked. */
    public String describe() {
        String where = switch (settings.kind()) {
            case MOCK -> "embedded Wawp mock" + (embedded == null ? "" : " at " + embedded.baseUrl());
            case URL -> "base URL " + settings.baseUrl();
            case LIVE -> "live Wawp API at " + settings.baseUrl();
        };
        return Masking.mask(where + " (token " + Masking.token(token) + "; control API: " + (mock ? "yes" : "no")
                + (isLive() ? "; creates " + (settings.allowCreate() ? "allowed" : "not allowed") : "") + ")");
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        } else if (control != null) {
            try {
                control.reset(); // leave a shared mock as we found it: only our token's share
            } catch (RuntimeException ignored) {
                // best effort
            }
        }
    }
}
