package dev.wawpkit.conformance;

import static dev.wawpkit.conformance.Behaviour.FAULT_CONNECTION_RESET;
import static dev.wawpkit.conformance.Behaviour.FAULT_EMPTY_RESPONSE;

import org.junit.jupiter.api.Test;

/** Specification section 5: the socket faults a target with a control API injects. */
@ConformanceSuite
class FaultConformance {

    @Test
    @Covers(FAULT_CONNECTION_RESET)
    void resetConnectionGivesNoResponseAndChangesNothing(Conformance wawp) {
        String id = wawp.newSession();
        wawp.control().faults().onStart().session(id).resetConnection();

        wawp.expectNoResponse(wawp.post("start").instance(id).token().send());
        wawp.expectState(id, "STOPPED");
    }

    @Test
    @Covers(FAULT_EMPTY_RESPONSE)
    void emptyResponseGivesNoResponse(Conformance wawp) {
        String id = wawp.newSession();
        wawp.control().faults().onInfo().session(id).emptyResponse();

        wawp.expectNoResponse(wawp.post("info").instance(id).token().send());
        wawp.expectState(id, "STOPPED");
    }
}
