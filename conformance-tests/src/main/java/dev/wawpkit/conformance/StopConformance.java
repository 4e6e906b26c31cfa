package dev.wawpkit.conformance;

import static dev.wawpkit.conformance.Behaviour.STOP_200;
import static dev.wawpkit.conformance.Behaviour.STOP_400_JSON;
import static dev.wawpkit.conformance.Behaviour.STOP_400_TEXT;
import static dev.wawpkit.conformance.Behaviour.STOP_400_XML;
import static dev.wawpkit.conformance.Behaviour.STOP_401_JSON;
import static dev.wawpkit.conformance.Behaviour.STOP_401_XML;
import static dev.wawpkit.conformance.Behaviour.STOP_404_JSON;
import static dev.wawpkit.conformance.Behaviour.STOP_404_XML;
import static dev.wawpkit.conformance.Behaviour.STOP_500_HTML;
import static dev.wawpkit.conformance.Behaviour.STOP_500_JSON;
import static dev.wawpkit.conformance.Behaviour.STOP_502_JSON;
import static dev.wawpkit.conformance.Behaviour.STOP_502_XML;

import dev.wawpkit.mock.Endpoint;
import dev.wawpkit.mock.Format;
import org.junit.jupiter.api.Test;

/** Specification section 3, stop: every documented response of {@code POST|GET /v2/session/stop}. */
@ConformanceSuite
class StopConformance {
    /** The documentation's example instance_id: well-formed, used where the token is refused first. */
    private static final String EXAMPLE_INSTANCE = "3EB0BCB2E3D4";

    @Test
    @Covers(STOP_200)
    void stopAnswersTheStoppedSession(Conformance wawp) {
        String id = wawp.newSession();
        wawp.post("start").instance(id).token().send();

        wawp.expect(wawp.post("stop").instance(id).token().send())
                .field("status", "STOPPED")
                .fieldMatches("name", ".+", "non-empty")
                .hasObject("config");
    }

    @Test
    @Covers(STOP_400_JSON)
    void stopWithoutInstanceAnswersBadRequest(Conformance wawp) {
        wawp.expect(wawp.post("stop").token().send());
    }

    @Test
    @Covers(STOP_400_XML)
    void stopWithoutInstanceAnswersBadRequestAsXml(Conformance wawp) {
        wawp.expect(wawp.post("stop").token().accept("application/xml").send());
    }

    @Test
    @Covers(STOP_400_TEXT)
    void stopWithoutInstanceAnswersBadRequestAsText(Conformance wawp) {
        wawp.expect(wawp.post("stop").token().accept("text/plain").send());
    }

    @Test
    @Covers(STOP_401_JSON)
    void stopWithUnknownTokenAnswersUnauthorized(Conformance wawp) {
        wawp.expect(wawp.post("stop").instance(EXAMPLE_INSTANCE).token(wawp.invalidToken()).send());
    }

    @Test
    @Covers(STOP_401_XML)
    void stopWithUnknownTokenAnswersUnauthorizedAsXml(Conformance wawp) {
        wawp.expect(wawp.post("stop").instance(EXAMPLE_INSTANCE).token(wawp.invalidToken())
                .accept("application/xml").send());
    }

    @Test
    @Covers(STOP_404_JSON)
    void stopOfUnknownSessionAnswersNotFound(Conformance wawp) {
        wawp.expect(wawp.post("stop").instance(wawp.unknownInstanceId()).token().send());
    }

    @Test
    @Covers(STOP_404_XML)
    void stopOfUnknownSessionAnswersNotFoundAsXml(Conformance wawp) {
        wawp.expect(wawp.post("stop").instance(wawp.unknownInstanceId()).token().accept("application/xml").send());
    }

    @Test
    @Covers(STOP_500_JSON)
    void stopFailureAnswersInternalServerError(Conformance wawp) {
        failing(wawp, 500, Format.JSON);
    }

    @Test
    @Covers(STOP_500_HTML)
    void stopFailureAnswersAnHtmlErrorPage(Conformance wawp) {
        failing(wawp, 500, Format.HTML);
    }

    @Test
    @Covers(STOP_502_JSON)
    void stopUpstreamFailureAnswersBadGateway(Conformance wawp) {
        failing(wawp, 502, Format.JSON);
    }

    @Test
    @Covers(STOP_502_XML)
    void stopUpstreamFailureAnswersBadGatewayAsXml(Conformance wawp) {
        failing(wawp, 502, Format.XML);
    }

    /** Injects the fault for one WORKING session, calls stop on it, and checks the session stayed WORKING. */
    private static void failing(Conformance wawp, int status, Format format) {
        String id = wawp.seed("WORKING", true);
        wawp.control().faults().on(Endpoint.STOP).session(id).respond(status, format);

        wawp.expect(wawp.post("stop").instance(id).token().send());
        wawp.expectState(id, "WORKING");
    }
}
