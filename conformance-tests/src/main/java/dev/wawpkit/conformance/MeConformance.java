package dev.wawpkit.conformance;

import static dev.wawpkit.conformance.Behaviour.ME_200;
import static dev.wawpkit.conformance.Behaviour.ME_400_JSON;
import static dev.wawpkit.conformance.Behaviour.ME_400_NOT_WORKING;
import static dev.wawpkit.conformance.Behaviour.ME_400_TEXT;
import static dev.wawpkit.conformance.Behaviour.ME_400_XML;
import static dev.wawpkit.conformance.Behaviour.ME_401_JSON;
import static dev.wawpkit.conformance.Behaviour.ME_401_XML;
import static dev.wawpkit.conformance.Behaviour.ME_404_JSON;
import static dev.wawpkit.conformance.Behaviour.ME_404_XML;
import static dev.wawpkit.conformance.Behaviour.ME_500_HTML;
import static dev.wawpkit.conformance.Behaviour.ME_500_JSON;
import static dev.wawpkit.conformance.Behaviour.ME_502_JSON;
import static dev.wawpkit.conformance.Behaviour.ME_502_XML;

import dev.wawpkit.mock.Endpoint;
import dev.wawpkit.mock.Format;
import org.junit.jupiter.api.Test;

/** Specification section 3, me: every documented response of {@code GET /v2/session/me}. */
@ConformanceSuite
class MeConformance {
    /** The documentation's example instance_id: well-formed, used where the token is refused first. */
    private static final String EXAMPLE_INSTANCE = "3EB0BCB2E3D4";

    @Test
    @Covers(ME_200)
    void meAnswersTheLoggedInAccount(Conformance wawp) {
        String id = wawp.workingSession();

        wawp.expect(wawp.get("me").instance(id).token().send())
                .fieldMatches("id", "[0-9]{8,15}@c\\.us", "digits and @c.us, like 201012345678@c.us")
                .fieldMatches("pushName", "(?s).*", "present");
    }

    @Test
    @Covers(ME_400_NOT_WORKING)
    void meOfASessionNotLoggedInAnswersBadRequest(Conformance wawp) {
        String id = wawp.newSession();

        wawp.expect(wawp.get("me").instance(id).token().send()).field("error", "not_logged_in");
        wawp.expectState(id, "STOPPED");
    }

    @Test
    @Covers(ME_400_JSON)
    void meWithoutInstanceAnswersBadRequest(Conformance wawp) {
        wawp.expect(wawp.get("me").token().send());
    }

    @Test
    @Covers(ME_400_XML)
    void meWithoutInstanceAnswersBadRequestAsXml(Conformance wawp) {
        wawp.expect(wawp.get("me").token().accept("application/xml").send());
    }

    @Test
    @Covers(ME_400_TEXT)
    void meWithoutInstanceAnswersBadRequestAsText(Conformance wawp) {
        wawp.expect(wawp.get("me").token().accept("text/plain").send());
    }

    @Test
    @Covers(ME_401_JSON)
    void meWithUnknownTokenAnswersUnauthorized(Conformance wawp) {
        wawp.expect(wawp.get("me").instance(EXAMPLE_INSTANCE).token(wawp.invalidToken()).send());
    }

    @Test
    @Covers(ME_401_XML)
    void meWithUnknownTokenAnswersUnauthorizedAsXml(Conformance wawp) {
        wawp.expect(wawp.get("me").instance(EXAMPLE_INSTANCE).token(wawp.invalidToken())
                .accept("application/xml").send());
    }

    @Test
    @Covers(ME_404_JSON)
    void meOfUnknownSessionAnswersNotFound(Conformance wawp) {
        wawp.expect(wawp.get("me").instance(wawp.unknownInstanceId()).token().send());
    }

    @Test
    @Covers(ME_404_XML)
    void meOfUnknownSessionAnswersNotFoundAsXml(Conformance wawp) {
        wawp.expect(wawp.get("me").instance(wawp.unknownInstanceId()).token().accept("application/xml").send());
    }

    @Test
    @Covers(ME_500_JSON)
    void meFailureAnswersInternalServerError(Conformance wawp) {
        failing(wawp, 500, Format.JSON);
    }

    @Test
    @Covers(ME_500_HTML)
    void meFailureAnswersAnHtmlErrorPage(Conformance wawp) {
        failing(wawp, 500, Format.HTML);
    }

    @Test
    @Covers(ME_502_JSON)
    void meUpstreamFailureAnswersBadGateway(Conformance wawp) {
        failing(wawp, 502, Format.JSON);
    }

    @Test
    @Covers(ME_502_XML)
    void meUpstreamFailureAnswersBadGatewayAsXml(Conformance wawp) {
        failing(wawp, 502, Format.XML);
    }

    /** Injects the fault for one WORKING session, calls me on it, and checks the session stayed WORKING. */
    private static void failing(Conformance wawp, int status, Format format) {
        String id = wawp.seed("WORKING", true);
        wawp.control().faults().on(Endpoint.ME).session(id).respond(status, format);

        wawp.expect(wawp.get("me").instance(id).token().send());
        wawp.expectState(id, "WORKING");
    }
}
