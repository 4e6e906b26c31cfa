package dev.wawpkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wawpkit.mock.junit5.WawpMockTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The dashboard's files and the one control route it added (a session's QR), over plain HTTP. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@WawpMockTest(token = DashboardRoutesTest.TOKEN, bootDelayMillis = -1)
class DashboardRoutesTest {
    static final String TOKEN = "dash-token-1";

    private final WawpMockServer mock;

    DashboardRoutesTest(WawpMockServer mock) {
        this.mock = mock;
    }

    @ParameterizedTest
    @CsvSource({
        "/__admin/wawp/ui, text/html, <title>Wawp mock dashboard</title>",
        "/__admin/wawp/ui/dashboard.js, text/javascript, X-Wawp-Admin-Token",
        "/__admin/wawp/ui/dashboard.css, text/css, :focus-visible"
    })
    void servesThePageFromTheJarWithHeadersThatKeepItOutOfOtherPages(String path, String type, String content) {
        Http.Response r = Http.to(mock, path).method("GET").send();

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.mediaType()).isEqualTo(type);
        assertThat(r.body()).contains(content);
        assertThat(r.header("Content-Security-Policy"))
                .isEqualTo("default-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
        assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(r.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void thePageLoadsNothingFromAnotherHost() {
        String page = Http.to(mock, "/__admin/wawp/ui").method("GET").send().body();

        assertThat(page).doesNotContainPattern("(src|href)=\"(https?:)?//");
        assertThat(page).doesNotContain("<script>").doesNotContain(" style=\"").doesNotContain(" onclick=");
    }

    @Test
    void anUnknownAssetIsA404NamingTheFiles() {
        Http.Response r =
                Http.to(mock, "/__admin/wawp/ui/secrets.txt").method("GET").send();

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("error").asText()).isEqualTo("no_such_asset");
        assertThat(r.json().get("message").asText()).contains("dashboard.js").contains("/__admin/wawp/ui");
    }

    @Test
    void theModelOffersTheStateTablesMovesAndOnlyDocumentedFaults() {
        JsonNode model = Http.to(mock, "/__admin/wawp/ui/model.json")
                .method("GET")
                .send()
                .json();

        assertThat(targets(model.get("moves").get("SCAN_QR_CODE")))
                .containsExactlyInAnyOrder("WORKING", "SCAN_QR_CODE", "FAILED", "STOPPED", "STARTING");
        assertThat(labels(model.get("moves").get("SCAN_QR_CODE"))).contains("scan the QR", "QR expiry (fail)");
        assertThat(labels(model.get("moves").get("WORKING"))).contains("logout", "stop");
        assertThat(targets(model.get("moves").get("STOPPED"))).containsExactly("STARTING");
        JsonNode create = endpoint(model, "create");
        assertThat(create.get("takes_session").asBoolean()).isFalse();
        assertThat(fieldNames(create.get("statuses"))).containsExactly("400", "401", "403", "500");
        assertThat(create.get("statuses").get("500").toString()).isEqualTo("[\"json\"]");
        JsonNode start = endpoint(model, "start");
        assertThat(fieldNames(start.get("statuses"))).containsExactly("400", "401", "404", "500", "502");
        assertThat(start.get("statuses").get("500").toString()).isEqualTo("[\"json\",\"html\"]");
        assertThat(start.get("statuses").get("400").toString()).isEqualTo("[\"json\",\"xml\",\"text\"]");
    }

    @Test
    void everyFaultTheModelOffersCanBeArmed() {
        JsonNode model = Http.to(mock, "/__admin/wawp/ui/model.json")
                .method("GET")
                .send()
                .json();
        List<String> refused = new ArrayList<>();
        for (JsonNode e : model.get("endpoints")) {
            e.get("statuses")
                    .properties()
                    .forEach(status -> status.getValue().forEach(format -> {
                        String json = Http.JSON
                                .createObjectNode()
                                .put("endpoint", e.get("key").asText())
                                .put("status", Integer.parseInt(status.getKey()))
                                .put("format", format.asText())
                                .put("access_token", TOKEN)
                                .toString();
                        Http.Response r = Http.to(mock, "/__admin/wawp/faults")
                                .method("POST")
                                .json(json)
                                .send();
                        if (r.status() != 201) {
                            refused.add(json + " -> " + r.body());
                        }
                    }));
        }

        assertThat(refused).isEmpty();
    }

    @Test
    void theQrRouteShowsTheCurrentQrOnlyWhileScanQrCode() {
        String id = Calls.createdId(mock, TOKEN);

        Http.Response none = Http.to(mock, "/__admin/wawp/sessions/" + id + "/qr")
                .method("GET")
                .send();
        assertThat(none.body()).isEqualTo("{\"qr\":null}");

        mock.session(id).moveTo(SessionStatus.STARTING);
        mock.session(id).moveTo(SessionStatus.SCAN_QR_CODE);
        Http.Response qr = Http.to(mock, "/__admin/wawp/sessions/" + id + "/qr")
                .method("GET")
                .send();
        String shownByTheApi = Calls.info(mock, id, TOKEN).json().get("qr").asText();

        assertThat(qr.status()).isEqualTo(200);
        assertThat(qr.json().get("qr").asText())
                .startsWith("data:image/png;base64,")
                .isEqualTo(shownByTheApi);
    }

    @Test
    void theQrOfAnUnknownSessionIsA404() {
        Http.Response r = Http.to(mock, "/__admin/wawp/sessions/NOSUCHSESSN1/qr")
                .method("GET")
                .send();

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("error").asText()).isEqualTo("session_not_found");
    }

    @Test
    void withAnAdminTokenThePageLoadsButItsDataCallsNeedTheToken() {
        // Its own mock: the admin token, the builder option this test is about.
        try (WawpMockServer locked = WawpMockServer.builder()
                .token(TOKEN)
                .adminToken("admin-secret-1")
                .build()
                .start()) {
            assertThat(Http.to(locked, "/__admin/wawp/ui").method("GET").send().status())
                    .isEqualTo(200);
            assertThat(Http.to(locked, "/__admin/wawp/ui/model.json")
                            .method("GET")
                            .send()
                            .status())
                    .isEqualTo(200);
            Http.Response refused =
                    Http.to(locked, "/__admin/wawp/sessions").method("GET").send();
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.json().get("error").asText()).isEqualTo("admin_token_required");
            assertThat(Http.to(locked, "/__admin/wawp/sessions")
                            .method("GET")
                            .header("X-Wawp-Admin-Token", "admin-secret-1")
                            .send()
                            .status())
                    .isEqualTo(200);
        }
    }

    @Test
    void thePageIsNeverServedToAnotherOrigin() {
        Http.Response r = Http.to(mock, "/__admin/wawp/ui")
                .method("GET")
                .header("Origin", "http://evil.example")
                .send();

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().get("error").asText()).isEqualTo("cross_origin_refused");
    }

    @Test
    void theReadmeShowsTheDashboardAndItsPictureIsASmallPng() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        byte[] png = Files.readAllBytes(Path.of("../docs/dashboard.png"));

        assertThat(readme).contains("(docs/dashboard.png)", "/__admin/wawp/ui");
        assertThat(Arrays.copyOf(png, 8)).isEqualTo(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        assertThat(png.length).as("docs/dashboard.png's size in bytes").isLessThan(200_000);
    }

    private static JsonNode endpoint(JsonNode model, String key) {
        for (JsonNode e : model.get("endpoints")) {
            if (e.get("key").asText().equals(key)) {
                return e;
            }
        }
        throw new AssertionError("Expecting endpoint " + key + " in the model, but got:\n  " + model);
    }

    private static List<String> targets(JsonNode moves) {
        List<String> out = new ArrayList<>();
        moves.forEach(m -> out.add(m.get("to").asText()));
        return out;
    }

    private static List<String> labels(JsonNode moves) {
        List<String> out = new ArrayList<>();
        moves.forEach(m -> out.add(m.get("label").asText()));
        return out;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
