package dev.wawpkit.conformance;

import static dev.wawpkit.conformance.Behaviour.QR_IMAGE_200;
import static dev.wawpkit.conformance.Behaviour.QR_IMAGE_400_JSON;
import static dev.wawpkit.conformance.Behaviour.QR_IMAGE_400_NOT_SCANNING;
import static dev.wawpkit.conformance.Behaviour.QR_IMAGE_400_TEXT;
import static dev.wawpkit.conformance.Behaviour.QR_IMAGE_400_XML;
import static dev.wawpkit.conformance.Behaviour.QR_IMAGE_401_JSON;
import static dev.wawpkit.conformance.Behaviour.QR_IMAGE_401_XML;
import static dev.wawpkit.conformance.Behaviour.QR_IMAGE_404_JSON;
import static dev.wawpkit.conformance.Behaviour.QR_IMAGE_404_XML;
import static dev.wawpkit.conformance.Behaviour.QR_IMAGE_500_HTML;
import static dev.wawpkit.conformance.Behaviour.QR_IMAGE_500_JSON;
import static dev.wawpkit.conformance.Behaviour.QR_IMAGE_502_JSON;
import static dev.wawpkit.conformance.Behaviour.QR_IMAGE_502_XML;

import dev.wawpkit.mock.Endpoint;
import dev.wawpkit.mock.Format;
import org.junit.jupiter.api.Test;

/** Specification section 3, qr-image: every documented response of {@code POST|GET /v2/auth/qr-image}. */
@ConformanceSuite
class QrImageConformance {
    /** The documentation's example instance_id: well-formed, used where the token is refused first. */
    private static final String EXAMPLE_INSTANCE = "3EB0BCB2E3D4";

    @Test
    @Covers(QR_IMAGE_200)
    void qrImageAnswersAPngDataUrl(Conformance wawp) {
        String id = wawp.scanningSession();

        wawp.expect(wawp.post("qr-image").instance(id).token().send())
                .fieldMatches("qr", "data:image/png;base64,[A-Za-z0-9+/=]+", "a data:image/png;base64 URL");
    }

    @Test
    @Covers(QR_IMAGE_400_NOT_SCANNING)
    void qrImageOfASessionNotWaitingForAScanAnswersBadRequest(Conformance wawp) {
        String id = wawp.newSession();

        wawp.expect(wawp.post("qr-image").instance(id).token().send()).field("error", "not_scanning");
        wawp.expectState(id, "STOPPED");
    }

    @Test
    @Covers(QR_IMAGE_400_JSON)
    void qrImageWithoutInstanceAnswersBadRequest(Conformance wawp) {
        wawp.expect(wawp.post("qr-image").token().send());
    }

    @Test
    @Covers(QR_IMAGE_400_XML)
    void qrImageWithoutInstanceAnswersBadRequestAsXml(Conformance wawp) {
        wawp.expect(wawp.post("qr-image").token().accept("application/xml").send());
    }

    @Test
    @Covers(QR_IMAGE_400_TEXT)
    void qrImageWithoutInstanceAnswersBadRequestAsText(Conformance wawp) {
        wawp.expect(wawp.post("qr-image").token().accept("text/plain").send());
    }

    @Test
    @Covers(QR_IMAGE_401_JSON)
    void qrImageWithUnknownTokenAnswersUnauthorized(Conformance wawp) {
        wawp.expect(wawp.post("qr-image").instance(EXAMPLE_INSTANCE).token(wawp.invalidToken()).send());
    }

    @Test
    @Covers(QR_IMAGE_401_XML)
    void qrImageWithUnknownTokenAnswersUnauthorizedAsXml(Conformance wawp) {
        wawp.expect(wawp.post("qr-image").instance(EXAMPLE_INSTANCE).token(wawp.invalidToken())
                .accept("application/xml").send());
    }

    @Test
    @Covers(QR_IMAGE_404_JSON)
    void qrImageOfUnknownSessionAnswersNotFound(Conformance wawp) {
        wawp.expect(wawp.post("qr-image").instance(wawp.unknownInstanceId()).token().send());
    }

    @Test
    @Covers(QR_IMAGE_404_XML)
    void qrImageOfUnknownSessionAnswersNotFoundAsXml(Conformance wawp) {
        wawp.expect(wawp.post("qr-image").instance(wawp.unknownInstanceId()).token().accept("application/xml").send());
    }

    @Test
    @Covers(QR_IMAGE_500_JSON)
    void qrImageFailureAnswersInternalServerError(Conformance wawp) {
        failing(wawp, 500, Format.JSON);
    }

    @Test
    @Covers(QR_IMAGE_500_HTML)
    void qrImageFailureAnswersAnHtmlErrorPage(Conformance wawp) {
        failing(wawp, 500, Format.HTML);
    }

    @Test
    @Covers(QR_IMAGE_502_JSON)
    void qrImageUpstreamFailureAnswersBadGateway(Conformance wawp) {
        failing(wawp, 502, Format.JSON);
    }

    @Test
    @Covers(QR_IMAGE_502_XML)
    void qrImageUpstreamFailureAnswersBadGatewayAsXml(Conformance wawp) {
        failing(wawp, 502, Format.XML);
    }

    /** Injects the fault for one SCAN_QR_CODE session, calls qr-image on it, and checks the session stayed SCAN_QR_CODE. */
    private static void failing(Conformance wawp, int status, Format format) {
        String id = wawp.seed("SCAN_QR_CODE", false);
        wawp.control().faults().on(Endpoint.QR_IMAGE).session(id).respond(status, format);

        wawp.expect(wawp.post("qr-image").instance(id).token().send());
        wawp.expectState(id, "SCAN_QR_CODE");
    }
}
