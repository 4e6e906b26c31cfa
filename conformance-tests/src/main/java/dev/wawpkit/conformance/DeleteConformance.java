package dev.wawpkit.conformance;

import static dev.wawpkit.conformance.Behaviour.DELETE_200;
import static dev.wawpkit.conformance.Behaviour.DELETE_400_JSON;
import static dev.wawpkit.conformance.Behaviour.DELETE_400_TEXT;
import static dev.wawpkit.conformance.Behaviour.DELETE_400_XML;
import static dev.wawpkit.conformance.Behaviour.DELETE_401_JSON;
import static dev.wawpkit.conformance.Behaviour.DELETE_401_XML;
import static dev.wawpkit.conformance.Behaviour.DELETE_404_JSON;
import static dev.wawpkit.conformance.Behaviour.DELETE_404_XML;
import static dev.wawpkit.conformance.Behaviour.DELETE_500_HTML;
import static dev.wawpkit.conformance.Behaviour.DELETE_500_JSON;
import static dev.wawpkit.conformance.Behaviour.DELETE_502_JSON;
import static dev.wawpkit.conformance.Behaviour.DELETE_502_XML;

import dev.wawpkit.mock.Endpoint;
import dev.wawpkit.mock.Format;
import org.junit.jupiter.api.Test;

/** Specification section 3, delete: every documented response of {@code DELETE /v2/session/delete}. */
@ConformanceSuite
class DeleteConformance {
    /** The documentation's example instance_id: well-formed, used where the token is refused first. */
    private static final String EXAMPLE_INSTANCE = "3EB0BCB2E3D4";

    @Test
    @Covers(DELETE_200)
    void deleteAnswersTheDeletedSession(Conformance wawp) {
        String id = wawp.newSession();

        wawp.expect(wawp.delete("delete").instance(id).token().send())
                .field("status", "DELETED")
                .field("instance_id", id)
                .fieldMatches("name", ".+", "non-empty");
    }

    @Test
    @Covers(DELETE_400_JSON)
    void deleteWithoutInstanceAnswersBadRequest(Conformance wawp) {
        wawp.expect(wawp.delete("delete").token().send());
    }

    @Test
    @Covers(DELETE_400_XML)
    void deleteWithoutInstanceAnswersBadRequestAsXml(Conformance wawp) {
        wawp.expect(wawp.delete("delete").token().accept("application/xml").send());
    }

    @Test
    @Covers(DELETE_400_TEXT)
    void deleteWithoutInstanceAnswersBadRequestAsText(Conformance wawp) {
        wawp.expect(wawp.delete("delete").token().accept("text/plain").send());
    }

    @Test
    @Covers(DELETE_401_JSON)
    void deleteWithUnknownTokenAnswersUnauthorized(Conformance wawp) {
        wawp.expect(wawp.delete("delete").instance(EXAMPLE_INSTANCE).token(wawp.invalidToken()).send());
    }

    @Test
    @Covers(DELETE_401_XML)
    void deleteWithUnknownTokenAnswersUnauthorizedAsXml(Conformance wawp) {
        wawp.expect(wawp.delete("delete").instance(EXAMPLE_INSTANCE).token(wawp.invalidToken())
                .accept("application/xml").send());
    }

    @Test
    @Covers(DELETE_404_JSON)
    void deleteOfUnknownSessionAnswersNotFound(Conformance wawp) {
        wawp.expect(wawp.delete("delete").instance(wawp.unknownInstanceId()).token().send());
    }

    @Test
    @Covers(DELETE_404_XML)
    void deleteOfUnknownSessionAnswersNotFoundAsXml(Conformance wawp) {
        wawp.expect(wawp.delete("delete").instance(wawp.unknownInstanceId()).token().accept("application/xml").send());
    }

    @Test
    @Covers(DELETE_500_JSON)
    void deleteFailureAnswersInternalServerError(Conformance wawp) {
        failing(wawp, 500, Format.JSON);
    }

    @Test
    @Covers(DELETE_500_HTML)
    void deleteFailureAnswersAnHtmlErrorPage(Conformance wawp) {
        failing(wawp, 500, Format.HTML);
    }

    @Test
    @Covers(DELETE_502_JSON)
    void deleteUpstreamFailureAnswersBadGateway(Conformance wawp) {
        failing(wawp, 502, Format.JSON);
    }

    @Test
    @Covers(DELETE_502_XML)
    void deleteUpstreamFailureAnswersBadGatewayAsXml(Conformance wawp) {
        failing(wawp, 502, Format.XML);
    }

    /** Injects the fault for one STOPPED session, calls delete on it, and checks the session still exists, STOPPED. */
    private static void failing(Conformance wawp, int status, Format format) {
        String id = wawp.newSession();
        wawp.control().faults().on(Endpoint.DELETE).session(id).respond(status, format);

        wawp.expect(wawp.delete("delete").instance(id).token().send());
        wawp.expectState(id, "STOPPED");
    }
}
