package dev.wawpkit.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wawpkit.mock.junit5.WawpMockTest;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The attacks of issue 13, scripted against 127.0.0.1: a hostile web page, WireMock's own routes,
 * unbounded collections, odd bind addresses. Each answer is a documented 4xx, never a 5xx.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@WawpMockTest(token = HardeningTest.TOKEN, bootDelayMillis = -1)
class HardeningTest {
    static final String TOKEN = "hard-token-00001";

    private final WawpMockServer mock;

    HardeningTest(WawpMockServer mock) {
        this.mock = mock;
    }

    @Test
    void aForeignWebPageCannotResetOrStopTheMock() throws IOException {
        String id = mock.seedSession().token(TOKEN).create().instanceId();

        String reset = raw("POST /__admin/wawp/reset HTTP/1.1\r\nHost: 127.0.0.1:" + mock.port()
                + "\r\nOrigin: http://evil.example\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nhi");
        String shutdown = raw("POST /__admin/shutdown HTTP/1.1\r\nHost: 127.0.0.1:" + mock.port()
                + "\r\nOrigin: http://evil.example\r\nContent-Length: 0\r\n\r\n");

        assertThat(reset)
                .startsWith("HTTP/1.1 403")
                .contains("cross_origin_refused")
                .doesNotContainIgnoringCase("Access-Control-Allow-Origin");
        assertThat(shutdown).startsWith("HTTP/1.1 403");
        assertThat(mock.session(id).status()).isEqualTo(SessionStatus.STOPPED);
        assertThat(Calls.create(mock, TOKEN).status()).as("still serving").isEqualTo(200);
    }

    @Test
    void aRebindingHostNameIsRefusedWhileTheControlApiIsOpen() throws IOException {
        String rebound =
                raw("GET /__admin/wawp/sessions HTTP/1.1\r\nHost: attacker.example:" + mock.port() + "\r\n\r\n");
        String own = raw("GET /__admin/wawp/sessions HTTP/1.1\r\nHost: localhost:" + mock.port() + "\r\n\r\n");

        assertThat(rebound).startsWith("HTTP/1.1 403").contains("host_refused");
        assertThat(own).startsWith("HTTP/1.1 200");
    }

    @Test
    void withAnAdminTokenAnyHostNameWorksForWhoeverHasTheToken() throws IOException {
        // Its own mock: the admin token, the builder option this test is about.
        try (WawpMockServer locked = WawpMockServer.builder()
                .token(TOKEN)
                .adminToken("admin-secret-1")
                .build()
                .start()) {
            String byServiceName = raw(
                    locked.port(),
                    "GET /__admin/wawp/sessions HTTP/1.1\r\nHost: wawp-mock:8080\r\n"
                            + "X-Wawp-Admin-Token: admin-secret-1\r\n\r\n");
            String without = raw(locked.port(), "GET /__admin/wawp/sessions HTTP/1.1\r\nHost: wawp-mock:8080\r\n\r\n");

            assertThat(byServiceName).startsWith("HTTP/1.1 200");
            assertThat(without).startsWith("HTTP/1.1 401").contains("admin_token_required");
        }
    }

    @Test
    void savingStubsToFilesTheMockDoesNotKeepIsRefused() throws IOException {
        String answer = raw("POST /__admin/mappings/save HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n");

        assertThat(answer)
                .startsWith("HTTP/1.1 404")
                .contains("\"error\":\"mapping_files_off\"")
                .contains("POST /__admin/mappings/import");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "POST | /__admin/shutdown",
                "PUT | /__admin/files/hello.txt",
                "GET | /__admin/settings",
                "POST | /__admin/recordings/start"
            })
    void wireMocksRoutesAMockDoesNotNeedAreOff(String method, String path) throws IOException {
        String answer = raw(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: 2\r\n\r\n{}");

        assertThat(answer)
                .startsWith("HTTP/1.1 404")
                .contains("wiremock_route_off")
                .contains("--wiremock-admin");
        assertThat(Calls.create(mock, TOKEN).status()).isEqualTo(200);
    }

    @Test
    void aProxyStubIsRefused() throws IOException {
        String body = "{\"request\": {\"url\": \"/steal\"}, \"response\": {\"proxyBaseUrl\": \"http://127.0.0.2:9\"}}";
        String answer = raw("POST /__admin/mappings HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body);

        assertThat(answer).startsWith("HTTP/1.1 400").contains("proxy_stubs_off");
        assertThat(mock.wireMock().getStubMappings()).isEmpty();
    }

    @Test
    void aControlBodyMustBeJson() throws IOException {
        String answer = raw("POST /__admin/wawp/faults HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
                + "Content-Length: 22\r\n\r\n{\"endpoint\": \"start\"}\n");

        assertThat(answer).startsWith("HTTP/1.1 415").contains("json_required");
        assertThat(mock.faults().list()).isEmpty();
    }

    @Test
    void armedFaultsAndTokensAreCapped() {
        // Its own mock: filling the fault and token tables would leave the class's mock full.
        try (WawpMockServer capped =
                WawpMockServer.builder().token(TOKEN).build().start()) {
            for (int i = 0; i < 1000; i++) {
                capped.faults().onStart().delay(Duration.ofMillis(1));
            }
            assertThatThrownBy(() -> capped.faults().onStart().delay(Duration.ofMillis(1)))
                    .isInstanceOfSatisfying(WawpMockException.class, e -> {
                        assertThat(e.httpStatus()).isEqualTo(409);
                        assertThat(e.code()).isEqualTo("too_many_faults");
                    });
            for (int i = 0; i < 10_000 - 1; i++) {
                capped.tokens().quota("cap-token-" + i, 1);
            }
            assertThatThrownBy(() -> capped.tokens().quota("one-too-many", 1))
                    .isInstanceOfSatisfying(
                            WawpMockException.class, e -> assertThat(e.code()).isEqualTo("too_many_tokens"));
        }
    }

    @Test
    void armedRawFaultsHoldAtMost16MiBOfAnswerText() throws IOException {
        // Its own mock: filling the fault table would leave the class's mock full.
        try (WawpMockServer capped =
                WawpMockServer.builder().token(TOKEN).build().start()) {
            String body = "x".repeat(Fault.Raw.MAX_BODY);
            for (int i = 0; i < 16; i++) {
                capped.faults().onCreate().times(2).respondRaw(503, Map.of(), body);
            }

            assertThatThrownBy(() -> capped.faults().onCreate().respondRaw(503, Map.of("Retry-After", "2"), "y"))
                    .isInstanceOfSatisfying(WawpMockException.class, e -> {
                        assertThat(e.httpStatus()).isEqualTo(409);
                        assertThat(e.code()).isEqualTo("raw_faults_too_large");
                        assertThat(e.getMessage())
                                .contains("at most 16777216 characters", "16777216 are armed", "adds 13");
                    });
            Http.Response overHttp = Http.to(capped.baseUrl(), "/__admin/wawp/faults")
                    .json("{\"endpoint\": \"create\", \"raw\": {\"status\": 429, \"body\": \"z\"}}")
                    .send();
            assertThat(overHttp.status()).isEqualTo(409);
            assertThat(overHttp.json().get("error").asText()).isEqualTo("raw_faults_too_large");
            assertThat(capped.faults().list()).hasSize(16); // nothing armed is lost
            capped.faults().onCreate().respond(500); // faults that hold no text still arm
            Http.Response first = Http.raw(capped.baseUrl(), "POST", "/v2/session/create?access_token=" + TOKEN, null);
            assertThat(first.status()).isEqualTo(503);
            assertThat(first.body()).hasSize(Fault.Raw.MAX_BODY);

            capped.faults().clear();
            capped.faults().onCreate().respondRaw(429, Map.of("Retry-After", "2"), "after clearing");
            assertThat(capped.faults().list()).hasSize(1);
        }
    }

    @Test
    void stubsSentOverHttpHoldAtMost16MiBOfJson() throws Exception {
        // Its own mock: filling the stub store would leave the class's mock full.
        try (WawpMockServer capped =
                WawpMockServer.builder().token(TOKEN).build().start()) {
            String large = "x".repeat((1 << 20) - 4096);
            for (int i = 0; i < 16; i++) {
                assertThat(addStub(capped, "/large/" + i, large).status()).isEqualTo(201);
            }

            Http.Response refused = addStub(capped, "/large/16", large);

            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.json().get("error").asText()).isEqualTo("stubs_too_large");
            assertThat(refused.json().get("message").asText())
                    .contains("at most 16777216 characters of JSON", "POST /__admin/mappings/reset");
            assertThat(capped.wireMock().getStubMappings()).hasSize(16); // nothing held is lost
            assertThat(addStub(capped, "/small", "fits").status()).isEqualTo(201);
            assertThat(Http.to(capped.baseUrl(), "/large/3")
                            .method("GET")
                            .send()
                            .body())
                    .hasSize(large.length());
            capped.wireMock().resetMappings();
            assertThat(addStub(capped, "/large/16", large).status()).isEqualTo(201);
        }
    }

    private static Http.Response addStub(WawpMockServer mock, String url, String body) throws Exception {
        ObjectNode stub = Http.JSON.createObjectNode();
        stub.putObject("request").put("method", "GET").put("url", url);
        stub.putObject("response").put("status", 200).put("body", body);
        return Http.to(mock.baseUrl(), "/__admin/mappings")
                .json(Http.JSON.writeValueAsString(stub))
                .send();
    }

    @Test
    void anIpv6LoopbackBindAddressInBracketsWorks() {
        // Its own mock: the bind address, the builder option this test is about.
        try (WawpMockServer v6 = WawpMockServer.builder()
                .token(TOKEN)
                .bindAddress("[::1]")
                .build()
                .start()) {
            assertThat(v6.baseUrl().toString()).startsWith("http://[::1]:");
            assertThat(Http.to(v6.baseUrl(), "/v2/session/create?access_token=" + TOKEN)
                            .send()
                            .status())
                    .isEqualTo(200);
        }
    }

    private String raw(String request) throws IOException {
        return raw(mock.port(), request);
    }

    private static String raw(int port, String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream()
                    .write(request.replace("\r\n\r\n", "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.UTF_8));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
