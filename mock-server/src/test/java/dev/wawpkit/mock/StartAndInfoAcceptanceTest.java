package dev.wawpkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wawpkit.mock.junit5.WawpMockTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every documented response of start and info, by GET and POST, in every documented format. */
@WawpMockTest(token = StartAndInfoAcceptanceTest.TOKEN, bootDelayMillis = -1)
class StartAndInfoAcceptanceTest {
    static final String TOKEN = "start-token-1";

    private final WawpMockServer mock;

    StartAndInfoAcceptanceTest(WawpMockServer mock) {
        this.mock = mock;
    }

    @BeforeEach
    void reset() {
        mock.reset(); // the whole server: faults armed here are server-wide, not only TOKEN's
    }

    @ParameterizedTest
    @CsvSource({"POST", "GET"})
    void startAnswers200StartingWithTheDocumentedBody(String method) {
        String id = Calls.createdId(mock, TOKEN);

        Http.Response r = Http.to(mock, "/v2/session/start?instance_id=" + id + "&access_token=" + TOKEN)
                .method(method)
                .send();

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.mediaType()).isEqualTo("application/json");
        JsonNode body = r.json();
        assertThat(body.get("name").asText()).matches("wawp-\\d{8}");
        assertThat(body.get("status").asText()).isEqualTo("STARTING");
        assertThat(body.get("config").get("webhooks").isObject()).isTrue();
        assertThat(body.get("config").get("proxy").isNull()).isTrue();
        assertThat(mock.session(id).status()).isEqualTo(SessionStatus.STARTING);
    }

    @ParameterizedTest
    @CsvSource({"POST", "GET"})
    void infoShowsTheCurrentStatusWithQrWhileScanning(String method) {
        String id = mock.seedSession()
                .token(TOKEN)
                .status(SessionStatus.SCAN_QR_CODE)
                .create()
                .instanceId();

        Http.Response r = Http.to(mock, "/v2/session/info?instance_id=" + id + "&access_token=" + TOKEN)
                .method(method)
                .send();

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").asText()).isEqualTo("SCAN_QR_CODE");
        assertThat(r.json().get("qr").asText()).startsWith("data:image/png;base64,");
        assertThat(r.json().has("me")).isFalse();
    }

    @Test
    void infoShowsMeWhileWorking() {
        String id = mock.seedSession()
                .token(TOKEN)
                .status(SessionStatus.WORKING)
                .create()
                .instanceId();

        JsonNode body = Calls.info(mock, id, TOKEN).json();

        assertThat(body.get("status").asText()).isEqualTo("WORKING");
        assertThat(body.get("me").get("id").asText()).endsWith("@c.us");
        assertThat(body.get("me").get("pushName").isTextual()).isTrue();
        assertThat(body.has("qr")).isFalse();
    }

    @Test
    void startAndInfoTakeCredentialsFromAJsonBody() {
        String id = Calls.createdId(mock, TOKEN);

        Http.Response r = Http.to(mock, "/v2/session/start")
                .json("{\"instance_id\": \"" + id + "\", \"access_token\": \"" + TOKEN + "\"}")
                .send();

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").asText()).isEqualTo("STARTING");
    }

    @Test
    void startAndInfoTakeCredentialsFromAFormBodyAndHeaderMixed() {
        String id = Calls.createdId(mock, TOKEN);

        Http.Response r = Http.to(mock, "/v2/session/info")
                .header("access-token", TOKEN)
                .form("instance_id=" + id)
                .send();

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").asText()).isEqualTo("STOPPED");
    }

    // ---- 400 -------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({
        "start, application/json, application/json",
        "start, application/xml,  application/xml",
        "start, text/xml,         application/xml",
        "start, text/plain,       text/plain",
        "info,  ,                 application/json",
        "info,  application/xml,  application/xml",
        "info,  text/plain,       text/plain"
    })
    void missingInstanceIdAnswers400InTheAcceptedFormat(String endpoint, String accept, String mediaType) {
        Http http = Http.to(mock, "/v2/session/" + endpoint + "?access_token=" + TOKEN);
        if (accept != null) {
            http.accept(accept);
        }

        Http.Response r = http.send();

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.mediaType()).isEqualTo(mediaType);
        assertThat(r.body()).contains("instance_id").doesNotContain(TOKEN);
        switch (mediaType) {
            case "application/json" ->
                assertThat(r.json().get("error").asText()).isEqualTo("missing_parameter");
            case "application/xml" ->
                assertThat(r.body()).contains("<status>400</status><code>missing_parameter</code>");
            default ->
                assertThat(r.body().strip()).startsWith("400 Bad Request:").doesNotContain("\n");
        }
    }

    @Test
    void missingTokenAnswers400() {
        String id = Calls.createdId(mock, TOKEN);

        Http.Response r = Http.to(mock, "/v2/session/start?instance_id=" + id).send();

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("message").asText()).contains("access_token is missing");
        assertThat(mock.session(id).status()).isEqualTo(SessionStatus.STOPPED);
    }

    @Test
    void aMalformedInstanceIdAnswers404LikeAnUnknownOne() {
        Http.Response r = Calls.start(mock, "3EB0BCB2E3", TOKEN);

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("error").asText()).isEqualTo("session_not_found");
        assertThat(r.json().get("message").asText()).contains("12 letters or digits");
    }

    @Test
    void statusShowsTheSessionAndItsQrWhileScanning() {
        String id = mock.seedSession()
                .token(TOKEN)
                .status(SessionStatus.SCAN_QR_CODE)
                .create()
                .instanceId();

        Http.Response r = Http.to(mock, "/v2/status?instance_id=" + id + "&access_token=" + TOKEN)
                .method("GET")
                .send();

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").asText()).isEqualTo("SCAN_QR_CODE");
        assertThat(r.json().get("qr").asText()).startsWith("data:image/png;base64,");
        mock.session(id).moveTo(SessionStatus.WORKING);
        Http.Response working = Http.to(mock, "/v2/status?instance_id=" + id + "&access_token=" + TOKEN)
                .send();
        assertThat(working.json().get("status").asText()).isEqualTo("WORKING");
        assertThat(working.json().has("qr")).isFalse();
        assertThat(Http.to(mock, "/v2/status?instance_id=000000000000&access_token=" + TOKEN)
                        .send()
                        .status())
                .isEqualTo(404);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "application/xml;q=0, application/json | application/json",
                "application/json;q=0.5, application/xml | application/xml",
                "application/xml;q=0.4, application/json;q=0.9 | application/json",
                "text/plain;q=0.9, application/xml;q=0.9 | application/xml",
                "application/json;q=0 | application/json",
                "*/*;q=0.1, application/xml | application/xml"
            })
    void acceptFollowsQualityValues(String accept, String expected) {
        Http.Response negotiated = Http.to(mock, "/v2/session/start?instance_id=000000000000&access_token=" + TOKEN)
                .accept(accept)
                .send();

        assertThat(negotiated.status()).isEqualTo(404);
        assertThat(negotiated.mediaType()).as(accept).isEqualTo(expected);
    }

    // ---- 401 -------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({
        "start, , application/json",
        "start, application/xml, application/xml",
        "info, , application/json",
        "info, application/xml, application/xml",
        "info, text/plain, application/json"
    })
    void anInvalidTokenAnswers401InTheAcceptedFormat(String endpoint, String accept, String mediaType) {
        String id = Calls.createdId(mock, TOKEN);
        Http http = Http.to(mock, "/v2/session/" + endpoint + "?instance_id=" + id + "&access_token=wrong-token-9");
        if (accept != null) {
            http.accept(accept);
        }

        Http.Response r = http.send();

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.mediaType())
                .as("401 has no plain-text variant, so text/plain gets JSON")
                .isEqualTo(mediaType);
        assertThat(r.body()).contains("invalid_token").doesNotContain("wrong-token-9");
        assertThat(mock.session(id).status()).isEqualTo(SessionStatus.STOPPED);
    }

    // ---- 404 -------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({
        "start, , application/json",
        "start, application/xml, application/xml",
        "info, , application/json",
        "info, application/xml, application/xml"
    })
    void anUnknownInstanceAnswers404InTheAcceptedFormat(String endpoint, String accept, String mediaType) {
        Http http = Http.to(mock, "/v2/session/" + endpoint + "?instance_id=AAAAAAAAAAAA&access_token=" + TOKEN);
        if (accept != null) {
            http.accept(accept);
        }

        Http.Response r = http.send();

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.mediaType()).isEqualTo(mediaType);
        assertThat(r.body()).contains("session_not_found");
    }

    @Test
    void anotherTokensSessionAnswers404AndIsNotStarted() {
        mock.tokens().unlimited("other-token-2");
        String id = Calls.createdId(mock, TOKEN);

        Http.Response r = Calls.start(mock, id, "other-token-2");

        assertThat(r.status()).isEqualTo(404);
        assertThat(mock.session(id).status()).isEqualTo(SessionStatus.STOPPED);
    }

    // ---- 500 and 502: injected -------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({
        "START, 500, JSON, application/json",
        "START, 500, HTML, text/html",
        "START, 502, JSON, application/json",
        "START, 502, XML,  application/xml",
        "INFO,  500, JSON, application/json",
        "INFO,  500, HTML, text/html",
        "INFO,  502, JSON, application/json",
        "INFO,  502, XML,  application/xml"
    })
    void anInjectedServerErrorAnswersInItsFormatAndChangesNothing(
            Endpoint endpoint, int status, Format format, String mediaType) {
        String id = Calls.createdId(mock, TOKEN);
        mock.faults().on(endpoint).respond(status, format);

        Http.Response r = Calls.call(mock, endpoint.key(), id, TOKEN);

        assertThat(r.status()).isEqualTo(status);
        assertThat(r.mediaType()).isEqualTo(mediaType);
        assertThat(r.body()).contains(Integer.toString(status));
        assertThat(mock.session(id).status()).isEqualTo(SessionStatus.STOPPED);
        assertThat(Calls.call(mock, endpoint.key(), id, TOKEN).status())
                .as("the fault fired once")
                .isEqualTo(200);
    }

    @Test
    void anInjected502AsXmlHasTheDocumentedXmlLayout() {
        String id = Calls.createdId(mock, TOKEN);
        mock.faults().onStart().respond(502, Format.XML);

        Http.Response r = Calls.start(mock, id, TOKEN);

        assertThat(r.body()).contains("<error><status>502</status><code>bad_gateway</code><message>");
    }
}
