package dev.wawpkit.conformance;

import static dev.wawpkit.conformance.Behaviour.CREATE_200;
import static dev.wawpkit.conformance.Behaviour.CREATE_400;
import static dev.wawpkit.conformance.Behaviour.CREATE_401;
import static dev.wawpkit.conformance.Behaviour.CREATE_403;
import static dev.wawpkit.conformance.Behaviour.CREATE_500;

import dev.wawpkit.conformance.Drift.Side;
import dev.wawpkit.mock.Format;
import org.junit.jupiter.api.Test;

/** Specification section 3, create: every documented response of {@code POST /v2/session/create}. */
@ConformanceSuite
class CreateConformance {

    @Test
    @Covers(CREATE_200)
    void createAnswersANewStoppedSession(Conformance wawp) {
        Exchange created = wawp.create();

        wawp.expect(created)
                .field("status", "STOPPED")
                .fieldMatches("instance_id", "[A-Za-z0-9]{12}", "of 12 letters or digits")
                .fieldMatches("session_name", "wawp-[0-9]{8}", "of wawp- and 8 digits");
        created.field("instance_id").ifPresent(id -> wawp.expectState(id, "STOPPED"));
    }

    @Test
    @Covers(CREATE_400)
    void createWithoutTokenAnswersBadRequest(Conformance wawp) {
        wawp.expect(wawp.post("create").send());
    }

    @Test
    @Covers(CREATE_401)
    void createWithUnknownTokenAnswersUnauthorized(Conformance wawp) {
        wawp.expect(wawp.post("create").token(wawp.invalidToken()).send());
    }

    @Test
    @Covers(CREATE_403)
    void createBeyondQuotaAnswersForbiddenAndCreatesNothing(Conformance wawp) {
        int before = wawp.control().sessions().size();
        wawp.control().tokens().quota(wawp.token(), 0);
        try {
            wawp.expect(wawp.post("create").token().send());
        } finally {
            wawp.control().tokens().unlimited(wawp.token());
        }
        int after = wawp.control().sessions().size();
        if (after != before) {
            wawp.drift(Side.STATE, "no new session", (after - before) + " new session(s)");
        }
    }

    @Test
    @Covers(CREATE_500)
    void createFailureAnswersInternalServerError(Conformance wawp) {
        wawp.control().faults().onCreate().respond(500, Format.JSON);

        wawp.expect(wawp.post("create").token().send());
    }
}
