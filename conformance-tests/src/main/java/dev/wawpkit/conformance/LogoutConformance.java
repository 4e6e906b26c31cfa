package dev.wawpkit.conformance;

import static dev.wawpkit.conformance.Behaviour.LOGOUT_200;
import static dev.wawpkit.conformance.Behaviour.LOGOUT_400_JSON;
import static dev.wawpkit.conformance.Behaviour.LOGOUT_400_TEXT;
import static dev.wawpkit.conformance.Behaviour.LOGOUT_400_XML;
import static dev.wawpkit.conformance.Behaviour.LOGOUT_401_JSON;
import static dev.wawpkit.conformance.Behaviour.LOGOUT_401_XML;
import static dev.wawpkit.conformance.Behaviour.LOGOUT_404_JSON;
import static dev.wawpkit.conformance.Behaviour.LOGOUT_404_XML;
import static dev.wawpkit.conformance.Behaviour.LOGOUT_500_HTML;
import static dev.wawpkit.conformance.Behaviour.LOGOUT_500_JSON;
import static dev.wawpkit.conformance.Behaviour.LOGOUT_502_JSON;
import static dev.wawpkit.conformance.Behaviour.LOGOUT_502_XML;

import dev.wawpkit.mock.Endpoint;
import dev.wawpkit.mock.Format;
import org.junit.jupiter.api.Test;

/** Specification section 3, logout: every documented response of {@code POST|GET /v2/session/logout}. */
@ConformanceSuite
class LogoutConformance {
    /** The documentation's example instance_id: well-formed, used where the token is refused first. */
    private static final String EXAMPLE_INSTANCE = "3EB0BCB2E3D4";

    @Test
    @Covers(LOGOUT_200)
    void logoutAnswersTheLoggedOutSession(Conformance wawp) {
        // The documented example logs out a WORKING session; without a control API the suite has only its own,
        // never logged-in sessions (it never logs out one it did not create), so any documented status will do.
        String id = wawp.hasControlApi() ? wawp.seed("WORKING", true) : wawp.newSession();

        Conformance.ResponseCheck logout = wawp.expect(wawp.post("logout").instance(id).token().send())
                .field("instance_id", id)
                .fieldMatches("name", ".+", "non-empty");
        if (wawp.hasControlApi()) {
            logout.field("status", "SCAN_QR_CODE");
        } else {
            logout.fieldIn("status", "STOPPED", "STARTING", "SCAN_QR_CODE", "WORKING", "FAILED");
        }
    }

    @Test
    @Covers(LOGOUT_400_JSON)
    void logoutWithoutInstanceAnswersBadRequest(Conformance wawp) {
        wawp.expect(wawp.post("logout").token().send());
    }

    @Test
    @Covers(LOGOUT_400_XML)
    void logoutWithoutInstanceAnswersBadRequestAsXml(Conformance wawp) {
        wawp.expect(wawp.post("logout").token().accept("application/xml").send());
    }

    @Test
    @Covers(LOGOUT_400_TEXT)
    void logoutWithoutInstanceAnswersBadRequestAsText(Conformance wawp) {
        wawp.expect(wawp.post("logout").token().accept("text/plain").send());
    }

    @Test
    @Covers(LOGOUT_401_JSON)
    void logoutWithUnknownTokenAnswersUnauthorized(Conformance wawp) {
        wawp.expect(wawp.post("logout").instance(EXAMPLE_INSTANCE).token(wawp.invalidToken()).send());
    }

    @Test
    @Covers(LOGOUT_401_XML)
    void logoutWithUnknownTokenAnswersUnauthorizedAsXml(Conformance wawp) {
        wawp.expect(wawp.post("logout").instance(EXAMPLE_INSTANCE).token(wawp.invalidToken())
                .accept("application/xml").send());
    }

    @Test
    @Covers(LOGOUT_404_JSON)
    void logoutOfUnknownSessionAnswersNotFound(Conformance wawp) {
        wawp.expect(wawp.post("logout").instance(wawp.unknownInstanceId()).token().send());
    }

    @Test
    @Covers(LOGOUT_404_XML)
    void logoutOfUnknownSessionAnswersNotFoundAsXml(Conformance wawp) {
        wawp.expect(wawp.post("logout").instance(wawp.unknownInstanceId()).token().accept("application/xml").send());
    }

    @Test
    @Covers(LOGOUT_500_JSON)
    void logoutFailureAnswersInternalServerError(Conformance wawp) {
        failing(wawp, 500, Format.JSON);
    }

    @Test
    @Covers(LOGOUT_500_HTML)
    void logoutFailureAnswersAnHtmlErrorPage(Conformance wawp) {
        failing(wawp, 500, Format.HTML);
    }

    @Test
    @Covers(LOGOUT_502_JSON)
    void logoutUpstreamFailureAnswersBadGateway(Conformance wawp) {
        failing(wawp, 502, Format.JSON);
    }

    @Test
    @Covers(LOGOUT_502_XML)
    void logoutUpstreamFailureAnswersBadGatewayAsXml(Conformance wawp) {
        failing(wawp, 502, Format.XML);
    }

    /** Injects the fault for one WORKING session, calls logout on it, and checks the session stayed WORKING. */
    private static void failing(Conformance wawp, int status, Format format) {
        String id = wawp.seed("WORKING", true);
        wawp.control().faults().on(Endpoint.LOGOUT).session(id).respond(status, format);

        wawp.expect(wawp.post("logout").instance(id).token().send());
        wawp.expectState(id, "WORKING");
    }
}
