package dev.wawpkit.conformance.internal;

import dev.wawpkit.conformance.internal.TargetSettings.Kind;
import dev.wawpkit.mock.WawpMock;
import dev.wawpkit.mock.WawpMockClient;
import dev.wawpkit.mock.WawpMockServer;
import java.net.URI;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.security.SecureRandom;

/**
 * Holds the server a run talks to: its base URL, the token the suite uses, and the mock's control
 * API where the target has one. Opened once per run, closed at its end; thread-safe.
 */
public final class Target implements AutoCloseable {
    /** Where a Wawp mock serves its control API. */
    public static final String CONTROL_PROBE = "/__admin/wawp/tokens";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TargetSettings settings;
    private final WawpMockServer embedded;
    private final Http http;
    private final String token;
    private final WawpMock control;

    private Target(TargetSettings settings, WawpMockServer embedded, Http http, String token, WawpMock control) {
        this.settings = settings;
        this.embedded = embedded;
        this.http = http;
        this.token = token;
        this.control = control;
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
                WawpMockServer server = WawpMockServer.builder().token(token).bootDelay(Duration.ofMillis(100)).build().start();
                yield new Target(settings, server, new Http(server.baseUrl()), token, server.forToken(token));
            }
            case URL -> {
                Http http = new Http(settings.baseUrl());
                if (hasControlApi(settings.baseUrl())) {
                    String token = settings.token();
                    WawpMock client;
                    if (token == null) {
                        token = suiteToken();
                        client = WawpMockClient.connect(settings.baseUrl(), token).forToken(token);
                        client.tokens().unlimited(token);
                    } else {
                        client = WawpMockClient.connect(settings.baseUrl(), token).forToken(token);
                    }
                    yield new Target(settings, null, http, token, client);
                }
                if (settings.token() == null) {
                    throw new ConformanceConfigException("The target " + settings.baseUrl() + " has no Wawp mock control API ("
                            + CONTROL_PROBE + " did not answer 200), so the suite cannot make its own token: "
                            + "export WAWP_TOKEN=your-token (or -Dwawp.token=...).");
                }
                yield new Target(settings, null, http, settings.token(), null);
            }
            case LIVE -> new Target(settings, null, new Http(settings.baseUrl()), settings.token(), null);
        };
    }

    /** Answers whether a Wawp mock control API answers at the base URL; never for live. */
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

    /** Returns the settings the run was started with. */
    public TargetSettings settings() {
        return settings;
    }

    /** Returns the HTTP driver for the target. */
    public Http http() {
        return http;
    }

    /** Returns the token the suite sends. */
    public String token() {
        return token;
    }

    /** Returns the control API scoped to the suite's token, where the target has one. */
    public Optional<WawpMock> control() {
        return Optional.ofNullable(control);
    }

    /** Returns whether this is the live API. */
    public boolean isLive() {
        return settings.kind() == Kind.LIVE;
    }

    /** Deletes a session the suite created (live only), ignoring the answer; best effort. */
    public void delete(String instanceId) {
        http.send("DELETE", "/v2/session/delete", Map.of("instance_id", instanceId, "access_token", token), "application/json");
    }

    /** Describes the target in one line, token masked. */
    public String describe() {
        String where = switch (settings.kind()) {
            case MOCK -> "embedded Wawp mock at " + http.baseUrl();
            case URL -> "base URL " + http.baseUrl();
            case LIVE -> "live Wawp API at " + http.baseUrl();
        };
        return Masking.mask(where + " (token " + Masking.maskToken(token) + "; control API: " + (control != null ? "yes" : "no")
                + (isLive() ? "; creates " + (settings.allowCreate() ? "allowed" : "not allowed") : "") + ")");
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        } else if (control != null) {
            try {
                control.reset();                      // leave a shared mock as we found it: only our token's share
            } catch (RuntimeException ignored) {
                // best effort
            }
        }
    }

    @Override
    public String toString() {
        return "Target[" + describe() + "]";
    }
}
