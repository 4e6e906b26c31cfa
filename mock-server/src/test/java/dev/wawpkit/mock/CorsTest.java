package dev.wawpkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wawpkit.mock.junit5.WawpMockTest;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Browsers on other origins may call the API (never the control API); a stray Upgrade header is ignored. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@WawpMockTest(token = CorsTest.TOKEN, bootDelayMillis = -1)
class CorsTest {
    static final String TOKEN = "cors-token-00001";

    private final WawpMockServer mock;

    CorsTest(WawpMockServer mock) {
        this.mock = mock;
    }

    @Test
    void aPreflightForAnApiEndpointIsAnsweredAndTheAnswerCarriesTheOrigin() {
        Http.Response preflight = Http.to(mock, "/v2/session/start")
                .method("OPTIONS")
                .header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type, access-token")
                .send();

        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(preflight.header("Access-Control-Allow-Methods")).isEqualTo("POST, GET");
        assertThat(preflight.header("Access-Control-Allow-Headers")).isEqualTo("content-type, access-token");
        assertThat(preflight.header("Access-Control-Allow-Credentials")).isNull();
        Http.Response create = Http.to(mock, "/v2/session/create?access_token=" + TOKEN)
                .header("Origin", "http://localhost:3000")
                .send();
        assertThat(create.status()).isEqualTo(200);
        assertThat(create.header("Access-Control-Allow-Origin")).isEqualTo("*");
        mock.verify(Endpoint.START).never();
    }

    @Test
    void theControlApiGetsNoCorsHeaders() {
        Http.Response r = Http.to(mock, "/__admin/wawp/sessions")
                .method("GET")
                .header("Origin", "http://evil.example")
                .send();

        assertThat(r.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void onlyTheConfiguredOriginsAreAllowed() {
        // Its own mock: the allowed origins, the builder option this test is about.
        try (WawpMockServer strict = WawpMockServer.builder()
                .token(TOKEN)
                .corsOrigins("http://localhost:3000")
                .build()
                .start()) {
            Http.Response allowed = Http.to(strict.baseUrl(), "/v2/session/create?access_token=" + TOKEN)
                    .header("Origin", "http://localhost:3000")
                    .send();
            Http.Response other = Http.to(strict.baseUrl(), "/v2/session/create?access_token=" + TOKEN)
                    .header("Origin", "http://localhost:4000")
                    .send();

            assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
            assertThat(allowed.header("Vary")).isEqualTo("Origin");
            assertThat(other.header("Access-Control-Allow-Origin")).isNull();
        }
    }

    @Test
    void aStrayUpgradeHeaderWithoutConnectionUpgradeIsIgnored() throws IOException {
        try (Socket s = new Socket("127.0.0.1", mock.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream()
                    .write(("POST /v2/session/create?access_token=" + TOKEN + " HTTP/1.1\r\nHost: x\r\n"
                                    + "Upgrade: h2c\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 200").contains("\"instance_id\"");
        }
    }
}
