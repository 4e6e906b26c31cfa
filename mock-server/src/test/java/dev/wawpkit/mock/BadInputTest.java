package dev.wawpkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wawpkit.mock.junit5.WawpMockTest;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input gets a documented 4xx in the asked format; nothing stored changes; the mock keeps serving. */
@WawpMockTest(token = BadInputTest.TOKEN, bootDelayMillis = -1, failOnUnexpectedCalls = false)
class BadInputTest {
    static final String TOKEN = "bad-input-token";

    private final WawpMockServer mock;
    private String id;

    BadInputTest(WawpMockServer mock) {
        this.mock = mock;
    }

    @BeforeEach
    void seed() {
        id = mock.seedSession()
                .token(TOKEN)
                .instanceId("BADINPUT0001")
                .status(SessionStatus.STOPPED)
                .create()
                .instanceId();
    }

    static Stream<Arguments> badStartCalls() {
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        byte[] invalidUtf8 = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        return Stream.of(
                Arguments.of(
                        "malformed JSON",
                        Http.to(URI_PLACEHOLDER, "/v2/session/start").json("{\"instance_id\": "),
                        400,
                        "malformed_body"),
                Arguments.of(
                        "JSON array",
                        Http.to(URI_PLACEHOLDER, "/v2/session/start").json("[\"BADINPUT0001\"]"),
                        400,
                        "malformed_body"),
                Arguments.of(
                        "trailing garbage",
                        Http.to(URI_PLACEHOLDER, "/v2/session/start")
                                .json("{\"instance_id\": \"BADINPUT0001\", \"access_token\": \"" + TOKEN + "\"} x"),
                        400,
                        "malformed_body"),
                Arguments.of(
                        "number instead of string",
                        Http.to(URI_PLACEHOLDER, "/v2/session/start")
                                .json("{\"instance_id\": 12, \"access_token\": \"" + TOKEN + "\"}"),
                        400,
                        "invalid_parameter"),
                Arguments.of(
                        "object instead of string",
                        Http.to(URI_PLACEHOLDER, "/v2/session/start")
                                .json("{\"instance_id\": {}, \"access_token\": \"" + TOKEN + "\"}"),
                        400,
                        "invalid_parameter"),
                Arguments.of(
                        "deeply nested JSON",
                        Http.to(URI_PLACEHOLDER, "/v2/session/start").json(deep),
                        400,
                        "malformed_body"),
                Arguments.of(
                        "invalid UTF-8",
                        Http.to(URI_PLACEHOLDER, "/v2/session/start").body("application/json", invalidUtf8),
                        400,
                        "malformed_body"),
                Arguments.of(
                        "empty instance_id",
                        Http.to(URI_PLACEHOLDER, "/v2/session/start?instance_id=&access_token=" + TOKEN),
                        400,
                        "missing_parameter"),
                Arguments.of(
                        "empty token",
                        Http.to(URI_PLACEHOLDER, "/v2/session/start?instance_id=BADINPUT0001" + "&access_token="),
                        400,
                        "missing_parameter"),
                Arguments.of(
                        "10-character instance_id",
                        Http.to(URI_PLACEHOLDER, "/v2/session/start?instance_id=" + "BADINPUT00&access_token=" + TOKEN),
                        404,
                        "session_not_found"),
                Arguments.of(
                        "instance_id with symbols",
                        Http.to(
                                URI_PLACEHOLDER,
                                "/v2/session/start?instance_id=" + "BADINPUT-001&access_token=" + TOKEN),
                        404,
                        "session_not_found"),
                Arguments.of(
                        "chunked body over 1 MiB",
                        Http.to(
                                        URI_PLACEHOLDER,
                                        "/v2/session/start?instance_id=BADINPUT0001" + "&access_token=" + TOKEN)
                                .body("application/json", new byte[(1 << 20) + 1])
                                .chunked(),
                        413,
                        "body_too_large"),
                Arguments.of(
                        "wrong method",
                        Http.to(
                                        URI_PLACEHOLDER,
                                        "/v2/session/start?instance_id=BADINPUT0001" + "&access_token=" + TOKEN)
                                .method("DELETE"),
                        405,
                        "method_not_allowed"),
                Arguments.of(
                        "unknown path",
                        Http.to(
                                URI_PLACEHOLDER,
                                "/v2/session/strat?instance_id=BADINPUT0001" + "&access_token=" + TOKEN),
                        404,
                        "unknown_endpoint"));
    }

    private static final URI URI_PLACEHOLDER = URI.create("http://placeholder/");

    @ParameterizedTest(name = "{0}")
    @MethodSource("badStartCalls")
    void badInputGetsADocumentedJsonErrorAndChangesNothing(String what, Http call, int status, String code) {
        Http.Response r = call.rebase(mock.baseUrl()).send();

        assertThat(r.status()).as(what).isEqualTo(status);
        assertThat(r.mediaType()).isEqualTo("application/json");
        assertThat(r.json().get("error").asText()).isEqualTo(code);
        assertThat(r.json().get("status").asInt()).isEqualTo(status);
        assertThat(r.json().get("message").asText()).startsWith("Expected");
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(mock.session(id).status()).isEqualTo(SessionStatus.STOPPED);
        assertThat(Calls.info(mock, id, TOKEN).status())
                .as("the mock keeps serving")
                .isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badStartCalls")
    void badInputFollowsAnXmlAcceptHeader(String what, Http call, int status, String code) {
        Http.Response r = call.rebase(mock.baseUrl()).accept("application/xml").send();

        assertThat(r.status()).as(what).isEqualTo(status);
        assertThat(r.mediaType()).isEqualTo("application/xml");
        assertThat(r.body()).contains("<status>" + status + "</status><code>" + code + "</code>");
    }

    @Test
    void aWrongMethodNamesTheAllowedOnes() {
        Http.Response r = Http.to(mock, "/v2/session/create?access_token=" + TOKEN)
                .method("GET")
                .send();

        assertThat(r.status()).isEqualTo(405);
        assertThat(r.header("Allow")).isEqualTo("POST");
        assertThat(mock.sessions()).hasSize(1);
    }

    @Test
    void anUnknownPathSuggestsTheNearestEndpoint() {
        Http.Response r = Http.to(mock, "/v2/session/inof").method("GET").send();

        assertThat(r.json().get("message").asText()).contains("Did you mean", "/v2/session/info");
    }

    @Test
    void aJsonBodyWithUnrelatedFieldsIsIgnored() {
        Http.Response r = Http.to(mock, "/v2/session/info")
                .json("{\"instance_id\": \"BADINPUT0001\", \"access_token\": \"" + TOKEN + "\", \"extra\": [1, 2]}")
                .send();

        assertThat(r.status()).isEqualTo(200);
    }

    @ParameterizedTest
    @CsvSource({"'', application/json", "application/xml, application/xml", "text/plain, text/plain"})
    void aBrokenPercentEscapeAnswers400WithoutEchoingTheToken(String accept, String mediaType) throws Exception {
        String secret = "sk-live-0123456789abcdef";

        Http.Response r = Http.raw(
                mock.baseUrl(),
                "POST",
                "/v2/session/start?instance_id=BADINPUT0001&access_token=" + secret + "%zz",
                accept.isEmpty() ? null : accept);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.mediaType()).isEqualTo(mediaType);
        assertThat(r.body()).contains("broken %-escape").doesNotContain("sk-l").doesNotContain("Exception");
        assertThat(mock.session(id).status()).isEqualTo(SessionStatus.STOPPED);
    }

    @Test
    void aBrokenPercentEscapeOnTheControlApiAnswers400Json() throws Exception {
        Http.Response r = Http.raw(mock.baseUrl(), "GET", "/__admin/wawp/sessions?access_token=%zz", null);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.mediaType()).isEqualTo("application/json");
        assertThat(Http.JSON.readTree(r.body()).get("error").asText()).isEqualTo("malformed_query");
    }

    @Test
    void aDeclaredBodyOver1MiBIsRefusedBeforeItIsRead() throws Exception {
        try (Socket socket = new Socket(mock.baseUrl().getHost(), mock.baseUrl().getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("POST /v2/session/create?access_token=" + TOKEN + " HTTP/1.1\r\nHost: x\r\n"
                                    + "Content-Type: application/json\r\nContent-Length: 5000000\r\n\r\n{")
                            .getBytes(StandardCharsets.US_ASCII));
            String head = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);

            assertThat(head).isEqualTo("HTTP/1.1 413");
        }
        assertThat(mock.sessions()).hasSize(1);
    }
}
