package dev.wawpkit.mock;

import dev.wawpkit.mock.internal.HttpControlPort;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Steers a mock started elsewhere (for example with {@code java -jar wawp-mock-server.jar}) through
 * its HTTP control API, with the same Java API as the in-process {@link WawpMockServer}.
 *
 * <pre>{@code
 * WawpMock mock = WawpMockClient.connect(URI.create("http://127.0.0.1:8080"));
 * WawpMock mine = mock.forToken("suite-a-token");   // share the server with other suites
 * }</pre>
 *
 * <p>Thread-safe. Each operation is one HTTP call with a 10-second timeout.
 */
public final class WawpMockClient extends ForwardingWawpMock {
    private final PortMock api;

    private WawpMockClient(URI baseUrl, String token, String adminToken) {
        HttpControlPort port = new HttpControlPort(baseUrl, Duration.ofSeconds(10), adminToken);
        this.api = new PortMock(port, () -> baseUrl, token);
    }

    /**
     * Connects to a running mock and checks that it answers; seeds use {@value WawpMockServer#DEFAULT_TOKEN}.
     *
     * @throws IllegalStateException when nothing answers at the URL, or it is not a Wawp mock
     */
    public static WawpMockClient connect(URI baseUrl) {
        return connect(baseUrl, WawpMockServer.DEFAULT_TOKEN);
    }

    /** Connects to a running mock whose seeded sessions default to the given token. */
    public static WawpMockClient connect(URI baseUrl, String token) {
        return connect(baseUrl, token, null);
    }

    /** Connects to a mock whose control API is locked with an admin token ({@code --admin-token}). */
    public static WawpMockClient connect(URI baseUrl, String token, String adminToken) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        WawpMockClient client = new WawpMockClient(baseUrl, Objects.requireNonNull(token, "token"), adminToken);
        client.tokens().list(); // fails fast with a clear message when nothing answers
        return client;
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
