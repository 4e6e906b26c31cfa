package dev.wawpkit.conformance;

import static dev.wawpkit.conformance.Behaviour.QR_200;
import static dev.wawpkit.conformance.Behaviour.QR_400_JSON;
import static dev.wawpkit.conformance.Behaviour.QR_400_NOT_SCANNING;
import static dev.wawpkit.conformance.Behaviour.QR_400_TEXT;
import static dev.wawpkit.conformance.Behaviour.QR_400_XML;
import static dev.wawpkit.conformance.Behaviour.QR_401_JSON;
import static dev.wawpkit.conformance.Behaviour.QR_401_XML;
import static dev.wawpkit.conformance.Behaviour.QR_404_JSON;
import static dev.wawpkit.conformance.Behaviour.QR_404_XML;
import static dev.wawpkit.conformance.Behaviour.QR_500_HTML;
import static dev.wawpkit.conformance.Behaviour.QR_500_JSON;
import static dev.wawpkit.conformance.Behaviour.QR_502_JSON;
import static dev.wawpkit.conformance.Behaviour.QR_502_XML;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wawpkit.conformance.Drift.Side;
import dev.wawpkit.mock.Endpoint;
import dev.wawpkit.mock.Format;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Specification section 3, qr: every documented response of {@code POST|GET /v2/auth/qr}. */
@ConformanceSuite
class QrConformance {
    /** The documentation's example instance_id: well-formed, used where the token is refused first. */
    private static final String EXAMPLE_INSTANCE = "3EB0BCB2E3D4";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @Covers(QR_200)
    void qrAnswersTheQrValueAsBase64Json(Conformance wawp) {
        String id = wawp.scanningSession();

        Exchange qr = wawp.post("qr").instance(id).token().send();

        wawp.expect(qr).field("mimetype", "application/json");
        String data = qr.field("data").orElse("");
        JsonNode value = decode(data);
        if (qr.status() == 200 && (value == null || !value.path("value").isTextual() || value.path("value").asText().isEmpty()
                || !value.hasNonNull("expiry"))) {
            wawp.drift(Side.FIELD, "\"data\": base64 of {\"value\": \"...\", \"expiry\": ...}",
                    data.isEmpty() ? "no data" : value == null ? "data that is not base64 of JSON" : "base64 of " + value);
        }
    }

    @Test
    @Covers(QR_400_NOT_SCANNING)
    void qrOfASessionNotWaitingForAScanAnswersBadRequest(Conformance wawp) {
        String id = wawp.newSession();

        wawp.expect(wawp.post("qr").instance(id).token().send()).field("error", "not_scanning");
        wawp.expectState(id, "STOPPED");
    }

    @Test
    @Covers(QR_400_JSON)
    void qrWithoutInstanceAnswersBadRequest(Conformance wawp) {
        wawp.expect(wawp.post("qr").token().send());
    }

    @Test
    @Covers(QR_400_XML)
    void qrWithoutInstanceAnswersBadRequestAsXml(Conformance wawp) {
        wawp.expect(wawp.post("qr").token().accept("application/xml").send());
    }

    @Test
    @Covers(QR_400_TEXT)
    void qrWithoutInstanceAnswersBadRequestAsText(Conformance wawp) {
        wawp.expect(wawp.post("qr").token().accept("text/plain").send());
    }

    @Test
    @Covers(QR_401_JSON)
    void qrWithUnknownTokenAnswersUnauthorized(Conformance wawp) {
        wawp.expect(wawp.post("qr").instance(EXAMPLE_INSTANCE).token(wawp.invalidToken()).send());
    }

    @Test
    @Covers(QR_401_XML)
    void qrWithUnknownTokenAnswersUnauthorizedAsXml(Conformance wawp) {
        wawp.expect(wawp.post("qr").instance(EXAMPLE_INSTANCE).token(wawp.invalidToken())
                .accept("application/xml").send());
    }

    @Test
    @Covers(QR_404_JSON)
    void qrOfUnknownSessionAnswersNotFound(Conformance wawp) {
        wawp.expect(wawp.post("qr").instance(wawp.unknownInstanceId()).token().send());
    }

    @Test
    @Covers(QR_404_XML)
    void qrOfUnknownSessionAnswersNotFoundAsXml(Conformance wawp) {
        wawp.expect(wawp.post("qr").instance(wawp.unknownInstanceId()).token().accept("application/xml").send());
    }

    @Test
    @Covers(QR_500_JSON)
    void qrFailureAnswersInternalServerError(Conformance wawp) {
        failing(wawp, 500, Format.JSON);
    }

    @Test
    @Covers(QR_500_HTML)
    void qrFailureAnswersAnHtmlErrorPage(Conformance wawp) {
        failing(wawp, 500, Format.HTML);
    }

    @Test
    @Covers(QR_502_JSON)
    void qrUpstreamFailureAnswersBadGateway(Conformance wawp) {
        failing(wawp, 502, Format.JSON);
    }

    @Test
    @Covers(QR_502_XML)
    void qrUpstreamFailureAnswersBadGatewayAsXml(Conformance wawp) {
        failing(wawp, 502, Format.XML);
    }

    /** Injects the fault for one SCAN_QR_CODE session, calls qr on it, and checks the session stayed SCAN_QR_CODE. */
    private static void failing(Conformance wawp, int status, Format format) {
        String id = wawp.seed("SCAN_QR_CODE", false);
        wawp.control().faults().on(Endpoint.QR).session(id).respond(status, format);

        wawp.expect(wawp.post("qr").instance(id).token().send());
        wawp.expectState(id, "SCAN_QR_CODE");
    }

    private static JsonNode decode(String base64) {
        try {
            JsonNode node = JSON.readTree(new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8));
            return node != null && node.isObject() ? node : null;
        } catch (Exception e) {
            return null;
        }
    }
}
