package dev.wawpkit.conformance;

import static dev.wawpkit.conformance.Behaviour.START_200;
import static dev.wawpkit.conformance.Behaviour.START_400_JSON;
import static dev.wawpkit.conformance.Behaviour.START_400_TEXT;
import static dev.wawpkit.conformance.Behaviour.START_400_XML;
import static dev.wawpkit.conformance.Behaviour.START_401_JSON;
import static dev.wawpkit.conformance.Behaviour.START_401_XML;
import static dev.wawpkit.conformance.Behaviour.START_404_JSON;
import static dev.wawpkit.conformance.Behaviour.START_404_XML;
import static dev.wawpkit.conformance.Behaviour.START_500_HTML;
import static dev.wawpkit.conformance.Behaviour.START_500_JSON;
import static dev.wawpkit.conformance.Behaviour.START_502_JSON;
import static dev.wawpkit.conformance.Behaviour.START_502_XML;

import dev.wawpkit.mock.Format;
import org.junit.jupiter.api.Test;

/** Specification section 3, start: every documented response of {@code POST /v2/session/start}. */
@ConformanceSuite
class StartConformance {
    /** The documentation's example instance_id: well-formed, used where the token is refused first. */
    private static final String EXAMPLE_INSTANCE = "3EB0BCB2E3D4";

    @Test
    @Covers(START_200)
    void startAnswersBootInitiated(Conformance wawp) {
        String id = wawp.newSession();

        wawp.expect(wawp.post("start").instance(id).token().send())
                .field("status", "STARTING")
                .hasObject("config");
        wawp.expectState(id, "STARTING", "SCAN_QR_CODE");
    }

    @Test
    @Covers(START_400_JSON)
    void startWithoutInstanceAnswersBadRequest(Conformance wawp) {
        wawp.expect(wawp.post("start").token().send());
    }

    @Test
    @Covers(START_400_XML)
    void startWithoutInstanceAnswersBadRequestAsXml(Conformance wawp) {
        wawp.expect(wawp.post("start").token().accept("application/xml").send());
    }

    @Test
    @Covers(START_400_TEXT)
    void startWithoutInstanceAnswersBadRequestAsText(Conformance wawp) {
        wawp.expect(wawp.post("start").token().accept("text/plain").send());
    }

    @Test
    @Covers(START_401_JSON)
    void startWithUnknownTokenAnswersUnauthorized(Conformance wawp) {
        wawp.expect(wawp.post("start").instance(EXAMPLE_INSTANCE).token(wawp.invalidToken()).send());
    }

    @Test
    @Covers(START_401_XML)
    void startWithUnknownTokenAnswersUnauthorizedAsXml(Conformance wawp) {
        wawp.expect(wawp.post("start").instance(EXAMPLE_INSTANCE).token(wawp.invalidToken()).accept("application/xml").send());
    }

    @Test
    @Covers(START_404_JSON)
    void startOfUnknownSessionAnswersNotFound(Conformance wawp) {
        wawp.expect(wawp.post("start").instance(wawp.unknownInstanceId()).token().send());
    }

    @Test
    @Covers(START_404_XML)
    void startOfUnknownSessionAnswersNotFoundAsXml(Conformance wawp) {
        wawp.expect(wawp.post("start").instance(wawp.unknownInstanceId()).token().accept("application/xml").send());
    }

    @Test
    @Covers(START_500_JSON)
    void startFailureAnswersInternalServerError(Conformance wawp) {
        failing(wawp, 500, Format.JSON);
    }

    @Test
    @Covers(START_500_HTML)
    void startFailureAnswersAnHtmlErrorPage(Conformance wawp) {
        failing(wawp, 500, Format.HTML);
    }

    @Test
    @Covers(START_502_JSON)
    void startUpstreamFailureAnswersBadGateway(Conformance wawp) {
        failing(wawp, 502, Format.JSON);
    }

    @Test
    @Covers(START_502_XML)
    void startUpstreamFailureAnswersBadGatewayAsXml(Conformance wawp) {
        failing(wawp, 502, Format.XML);
    }

    /** Injects the fault for one STOPPED session, calls start on it, and checks the session stayed STOPPED. */
    private static void failing(Conformance wawp, int status, Format format) {
        String id = wawp.newSession();
        wawp.control().faults().onStart().session(id).respond(status, format);

        wawp.expect(wawp.post("start").instance(id).token().send());
        wawp.expectState(id, "STOPPED");
    }
}
