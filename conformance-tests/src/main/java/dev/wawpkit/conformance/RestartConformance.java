package dev.wawpkit.conformance;

import static dev.wawpkit.conformance.Behaviour.RESTART_200;
import static dev.wawpkit.conformance.Behaviour.RESTART_400_JSON;
import static dev.wawpkit.conformance.Behaviour.RESTART_400_TEXT;
import static dev.wawpkit.conformance.Behaviour.RESTART_400_XML;
import static dev.wawpkit.conformance.Behaviour.RESTART_401_JSON;
import static dev.wawpkit.conformance.Behaviour.RESTART_401_XML;
import static dev.wawpkit.conformance.Behaviour.RESTART_404_JSON;
import static dev.wawpkit.conformance.Behaviour.RESTART_404_XML;
import static dev.wawpkit.conformance.Behaviour.RESTART_500_HTML;
import static dev.wawpkit.conformance.Behaviour.RESTART_500_JSON;
import static dev.wawpkit.conformance.Behaviour.RESTART_502_JSON;
import static dev.wawpkit.conformance.Behaviour.RESTART_502_XML;

import dev.wawpkit.mock.Endpoint;
import dev.wawpkit.mock.Format;
import org.junit.jupiter.api.Test;

/** Specification section 3, restart: every documented response of {@code POST|GET /v2/session/restart}. */
@ConformanceSuite
class RestartConformance {
    /** The documentation's example instance_id: well-formed, used where the token is refused first. */
    private static final String EXAMPLE_INSTANCE = "3EB0BCB2E3D4";

    @Test
    @Covers(RESTART_200)
    void restartAnswersBootInitiated(Conformance wawp) {
        String id = wawp.newSession();

        wawp.expect(wawp.post("restart").instance(id).token().send())
                .field("status", "STARTING")
                .fieldMatches("name", ".+", "non-empty")
                .hasObject("config");
    }

    @Test
    @Covers(RESTART_400_JSON)
    void restartWithoutInstanceAnswersBadRequest(Conformance wawp) {
        wawp.expect(wawp.post("restart").token().send());
    }

    @Test
    @Covers(RESTART_400_XML)
    void restartWithoutInstanceAnswersBadRequestAsXml(Conformance wawp) {
        wawp.expect(wawp.post("restart").token().accept("application/xml").send());
    }

    @Test
    @Covers(RESTART_400_TEXT)
    void restartWithoutInstanceAnswersBadRequestAsText(Conformance wawp) {
        wawp.expect(wawp.post("restart").token().accept("text/plain").send());
    }

    @Test
    @Covers(RESTART_401_JSON)
    void restartWithUnknownTokenAnswersUnauthorized(Conformance wawp) {
        wawp.expect(wawp.post("restart").instance(EXAMPLE_INSTANCE).token(wawp.invalidToken()).send());
    }

    @Test
    @Covers(RESTART_401_XML)
    void restartWithUnknownTokenAnswersUnauthorizedAsXml(Conformance wawp) {
        wawp.expect(wawp.post("restart").instance(EXAMPLE_INSTANCE).token(wawp.invalidToken())
                .accept("application/xml").send());
    }

    @Test
    @Covers(RESTART_404_JSON)
    void restartOfUnknownSessionAnswersNotFound(Conformance wawp) {
        wawp.expect(wawp.post("restart").instance(wawp.unknownInstanceId()).token().send());
    }

    @Test
    @Covers(RESTART_404_XML)
    void restartOfUnknownSessionAnswersNotFoundAsXml(Conformance wawp) {
        wawp.expect(wawp.post("restart").instance(wawp.unknownInstanceId()).token().accept("application/xml").send());
    }

    @Test
    @Covers(RESTART_500_JSON)
    void restartFailureAnswersInternalServerError(Conformance wawp) {
        failing(wawp, 500, Format.JSON);
    }

    @Test
    @Covers(RESTART_500_HTML)
    void restartFailureAnswersAnHtmlErrorPage(Conformance wawp) {
        failing(wawp, 500, Format.HTML);
    }

    @Test
    @Covers(RESTART_502_JSON)
    void restartUpstreamFailureAnswersBadGateway(Conformance wawp) {
        failing(wawp, 502, Format.JSON);
    }

    @Test
    @Covers(RESTART_502_XML)
    void restartUpstreamFailureAnswersBadGatewayAsXml(Conformance wawp) {
        failing(wawp, 502, Format.XML);
    }

    /** Injects the fault for one WORKING session, calls restart on it, and checks the session stayed WORKING. */
    private static void failing(Conformance wawp, int status, Format format) {
        String id = wawp.seed("WORKING", true);
        wawp.control().faults().on(Endpoint.RESTART).session(id).respond(status, format);

        wawp.expect(wawp.post("restart").instance(id).token().send());
        wawp.expectState(id, "WORKING");
    }
}
