package dev.wawpkit.conformance;

import static dev.wawpkit.conformance.Behaviour.INFO_200;
import static dev.wawpkit.conformance.Behaviour.INFO_400_JSON;
import static dev.wawpkit.conformance.Behaviour.INFO_400_TEXT;
import static dev.wawpkit.conformance.Behaviour.INFO_400_XML;
import static dev.wawpkit.conformance.Behaviour.INFO_401_JSON;
import static dev.wawpkit.conformance.Behaviour.INFO_401_XML;
import static dev.wawpkit.conformance.Behaviour.INFO_404_JSON;
import static dev.wawpkit.conformance.Behaviour.INFO_404_XML;
import static dev.wawpkit.conformance.Behaviour.INFO_500_HTML;
import static dev.wawpkit.conformance.Behaviour.INFO_500_JSON;
import static dev.wawpkit.conformance.Behaviour.INFO_502_JSON;
import static dev.wawpkit.conformance.Behaviour.INFO_502_XML;

import dev.wawpkit.mock.Format;
import org.junit.jupiter.api.Test;

/** Specification section 3, info: every documented response of {@code POST /v2/session/info}. */
@ConformanceSuite
class InfoConformance {
    /** The documentation's example instance_id: well-formed, used where the token is refused first. */
    private static final String EXAMPLE_INSTANCE = "3EB0BCB2E3D4";

    @Test
    @Covers(INFO_200)
    void infoAnswersTheSession(Conformance wawp) {
        String id = wawp.anySession();

        wawp.expect(wawp.post("info").instance(id).token().send())
                .fieldIn("status", "STOPPED", "STARTING", "SCAN_QR_CODE", "WORKING", "FAILED")
                .fieldMatches("name", ".+", "non-empty")
                .hasObject("config");
    }

    @Test
    @Covers(INFO_400_JSON)
    void infoWithoutInstanceAnswersBadRequest(Conformance wawp) {
        wawp.expect(wawp.post("info").token().send());
    }

    @Test
    @Covers(INFO_400_XML)
    void infoWithoutInstanceAnswersBadRequestAsXml(Conformance wawp) {
        wawp.expect(wawp.post("info").token().accept("application/xml").send());
    }

    @Test
    @Covers(INFO_400_TEXT)
    void infoWithoutInstanceAnswersBadRequestAsText(Conformance wawp) {
        wawp.expect(wawp.post("info").token().accept("text/plain").send());
    }

    @Test
    @Covers(INFO_401_JSON)
    void infoWithUnknownTokenAnswersUnauthorized(Conformance wawp) {
        wawp.expect(wawp.post("info").instance(EXAMPLE_INSTANCE).token(wawp.invalidToken()).send());
    }

    @Test
    @Covers(INFO_401_XML)
    void infoWithUnknownTokenAnswersUnauthorizedAsXml(Conformance wawp) {
        wawp.expect(wawp.post("info").instance(EXAMPLE_INSTANCE).token(wawp.invalidToken()).accept("application/xml").send());
    }

    @Test
    @Covers(INFO_404_JSON)
    void infoOfUnknownSessionAnswersNotFound(Conformance wawp) {
        wawp.expect(wawp.post("info").instance(wawp.unknownInstanceId()).token().send());
    }

    @Test
    @Covers(INFO_404_XML)
    void infoOfUnknownSessionAnswersNotFoundAsXml(Conformance wawp) {
        wawp.expect(wawp.post("info").instance(wawp.unknownInstanceId()).token().accept("application/xml").send());
    }

    @Test
    @Covers(INFO_500_JSON)
    void infoFailureAnswersInternalServerError(Conformance wawp) {
        failing(wawp, 500, Format.JSON);
    }

    @Test
    @Covers(INFO_500_HTML)
    void infoFailureAnswersAnHtmlErrorPage(Conformance wawp) {
        failing(wawp, 500, Format.HTML);
    }

    @Test
    @Covers(INFO_502_JSON)
    void infoUpstreamFailureAnswersBadGateway(Conformance wawp) {
        failing(wawp, 502, Format.JSON);
    }

    @Test
    @Covers(INFO_502_XML)
    void infoUpstreamFailureAnswersBadGatewayAsXml(Conformance wawp) {
        failing(wawp, 502, Format.XML);
    }

    /** Injects the fault for one STOPPED session, calls info on it, and checks the session stayed STOPPED. */
    private static void failing(Conformance wawp, int status, Format format) {
        String id = wawp.newSession();
        wawp.control().faults().onInfo().session(id).respond(status, format);

        wawp.expect(wawp.post("info").instance(id).token().send());
        wawp.expectState(id, "STOPPED");
    }
}
