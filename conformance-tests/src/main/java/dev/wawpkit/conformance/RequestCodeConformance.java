package dev.wawpkit.conformance;

import static dev.wawpkit.conformance.Behaviour.REQUEST_CODE_200;
import static dev.wawpkit.conformance.Behaviour.REQUEST_CODE_400_JSON;
import static dev.wawpkit.conformance.Behaviour.REQUEST_CODE_400_NOT_SCANNING;
import static dev.wawpkit.conformance.Behaviour.REQUEST_CODE_400_TEXT;
import static dev.wawpkit.conformance.Behaviour.REQUEST_CODE_400_XML;
import static dev.wawpkit.conformance.Behaviour.REQUEST_CODE_401_JSON;
import static dev.wawpkit.conformance.Behaviour.REQUEST_CODE_401_XML;
import static dev.wawpkit.conformance.Behaviour.REQUEST_CODE_404_JSON;
import static dev.wawpkit.conformance.Behaviour.REQUEST_CODE_404_XML;
import static dev.wawpkit.conformance.Behaviour.REQUEST_CODE_500_HTML;
import static dev.wawpkit.conformance.Behaviour.REQUEST_CODE_500_JSON;
import static dev.wawpkit.conformance.Behaviour.REQUEST_CODE_502_JSON;
import static dev.wawpkit.conformance.Behaviour.REQUEST_CODE_502_XML;

import dev.wawpkit.mock.Endpoint;
import dev.wawpkit.mock.Format;
import org.junit.jupiter.api.Test;

/** Specification section 3, request-code: every documented response of {@code POST /v2/auth/request-code}. */
@ConformanceSuite
class RequestCodeConformance {
    /** The documentation's example instance_id: well-formed, used where the token is refused first. */
    private static final String EXAMPLE_INSTANCE = "3EB0BCB2E3D4";
    /**
     * A phone_number of the documented form (digits with the country code) that reaches no phone: country
     * code 999 is not assigned, so a target that sent a pairing code anyway would bother nobody.
     */
    static final String PHONE = "99900000000";

    @Test
    @Covers(REQUEST_CODE_200)
    void requestCodeAnswersAPairingCode(Conformance wawp) {
        String id = wawp.seed("SCAN_QR_CODE", false);

        wawp.expect(wawp.post("request-code").instance(id).token().phone(PHONE).send())
                .fieldMatches("code", "[A-Z0-9]{4}-[A-Z0-9]{4}", "like ABCD-1234");
        wawp.expectState(id, "SCAN_QR_CODE");
    }

    @Test
    @Covers(REQUEST_CODE_400_NOT_SCANNING)
    void requestCodeForASessionNotWaitingForAScanAnswersBadRequest(Conformance wawp) {
        String id = wawp.newSession();

        wawp.expect(wawp.post("request-code").instance(id).token().phone(PHONE).send()).field("error", "not_scanning");
        wawp.expectState(id, "STOPPED");
    }

    @Test
    @Covers(REQUEST_CODE_400_JSON)
    void requestCodeWithoutInstanceAnswersBadRequest(Conformance wawp) {
        wawp.expect(wawp.post("request-code").token().phone(PHONE).send());
    }

    @Test
    @Covers(REQUEST_CODE_400_XML)
    void requestCodeWithoutInstanceAnswersBadRequestAsXml(Conformance wawp) {
        wawp.expect(wawp.post("request-code").token().phone(PHONE).accept("application/xml").send());
    }

    @Test
    @Covers(REQUEST_CODE_400_TEXT)
    void requestCodeWithoutInstanceAnswersBadRequestAsText(Conformance wawp) {
        wawp.expect(wawp.post("request-code").token().phone(PHONE).accept("text/plain").send());
    }

    @Test
    @Covers(REQUEST_CODE_401_JSON)
    void requestCodeWithUnknownTokenAnswersUnauthorized(Conformance wawp) {
        wawp.expect(wawp.post("request-code").instance(EXAMPLE_INSTANCE).token(wawp.invalidToken()).phone(PHONE).send());
    }

    @Test
    @Covers(REQUEST_CODE_401_XML)
    void requestCodeWithUnknownTokenAnswersUnauthorizedAsXml(Conformance wawp) {
        wawp.expect(wawp.post("request-code").instance(EXAMPLE_INSTANCE).token(wawp.invalidToken()).phone(PHONE)
                .accept("application/xml").send());
    }

    @Test
    @Covers(REQUEST_CODE_404_JSON)
    void requestCodeOfUnknownSessionAnswersNotFound(Conformance wawp) {
        wawp.expect(wawp.post("request-code").instance(wawp.unknownInstanceId()).token().phone(PHONE).send());
    }

    @Test
    @Covers(REQUEST_CODE_404_XML)
    void requestCodeOfUnknownSessionAnswersNotFoundAsXml(Conformance wawp) {
        wawp.expect(wawp.post("request-code").instance(wawp.unknownInstanceId()).token().phone(PHONE).accept("application/xml").send());
    }

    @Test
    @Covers(REQUEST_CODE_500_JSON)
    void requestCodeFailureAnswersInternalServerError(Conformance wawp) {
        failing(wawp, 500, Format.JSON);
    }

    @Test
    @Covers(REQUEST_CODE_500_HTML)
    void requestCodeFailureAnswersAnHtmlErrorPage(Conformance wawp) {
        failing(wawp, 500, Format.HTML);
    }

    @Test
    @Covers(REQUEST_CODE_502_JSON)
    void requestCodeUpstreamFailureAnswersBadGateway(Conformance wawp) {
        failing(wawp, 502, Format.JSON);
    }

    @Test
    @Covers(REQUEST_CODE_502_XML)
    void requestCodeUpstreamFailureAnswersBadGatewayAsXml(Conformance wawp) {
        failing(wawp, 502, Format.XML);
    }

    /** Injects the fault for one SCAN_QR_CODE session, calls request-code on it, and checks the session stayed SCAN_QR_CODE. */
    private static void failing(Conformance wawp, int status, Format format) {
        String id = wawp.seed("SCAN_QR_CODE", false);
        wawp.control().faults().on(Endpoint.REQUEST_CODE).session(id).respond(status, format);

        wawp.expect(wawp.post("request-code").instance(id).token().phone(PHONE).send());
        wawp.expectState(id, "SCAN_QR_CODE");
    }
}
