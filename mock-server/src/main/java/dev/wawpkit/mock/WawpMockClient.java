package dev.wawpkit.mock;

import dev.wawpkit.mock.internal.HttpControlPort;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * Steers a mock started elsewhere (for example with {@code java -jar wawp-mock-server.jar}) through
 * its HTTP control API, with the same Java API as the in-process {@link WawpMockServer}.
 *
 * <pre>{@code
 * WawpMock mock = WawpMockClient.connect(URI.create("http://127.0.0.1:8080")).awaitReady(Duration.ofSeconds(30));
 * WawpMock mine = mock.forToken("suite-a-token");   // share the server with other suites
 * }</pre>
 *
 * <p>Thread-safe. Each operation is one HTTP call with a 10-second timeout; connecting makes none,
 * so a client can be made before the mock is up and wait for it with {@link #awaitReady(Duration)}.
 */
public final class WawpMockClient extends ForwardingWawpMock {
    private static final Duration POLL = Duration.ofMillis(100);
    private final PortMock api;
    private final String adminToken;

    private WawpMockClient(URI baseUrl, String token, String adminToken) {
        HttpControlPort port = new HttpControlPort(baseUrl, Duration.ofSeconds(10), adminToken);
        this.api = new PortMock(port, () -> baseUrl, token);
        this.adminToken = adminToken;
    }

    /**
     * Makes a client for the mock at the URL; seeds use {@value WawpMockServer#DEFAULT_TOKEN}. No call
     * is made yet: the first operation fails with an {@link IllegalStateException} naming the URL
     * when nothing answers there; {@link #awaitReady(Duration)} waits for a mock that is starting.
     */
    public static WawpMockClient connect(URI baseUrl) {
        return connect(baseUrl, WawpMockServer.DEFAULT_TOKEN);
    }

    /** Makes a client for a mock whose seeded sessions default to the given token (see {@link #connect(URI)}). */
    public static WawpMockClient connect(URI baseUrl, String token) {
        return connect(baseUrl, token, null);
    }

    /**
     * Makes a client for a mock whose control API is locked with an admin token ({@code --admin-token});
     * the token also opens its health probe.
     */
    public static WawpMockClient connect(URI baseUrl, String token, String adminToken) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        return new WawpMockClient(baseUrl, Objects.requireNonNull(token, "token"), adminToken);
    }

    /**
     * Waits until the mock answers: polls its health probe {@code GET /__admin/health} every 100 ms
     * until it answers 200, then checks the Wawp control API answers too.
     *
     * @return this client, ready to use
     * @throws IllegalStateException when no 200 came within the timeout (naming the URL and the last
     *                               answer or error), the probe answers 401 (the admin token is
     *                               missing or wrong: waiting cannot fix that), or the server is
     *                               not a Wawp mock
     */
    public WawpMockClient awaitReady(Duration timeout) {
        if (Objects.requireNonNull(timeout, "timeout").isNegative()) {
            throw new IllegalArgumentException("Expected a timeout of 0 or more, but got " + timeout + ".");
        }
        URI health = api.baseUrl().resolve("/__admin/health");
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last;
        while (true) {
            HttpRequest.Builder request = HttpRequest.newBuilder(health)
                    .timeout(Duration.ofSeconds(2))
                    .GET();
            if (adminToken != null) {
                request.header("X-Wawp-Admin-Token", adminToken);
            }
            try {
                HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    tokens().list(); // a Wawp mock, not another server that has a health route
                    return this;
                }
                last = r.statusCode() + " " + shortened(r.body());
                if (r.statusCode() == 401) {
                    throw new IllegalStateException("Expected GET " + health + " to answer 200, but got " + last
                            + ": the mock's control API is locked. Pass its admin token: "
                            + "WawpMockClient.connect(url, token, adminToken).");
                }
            } catch (IOException e) {
                last = e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " (" + shortened(e.getMessage()) + ")");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the Wawp mock at " + health, e);
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new IllegalStateException("Expected GET " + health + " to answer 200 within " + timeout.toMillis()
                        + " ms, but the last try got " + last
                        + ". Start the mock (java -jar wawp-mock-server.jar --port "
                        + api.baseUrl().getPort() + ") or wait longer.");
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the Wawp mock at " + health, e);
            }
        }
    }

    private static String shortened(String s) {
        String clean = s.replaceAll("\\s+", " ").strip();
        return clean.length() > 120 ? clean.substring(0, 120) + "..." : clean;
    }

    @Override
    public URI baseUrl() {
        return api.baseUrl();
    }

    @Override
    PortMock api() {
        return api;
    }

    @Override
    public String toString() {
        return "WawpMockClient{" + api.baseUrl() + "}";
    }
}
