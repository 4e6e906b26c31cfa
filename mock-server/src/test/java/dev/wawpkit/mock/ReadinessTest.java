package dev.wawpkit.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A test or a script waits for a standalone mock with one call: {@code awaitReady}, or the health probe. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReadinessTest {
    private static final String ADMIN = "admin-secret-42";

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static HttpResponse<String> health(URI base, String adminToken) throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(base.resolve("/__admin/health")).GET();
        if (adminToken != null) {
            b.header("X-Wawp-Admin-Token", adminToken);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void awaitReadyWaitsForAMockThatStartsLater() throws Exception {
        int port = freePort();
        URI url = URI.create("http://127.0.0.1:" + port);
        CompletableFuture<WawpMockServer> later = CompletableFuture.supplyAsync(() -> {
            try {
                Thread.sleep(700);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return WawpMockServer.builder().port(port).build().start();
        });
        try {
            WawpMockClient client = WawpMockClient.connect(url).awaitReady(Duration.ofSeconds(20));

            assertThat(later).as("the mock started while the client waited").isDone();
            assertThat(client.sessions()).isEmpty();
        } finally {
            later.get(20, TimeUnit.SECONDS).close();
        }
    }

    @Test
    void awaitReadyOnNothingFailsNamingTheUrlAndWhatCame() throws Exception {
        int port = freePort();

        assertThatThrownBy(() -> WawpMockClient.connect(URI.create("http://127.0.0.1:" + port))
                        .awaitReady(Duration.ofMillis(300)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(
                        "Expected GET http://127.0.0.1:" + port + "/__admin/health to answer 200 within 300 ms")
                .hasMessageContaining("ConnectException")
                .hasMessageContaining("--port " + port);
    }

    @Test
    void theHealthProbeIsOpenWithoutAnAdminToken() throws Exception {
        try (WawpMockServer mock = WawpMockServer.builder().build().start()) {
            HttpResponse<String> r = health(mock.baseUrl(), null);

            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode body = new ObjectMapper().readTree(r.body());
            assertThat(body.path("status").asText()).isEqualTo("healthy");
        }
    }

    @Test
    void aLockedMockKeepsItsHealthProbeLocked() throws Exception {
        try (WawpMockServer mock =
                WawpMockServer.builder().adminToken(ADMIN).build().start()) {
            assertThat(health(mock.baseUrl(), null).statusCode()).isEqualTo(401);
            assertThat(health(mock.baseUrl(), ADMIN).statusCode()).isEqualTo(200);

            assertThat(WawpMockClient.connect(mock.baseUrl(), "t-123456", ADMIN)
                            .awaitReady(Duration.ofSeconds(5))
                            .sessions())
                    .isEmpty();
            assertThatThrownBy(() -> WawpMockClient.connect(mock.baseUrl()).awaitReady(Duration.ofSeconds(30)))
                    .as("no waiting: a missing admin token does not fix itself")
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("401")
                    .hasMessageContaining("WawpMockClient.connect(url, token, adminToken)");
        }
    }

    @Test
    void anotherServerWithAHealthRouteIsNotTakenForTheMock() throws Exception {
        HttpServer other = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        other.createContext("/", exchange -> {
            byte[] body = "{\"status\":\"healthy\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(
                    exchange.getRequestURI().getPath().equals("/__admin/health") ? 200 : 404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        other.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + other.getAddress().getPort());

            assertThatThrownBy(() -> WawpMockClient.connect(url).awaitReady(Duration.ofSeconds(5)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("a Wawp mock");
        } finally {
            other.stop(0);
        }
    }
}
