package dev.wawpkit.contracts.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Shows how {@link WawpClient} talks HTTP, against a plain WireMock server on loopback. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WawpClientTest {
    private static final String TOKEN = "test-token-1234";
    private static final String ID = "3EB0BCB2E3D4";
    private static final String STARTING =
            "{\"name\":\"wawp-84729105\",\"status\":\"STARTING\",\"config\":{\"webhooks\":{},\"proxy\":null}}";

    private static WireMockServer server;
    private WawpClient client;

    @BeforeAll
    static void startServer() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
        client = clientBuilder().build();
    }

    private static WawpClient.Builder clientBuilder() {
        return WawpClient.builder()
                .baseUrl(URI.create("http://127.0.0.1:" + server.port()))
                .accessToken(TOKEN)
                .timeout(Duration.ofSeconds(5));
    }

    private static void answer(String path, int status, String contentType, String body) {
        server.stubFor(any(urlPathEqualTo(path))
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", contentType)
                        .withBody(body)));
    }

    private static LoggedRequest onlyRequest() {
        List<LoggedRequest> requests = server.findAll(WireMock.anyRequestedFor(anyUrl()));
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    @Test
    void startSendsCredentialsInTheQueryStringWithJsonContentTypeAndNoBody() {
        answer("/v2/session/start", 200, "application/json", STARTING);

        SessionInfo session = client.start(ID);

        LoggedRequest request = onlyRequest();
        assertThat(request.getMethod().getName()).isEqualTo("POST");
        assertThat(request.getUrl()).isEqualTo("/v2/session/start?instance_id=" + ID + "&access_token=" + TOKEN);
        assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(request.getHeader("Accept")).isEqualTo("application/json");
        assertThat(request.getBody()).isEmpty();
        assertThat(session)
                .isEqualTo(new SessionInfo("wawp-84729105", "STARTING", new SessionConfig(Map.of(), null), null, null));
    }

    @Test
    void createSendsOnlyTheTokenAndReadsTheCreatedSession() {
        answer(
                "/v2/session/create",
                200,
                "application/json",
                "{\"instance_id\":\"3EB0BCB2E3D4\",\"session_name\":\"wawp-84729105\","
                        + "\"server_name\":\"wawp-server-1\",\"status\":\"STOPPED\",\"new_field\":1}");

        CreatedSession created = client.create();

        assertThat(onlyRequest().getUrl()).isEqualTo("/v2/session/create?access_token=" + TOKEN);
        assertThat(created).isEqualTo(new CreatedSession(ID, "wawp-84729105", "wawp-server-1", "STOPPED"));
    }

    @Test
    void jsonBodyStyleSendsCredentialsAsAJsonBody() throws Exception {
        answer("/v2/session/start", 200, "application/json", STARTING);
        WawpClient bodyClient =
                clientBuilder().credentials(CredentialStyle.JSON_BODY).build();

        bodyClient.start(ID);

        LoggedRequest request = onlyRequest();
        assertThat(request.getUrl()).isEqualTo("/v2/session/start");
        assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(new ObjectMapper().readTree(request.getBodyAsString()))
                .isEqualTo(new ObjectMapper()
                        .readTree("{\"instance_id\":\"" + ID + "\",\"access_token\":\"" + TOKEN + "\"}"));
    }

    @Test
    void headerStyleSendsTheTokenInTheAccessTokenHeader() {
        answer("/v2/session/info", 200, "application/json", STARTING);
        WawpClient headerClient =
                clientBuilder().credentials(CredentialStyle.HEADER).build();

        headerClient.info(ID);

        LoggedRequest request = onlyRequest();
        assertThat(request.getUrl()).isEqualTo("/v2/session/info?instance_id=" + ID);
        assertThat(request.getHeader("access-token")).isEqualTo(TOKEN);
    }

    @Test
    void withAcceptSendsTheGivenAcceptHeader() {
        answer("/v2/session/start", 200, "application/json", STARTING);

        client.withAccept("application/xml").start(ID);

        assertThat(onlyRequest().getHeader("Accept")).isEqualTo("application/xml");
    }

    @Test
    void infoReadsMeAndQr() {
        answer(
                "/v2/session/info",
                200,
                "application/json",
                "{\"name\":\"wawp-1\",\"status\":\"WORKING\",\"config\":{\"webhooks\":{\"url\":\"http://x\"},"
                        + "\"proxy\":{\"server\":\"p:1\"}},\"me\":{\"id\":\"201012345678@c.us\",\"pushName\":\"John Doe\"},"
                        + "\"qr\":\"data:image/png;base64,AA==\"}");

        SessionInfo info = client.info(ID);

        assertThat(info.me()).isEqualTo(new Me("201012345678@c.us", "John Doe"));
        assertThat(info.qr()).isEqualTo("data:image/png;base64,AA==");
        assertThat(info.config().webhooks()).containsEntry("url", "http://x");
        assertThat(info.config().proxy()).containsEntry("server", "p:1");
    }

    @Test
    void statusPostsToV2StatusAndReadsTheQr() {
        answer(
                "/v2/status",
                200,
                "application/json",
                "{\"name\":\"wawp-1\",\"status\":\"SCAN_QR_CODE\",\"config\":{\"webhooks\":{},\"proxy\":null},"
                        + "\"qr\":\"data:image/png;base64,AA==\"}");

        SessionInfo status = client.status(ID);

        assertThat(onlyRequest().getMethod().getName()).isEqualTo("POST");
        assertThat(onlyRequest().getUrl()).isEqualTo("/v2/status?instance_id=" + ID + "&access_token=" + TOKEN);
        assertThat(status.status()).isEqualTo("SCAN_QR_CODE");
        assertThat(status.qr()).isEqualTo("data:image/png;base64,AA==");
    }

    @Test
    void remainingEndpointsUseTheirDocumentedMethodsAndPaths() {
        answer("/v2/session/stop", 200, "application/json", STARTING);
        answer("/v2/session/restart", 200, "application/json", STARTING);
        answer(
                "/v2/session/logout",
                200,
                "application/json",
                "{\"name\":\"wawp-1\",\"status\":\"SCAN_QR_CODE\",\"instance_id\":\"" + ID + "\"}");
        answer(
                "/v2/session/delete",
                200,
                "application/json",
                "{\"name\":\"wawp-1\",\"status\":\"DELETED\",\"instance_id\":\"" + ID + "\"}");
        answer("/v2/session/me", 200, "application/json", "{\"id\":\"1@c.us\",\"pushName\":\"J\"}");
        answer("/v2/auth/qr", 200, "application/json", "{\"mimetype\":\"application/json\",\"data\":\"e30=\"}");
        answer("/v2/auth/qr-image", 200, "application/json", "{\"qr\":\"data:image/png;base64,AA==\"}");
        answer("/v2/auth/request-code", 200, "application/json", "{\"code\":\"ABCD-1234\"}");

        assertThat(client.stop(ID).status()).isEqualTo("STARTING");
        assertThat(client.restart(ID).name()).isEqualTo("wawp-84729105");
        assertThat(client.logout(ID)).isEqualTo(new SessionRef("wawp-1", "SCAN_QR_CODE", ID));
        assertThat(client.delete(ID)).isEqualTo(new SessionRef("wawp-1", "DELETED", ID));
        assertThat(client.me(ID)).isEqualTo(new Me("1@c.us", "J"));
        assertThat(client.qr(ID)).isEqualTo(new QrCode("application/json", "e30="));
        assertThat(client.qrImage(ID)).isEqualTo(new QrImage("data:image/png;base64,AA=="));
        assertThat(client.requestCode(ID, "201012345678")).isEqualTo(new PairingCode("ABCD-1234"));

        assertThat(server.getAllServeEvents())
                .extracting(e -> e.getRequest().getMethod().getName() + " "
                        + e.getRequest().getUrl())
                .containsExactlyInAnyOrder(
                        "POST /v2/session/stop?instance_id=" + ID + "&access_token=" + TOKEN,
                        "POST /v2/session/restart?instance_id=" + ID + "&access_token=" + TOKEN,
                        "POST /v2/session/logout?instance_id=" + ID + "&access_token=" + TOKEN,
                        "DELETE /v2/session/delete?instance_id=" + ID + "&access_token=" + TOKEN,
                        "GET /v2/session/me?instance_id=" + ID + "&access_token=" + TOKEN,
                        "POST /v2/auth/qr?instance_id=" + ID + "&access_token=" + TOKEN,
                        "POST /v2/auth/qr-image?instance_id=" + ID + "&access_token=" + TOKEN,
                        "POST /v2/auth/request-code?instance_id=" + ID + "&phone_number=201012345678&access_token="
                                + TOKEN);
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 202, 299})
    void anyTwoHundredIsSuccess(int status) {
        answer("/v2/session/start", status, "application/json", STARTING);

        assertThat(client.start(ID).status()).isEqualTo("STARTING");
    }

    @Test
    void jsonErrorBecomesAnExceptionWithCodeAndMessage() {
        String body =
                "{\"error\":\"session_not_found\",\"message\":\"Session 3EB0BCB2E3D4 does not exist\",\"status\":404}";
        answer("/v2/session/start", 404, "application/json", body);

        WawpApiException e = catchThrowableOfType(WawpApiException.class, () -> client.start(ID));

        assertThat(e.status()).isEqualTo(404);
        assertThat(e.code()).isEqualTo("session_not_found");
        assertThat(e.apiMessage()).isEqualTo("Session 3EB0BCB2E3D4 does not exist");
        assertThat(e.contentType()).isEqualTo("application/json");
        assertThat(e.body()).isEqualTo(body);
        assertThat(e.method()).isEqualTo("POST");
        assertThat(e.path()).isEqualTo("/v2/session/start");
        assertThat(e)
                .hasMessage("POST /v2/session/start answered 404 (session_not_found): "
                        + "Session 3EB0BCB2E3D4 does not exist [application/json]");
    }

    @Test
    void xmlErrorBecomesAnExceptionWithCodeAndMessage() {
        answer(
                "/v2/session/start",
                401,
                "application/xml; charset=utf-8",
                "<?xml version=\"1.0\"?>\n<error><status>401</status><code>unauthorized</code>"
                        + "<message>Invalid or missing access token</message></error>");

        WawpApiException e = catchThrowableOfType(WawpApiException.class, () -> client.start(ID));

        assertThat(e.status()).isEqualTo(401);
        assertThat(e.code()).isEqualTo("unauthorized");
        assertThat(e.apiMessage()).isEqualTo("Invalid or missing access token");
        assertThat(e.contentType()).isEqualTo("application/xml; charset=utf-8");
    }

    @Test
    void plainTextErrorBecomesAnExceptionWithTheLineAsMessage() {
        answer("/v2/session/start", 400, "text/plain", "Missing required parameter: instance_id\n");

        WawpApiException e = catchThrowableOfType(WawpApiException.class, () -> client.start(ID));

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isNull();
        assertThat(e.apiMessage()).isEqualTo("Missing required parameter: instance_id");
    }

    @Test
    void htmlErrorBecomesAnExceptionWithTheTitleAsMessage() {
        answer(
                "/v2/session/start",
                500,
                "text/html",
                "<html><head><title>500 Internal Server Error</title></head><body><h1>Oops</h1></body></html>");
        answer(
                "/v2/session/info",
                500,
                "text/html;charset=UTF-8",
                "<html><body>\n<h1>Upstream <b>down</b></h1></body></html>");

        WawpApiException titled = catchThrowableOfType(WawpApiException.class, () -> client.start(ID));
        WawpApiException headed = catchThrowableOfType(WawpApiException.class, () -> client.info(ID));

        assertThat(titled.code()).isNull();
        assertThat(titled.apiMessage()).isEqualTo("500 Internal Server Error");
        assertThat(headed.apiMessage()).isEqualTo("Upstream down");
    }

    @Test
    void errorWithoutBodyStillCarriesItsStatus() {
        server.stubFor(
                post(urlPathEqualTo("/v2/session/start")).willReturn(aResponse().withStatus(502)));

        WawpApiException e = catchThrowableOfType(WawpApiException.class, () -> client.start(ID));

        assertThat(e.status()).isEqualTo(502);
        assertThat(e.code()).isNull();
        assertThat(e.apiMessage()).isNull();
        assertThat(e).hasMessage("POST /v2/session/start answered 502 [no content type]");
    }

    @Test
    void slowAnswerTimesOutWithTheConfiguredRequestTimeout() {
        server.stubFor(post(urlPathEqualTo("/v2/session/start"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(STARTING)
                        .withFixedDelay(3_000)));
        WawpClient impatient =
                clientBuilder().requestTimeout(Duration.ofMillis(200)).build();

        long started = System.nanoTime();
        assertThatThrownBy(() -> impatient.start(ID))
                .isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(HttpTimeoutException.class)
                .hasMessageContaining("timed out after PT0.2S")
                .hasMessageNotContaining(TOKEN);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void accessTokenIsMaskedInExceptionMessagesAndToString() {
        answer(
                "/v2/session/start",
                401,
                "application/json",
                "{\"error\":\"unauthorized\",\"message\":\"Token " + TOKEN + " is not valid\",\"status\":401}");

        WawpApiException e = catchThrowableOfType(WawpApiException.class, () -> client.start(ID));

        assertThat(e.getMessage()).doesNotContain(TOKEN).contains("Token test... is not valid");
        assertThat(e.toString()).doesNotContain(TOKEN);
        assertThat(client.toString()).doesNotContain(TOKEN).contains("accessToken=test...");
    }

    @Test
    void nonJsonSuccessBodyFailsWithTheBodyInTheMessage() {
        answer("/v2/session/start", 200, "text/html", "<html>login page</html>");

        assertThatThrownBy(() -> client.start(ID))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("POST /v2/session/start answered 200 with a body that is not a JSON object "
                        + "[text/html]: <html>login page</html>");
    }

    @Test
    void buildWithoutBaseUrlFailsWithTheFix() {
        assertThatThrownBy(() -> WawpClient.builder().accessToken(TOKEN).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Expected a base URL")
                .hasMessageContaining(".baseUrl(URI.create(");
    }
}
