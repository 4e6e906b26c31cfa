package dev.wawpkit.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A mock built with {@code observed(dir)} answers with a conformance capture's shapes, and refuses a capture that does not fit. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ObservedShapesTest {
    private static final String TOKEN = "observed-token-1";
    private static final String LIVE_401 =
            "{\"success\":false,\"error\":{\"code\":401,\"text\":\"Invalid or missing access token\"}}";

    @TempDir
    Path dir;

    private void capture(String name, String path, String accept, int status, String contentType, String body)
            throws Exception {
        Files.writeString(
                dir.resolve(name + ".json"),
                "{\"behaviour\": \"" + name + "\", \"status\": " + status
                        + ", \"request\": {\"method\": \"POST\", \"path\": \"" + path + "\", \"accept\": \"" + accept
                        + "\"},"
                        + " \"headers\": {\"Content-Type\": \"" + contentType + "\"}, \"body\": " + body + "}");
    }

    @Test
    void answersTheObservedErrorBodyForThatStatusAndFormatOnly() throws Exception {
        capture("start-401-json", "/v2/session/start", "application/json", 401, "application/json", LIVE_401);

        try (WawpMockServer mock =
                WawpMockServer.builder().token(TOKEN).observed(dir).build().start()) {
            // raw: the observed body is not the OpenAPI description's, which Http.send checks every answer against
            Http.Response json = Http.raw(
                    mock.baseUrl(),
                    "POST",
                    "/v2/session/start?instance_id=3EB0BCB2E3D4&access_token=unknown-token",
                    null);
            Http.Response xml = Http.to(mock, "/v2/session/start?instance_id=3EB0BCB2E3D4&access_token=unknown-token")
                    .accept("application/xml")
                    .send();
            Http.Response missing =
                    Http.to(mock, "/v2/session/start?access_token=" + TOKEN).send();

            assertThat(json.status()).isEqualTo(401);
            assertThat(Http.JSON.readTree(json.body())).isEqualTo(Http.JSON.readTree(LIVE_401));
            assertThat(xml.status()).isEqualTo(401);
            assertThat(xml.body()).contains("<error><status>401</status>");
            assertThat(missing.status()).isEqualTo(400);
            assertThat(Http.JSON.readTree(missing.body()).path("error").asText())
                    .isEqualTo("missing_parameter");
        }
    }

    @Test
    void addsASuccessBodysExtraFieldsButKeepsItsOwnStateAndValues() throws Exception {
        capture(
                "info-200",
                "/v2/session/info",
                "application/json",
                200,
                "application/json",
                "{\"name\": \"wawp-12345678\", \"status\": \"WORKING\", \"engine\": \"WEBJS\", \"me\": {\"id\": \"1@c.us\"}}");

        try (WawpMockServer mock =
                WawpMockServer.builder().token(TOKEN).observed(dir).build().start()) {
            String id = Calls.createdId(mock, TOKEN);
            var info = Http.JSON.readTree(Http.raw(
                            mock.baseUrl(),
                            "GET",
                            "/v2/session/info?instance_id=" + id + "&access_token=" + TOKEN,
                            null)
                    .body());

            assertThat(info.path("engine").asText()).isEqualTo("WEBJS");
            assertThat(info.path("status").asText()).isEqualTo("STOPPED");
            assertThat(info.has("me")).isFalse();
            assertThat(info.path("name").asText()).isNotEqualTo("wawp-12345678");
        }
    }

    @Test
    void refusesACaptureWithAStatusTheEndpointDoesNotDocumentNamingTheFile() throws Exception {
        capture("start-418", "/v2/session/start", "application/json", 418, "application/json", "{}");

        assertThatThrownBy(() -> WawpMockServer.builder().observed(dir).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(dir.resolve("start-418.json").toString())
                .hasMessageContaining("Expected a status start documents")
                .hasMessageContaining("but got 418");
    }

    @Test
    void refusesACaptureWhoseBodyIsNotJsonXmlHtmlOrTextNamingTheFile() throws Exception {
        capture("qr-image-200", "/v2/auth/qr-image", "application/json", 200, "image/png", "\"iVBORw0KGgo\"");

        assertThatThrownBy(() -> WawpMockServer.builder().observed(dir).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(dir.resolve("qr-image-200.json").toString())
                .hasMessageContaining("Expected a JSON, XML, HTML or text body")
                .hasMessageContaining("Content-Type 'image/png'");
    }

    @Test
    void refusesADirectoryThatIsNotThere() {
        assertThatThrownBy(() ->
                        WawpMockServer.builder().observed(dir.resolve("nope")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("make one with the conformance suite's --capture DIR");
    }
}
