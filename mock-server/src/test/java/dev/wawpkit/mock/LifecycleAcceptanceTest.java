package dev.wawpkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import dev.wawpkit.mock.junit5.WawpMockTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Stop, restart, logout, delete, me, QR and pairing code: bodies, transitions, and the shared error set. */
@WawpMockTest(token = LifecycleAcceptanceTest.TOKEN, bootDelayMillis = -1)
class LifecycleAcceptanceTest {
    static final String TOKEN = "life-token-1";

    private final WawpMockServer manual;

    LifecycleAcceptanceTest(WawpMockServer manual) {
        this.manual = manual;
    }

    private static String seed(WawpMockServer mock, SessionStatus status) {
        return mock.seedSession().token(TOKEN).status(status).create().instanceId();
    }

    private static Http.Response call(WawpMockServer mock, String method, String path, String id) {
        return Http.to(mock, path + "?instance_id=" + id + "&access_token=" + TOKEN)
                .method(method)
                .send();
    }

    // ---- stop ------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({"STARTING", "SCAN_QR_CODE", "WORKING", "FAILED", "STOPPED"})
    void stopAnswersStoppedFromAnyStatus(SessionStatus from) {
        String id = seed(manual, from);

        Http.Response r = call(manual, "POST", "/v2/session/stop", id);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").asText()).isEqualTo("STOPPED");
        assertThat(r.json().get("name").asText()).matches("wawp-\\d{8}");
        assertThat(r.json().get("config").get("proxy").isNull()).isTrue();
        assertThat(manual.session(id).status()).isEqualTo(SessionStatus.STOPPED);
    }

    // ---- restart ---------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({"STOPPED", "STARTING", "SCAN_QR_CODE", "WORKING", "FAILED"})
    void restartGoesThroughStarting(SessionStatus from) {
        String id = seed(manual, from);

        Http.Response r = call(manual, "POST", "/v2/session/restart", id);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").asText()).isEqualTo("STARTING");
        assertThat(manual.session(id).status()).isEqualTo(SessionStatus.STARTING);
    }

    // ---- logout ----------------------------------------------------------------------------

    @Test
    void logoutFromWorkingAsksForANewScanAndWipesTheLogin() {
        String id = seed(manual, SessionStatus.WORKING);

        Http.Response r = call(manual, "POST", "/v2/session/logout", id);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").asText()).isEqualTo("SCAN_QR_CODE");
        assertThat(r.json().get("instance_id").asText()).isEqualTo(id);
        assertThat(r.json().get("name").asText()).matches("wawp-\\d{8}");
        assertThat(manual.session(id).get().loggedIn()).isFalse();
    }

    // ---- delete ----------------------------------------------------------------------------

    @Test
    void deleteAnswersDeletedAndEveryLaterCallGets404() {
        String id = seed(manual, SessionStatus.WORKING);

        Http.Response r = call(manual, "DELETE", "/v2/session/delete", id);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").asText()).isEqualTo("DELETED");
        assertThat(r.json().get("instance_id").asText()).isEqualTo(id);
        assertThat(manual.sessions()).isEmpty();
        for (Endpoint e : Endpoint.values()) {
            if (e != Endpoint.CREATE) {
                Http.Response after = Http.to(
                                manual,
                                e.path() + "?instance_id=" + id + "&access_token=" + TOKEN
                                        + "&phone_number=201012345678")
                        .method(e.methods().get(0))
                        .send();
                assertThat(after.status()).as(e.key()).isEqualTo(404);
            }
        }
    }

    // ---- me --------------------------------------------------------------------------------

    @Test
    void meShowsTheAccountWhileWorking() {
        String id = seed(manual, SessionStatus.WORKING);

        Http.Response r = call(manual, "GET", "/v2/session/me", id);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("id").asText()).isEqualTo("201012345678@c.us");
        assertThat(r.json().get("pushName").asText()).isEqualTo("John Doe");
    }

    @ParameterizedTest
    @CsvSource({
        "STOPPED, , application/json",
        "SCAN_QR_CODE, application/xml, application/xml",
        "FAILED, text/plain, text/plain"
    })
    void meWithoutALoginAnswers400NotLoggedIn(SessionStatus status, String accept, String mediaType) {
        String id = seed(manual, status);
        Http http = Http.to(manual, "/v2/session/me?instance_id=" + id + "&access_token=" + TOKEN)
                .method("GET");
        if (accept != null) {
            http.accept(accept);
        }

        Http.Response r = http.send();

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.mediaType()).isEqualTo(mediaType);
        assertThat(r.body()).contains("to be WORKING (logged in)");
    }

    // ---- QR and pairing code ---------------------------------------------------------------

    @Test
    void qrAndQrImageShowTheSameScannableValue() throws Exception {
        String id = seed(manual, SessionStatus.SCAN_QR_CODE);

        Http.Response raw = call(manual, "POST", "/v2/auth/qr", id);
        Http.Response image = call(manual, "GET", "/v2/auth/qr-image", id);
        Http.Response info = Calls.info(manual, id, TOKEN);

        assertThat(raw.status()).isEqualTo(200);
        assertThat(raw.json().get("mimetype").asText()).isEqualTo("application/json");
        JsonNode data = Http.JSON.readTree(
                Base64.getDecoder().decode(raw.json().get("data").asText()));
        String value = data.get("value").asText();
        assertThat(value).startsWith("2@");
        assertThat(data.get("expiry").asLong()).isGreaterThan(System.currentTimeMillis() - 1_000);
        assertThat(decode(image.json().get("qr").asText())).isEqualTo(value);
        assertThat(decode(info.json().get("qr").asText())).isEqualTo(value);
    }

    @Test
    void theQrRotatesOnItsPeriodWhileScanning() throws Exception {
        // Its own mock: the QR period is a builder option that @WawpMockTest does not offer.
        try (WawpMockServer fast = WawpMockServer.builder()
                .token(TOKEN)
                .qrRotation(Duration.ofMillis(300))
                .build()
                .start()) {
            String id = seed(fast, SessionStatus.SCAN_QR_CODE);
            qrValue(fast, id); // the first image may take a moment while the JVM loads its PNG writer

            String first = qrValue(fast, id);
            Thread.sleep(350);
            String rotated = qrValue(fast, id);

            assertThat(rotated).isNotEqualTo(first);
        }
    }

    @Test
    void theControlApiRotatesTheQrAtOnce() throws Exception {
        String id = seed(manual, SessionStatus.SCAN_QR_CODE);
        String first = qrValue(id);

        manual.session(id).moveTo(SessionStatus.SCAN_QR_CODE);

        assertThat(qrValue(id)).isNotEqualTo(first);
    }

    @ParameterizedTest
    @CsvSource({"/v2/auth/qr, STOPPED", "/v2/auth/qr-image, WORKING", "/v2/auth/qr, STARTING"})
    void aQrOutsideScanQrCodeAnswers400NotScanning(String path, SessionStatus status) {
        String id = seed(manual, status);

        Http.Response r = call(manual, "POST", path, id);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).isEqualTo("not_scanning");
        assertThat(r.json().get("message").asText()).contains(status.name(), "SCAN_QR_CODE");
    }

    @Test
    void requestCodeGivesAPairingCodeWhileScanning() {
        String id = seed(manual, SessionStatus.SCAN_QR_CODE);

        Http.Response r = Http.to(
                        manual,
                        "/v2/auth/request-code?instance_id=" + id + "&access_token=" + TOKEN
                                + "&phone_number=201012345678")
                .send();

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("code").asText()).matches("[A-Z]{4}-\\d{4}");
    }

    @Test
    void requestCodeTakesThePhoneNumberFromAJsonBody() {
        String id = seed(manual, SessionStatus.SCAN_QR_CODE);

        Http.Response r = Http.to(manual, "/v2/auth/request-code")
                .json("{\"instance_id\": \"" + id + "\", \"access_token\": \"" + TOKEN
                        + "\", \"phone_number\": \"201012345678\"}")
                .send();

        assertThat(r.status()).isEqualTo(200);
    }

    @ParameterizedTest
    @CsvSource(
            value = {"'' | missing_parameter", "+20 101 234 5678 | invalid_phone_number", "1234 | invalid_phone_number"
            },
            delimiter = '|')
    void requestCodeRefusesAMissingOrMalformedPhoneNumber(String phone, String code) {
        String id = seed(manual, SessionStatus.SCAN_QR_CODE);

        Http.Response r = Http.to(
                        manual,
                        "/v2/auth/request-code?instance_id=" + id + "&access_token=" + TOKEN + "&phone_number="
                                + URLEncoder.encode(phone, StandardCharsets.UTF_8))
                .send();

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).isEqualTo(code);
    }

    @Test
    void requestCodeOutsideScanQrCodeAnswers400() {
        String id = seed(manual, SessionStatus.WORKING);

        Http.Response r = Http.to(
                        manual,
                        "/v2/auth/request-code?instance_id=" + id + "&access_token=" + TOKEN
                                + "&phone_number=201012345678")
                .send();

        assertThat(r.json().get("error").asText()).isEqualTo("not_scanning");
    }

    // ---- the shared error set of every new endpoint -----------------------------------------

    static Stream<Arguments> newEndpoints() {
        return Stream.of(
                        Endpoint.STOP,
                        Endpoint.RESTART,
                        Endpoint.LOGOUT,
                        Endpoint.DELETE,
                        Endpoint.ME,
                        Endpoint.QR,
                        Endpoint.QR_IMAGE,
                        Endpoint.REQUEST_CODE)
                .map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("newEndpoints")
    void everyNewEndpointAnswersTheSharedErrorSet(Endpoint endpoint) {
        String id = seed(manual, SessionStatus.SCAN_QR_CODE);
        String method = endpoint.methods().get(0);
        String query = "&phone_number=201012345678";

        assertError(
                Http.to(manual, endpoint.path() + "?access_token=" + TOKEN + query)
                        .method(method),
                null,
                400,
                "application/json");
        assertError(
                Http.to(manual, endpoint.path() + "?access_token=" + TOKEN + query)
                        .method(method),
                "application/xml",
                400,
                "application/xml");
        assertError(
                Http.to(manual, endpoint.path() + "?access_token=" + TOKEN + query)
                        .method(method),
                "text/plain",
                400,
                "text/plain");
        assertError(
                Http.to(manual, endpoint.path() + "?instance_id=" + id + "&access_token=bad-token" + query)
                        .method(method),
                null,
                401,
                "application/json");
        assertError(
                Http.to(manual, endpoint.path() + "?instance_id=" + id + "&access_token=bad-token" + query)
                        .method(method),
                "application/xml",
                401,
                "application/xml");
        assertError(
                Http.to(manual, endpoint.path() + "?instance_id=AAAAAAAAAAAA&access_token=" + TOKEN + query)
                        .method(method),
                null,
                404,
                "application/json");
        assertError(
                Http.to(manual, endpoint.path() + "?instance_id=AAAAAAAAAAAA&access_token=" + TOKEN + query)
                        .method(method),
                "application/xml",
                404,
                "application/xml");
        for (Object[] fault : new Object[][] {
            {500, Format.JSON, "application/json"},
            {500, Format.HTML, "text/html"},
            {502, Format.JSON, "application/json"},
            {502, Format.XML, "application/xml"}
        }) {
            manual.faults().on(endpoint).respond((Integer) fault[0], (Format) fault[1]);
            assertError(
                    Http.to(manual, endpoint.path() + "?instance_id=" + id + "&access_token=" + TOKEN + query)
                            .method(method),
                    null,
                    (Integer) fault[0],
                    (String) fault[2]);
        }
        assertThat(manual.session(id).status())
                .as("no error changed the session")
                .isEqualTo(SessionStatus.SCAN_QR_CODE);
    }

    private static void assertError(Http http, String accept, int status, String mediaType) {
        if (accept != null) {
            http.accept(accept);
        }
        Http.Response r = http.send();
        assertThat(r.status()).as("status").isEqualTo(status);
        assertThat(r.mediaType()).as("media type of %s", status).isEqualTo(mediaType);
        assertThat(r.body()).contains(Integer.toString(status));
    }

    @ParameterizedTest
    @CsvSource({"GET, /v2/session/delete, DELETE", "POST, /v2/session/me, GET", "GET, /v2/auth/request-code, POST"})
    void aWrongMethodAnswers405(String method, String path, String allow) {
        Http.Response r = Http.to(manual, path).method(method).send();

        assertThat(r.status()).isEqualTo(405);
        assertThat(r.header("Allow")).isEqualTo(allow);
        manual.takeUnexpectedCalls();
    }

    private String qrValue(String id) throws Exception {
        return qrValue(manual, id);
    }

    private static String qrValue(WawpMockServer mock, String id) throws Exception {
        Http.Response raw = call(mock, "GET", "/v2/auth/qr", id);
        return Http.JSON
                .readTree(Base64.getDecoder().decode(raw.json().get("data").asText()))
                .get("value")
                .asText();
    }

    /** Reads a QR code image as a phone would. */
    static String decode(String dataUrl) throws Exception {
        assertThat(dataUrl).startsWith("data:image/png;base64,");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(
                Base64.getDecoder().decode(dataUrl.substring("data:image/png;base64,".length()))));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(
                new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        return new QRCodeReader().decode(bitmap).getText();
    }

    /** The moves whose next boot the engine drives by itself, on a mock whose STARTING lasts 100 ms. */
    @Nested
    @WawpMockTest(token = LifecycleAcceptanceTest.TOKEN, bootDelayMillis = 100)
    class AfterABootDelay {
        private final WawpMockServer timed;

        AfterABootDelay(WawpMockServer timed) {
            this.timed = timed;
        }

        @Test
        void stopKeepsTheLoginSoStartResumesToWorking() throws Exception {
            String id = seed(timed, SessionStatus.WORKING);

            call(timed, "GET", "/v2/session/stop", id);
            Calls.start(timed, id, TOKEN);

            Calls.awaitStatus(timed, id, TOKEN, "WORKING", 5_000);
        }

        @Test
        void restartThenBootsAsAfterStart() throws Exception {
            String id = timed.seedSession()
                    .token(TOKEN)
                    .status(SessionStatus.FAILED)
                    .loggedIn(false)
                    .create()
                    .instanceId();

            call(timed, "GET", "/v2/session/restart", id);

            Calls.awaitStatus(timed, id, TOKEN, "SCAN_QR_CODE", 5_000);
        }

        @Test
        void failedRecoversByLogoutThenStart() throws Exception {
            String id = timed.seedSession()
                    .token(TOKEN)
                    .status(SessionStatus.FAILED)
                    .loggedIn(true)
                    .create()
                    .instanceId();

            Http.Response r = call(timed, "POST", "/v2/session/logout", id);
            Calls.start(timed, id, TOKEN);

            assertThat(r.json().get("status").asText()).isEqualTo("STOPPED");
            Calls.awaitStatus(timed, id, TOKEN, "SCAN_QR_CODE", 5_000);
        }
    }
}
