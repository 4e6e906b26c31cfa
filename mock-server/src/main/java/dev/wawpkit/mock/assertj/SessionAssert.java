package dev.wawpkit.mock.assertj;

import dev.wawpkit.mock.Endpoint;
import dev.wawpkit.mock.MockSession;
import dev.wawpkit.mock.RecordedCall;
import dev.wawpkit.mock.SessionHandle;
import dev.wawpkit.mock.SessionStatus;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/** Asserts on one session: its status, its login, the calls it received and their order. */
public final class SessionAssert extends AbstractAssert<SessionAssert, SessionHandle> {

    SessionAssert(SessionHandle actual) {
        super(actual, SessionAssert.class);
    }

    /** Checks the session's current status. */
    public SessionAssert hasStatus(SessionStatus expected) {
        MockSession s = actual.get();
        if (s.status() != expected) {
            failWithMessage(
                    "Expecting session %s to have status:%n  %s%nbut was:%n  %s%nCalls it received:%n%s",
                    s.instanceId(), expected, s.status(), WawpMockAssert.describeCalls(actual.calls()));
        }
        return this;
    }

    /** Checks the session keeps a login (booting resumes to WORKING). */
    public SessionAssert isLoggedIn() {
        if (!actual.get().loggedIn()) {
            failWithMessage(
                    "Expecting session %s to keep a login, but it has none (status %s).",
                    actual.instanceId(), actual.get().status());
        }
        return this;
    }

    /** Checks the session keeps no login (booting asks for a QR scan). */
    public SessionAssert isNotLoggedIn() {
        if (actual.get().loggedIn()) {
            failWithMessage(
                    "Expecting session %s to keep no login, but it has one (status %s).",
                    actual.instanceId(), actual.get().status());
        }
        return this;
    }

    /** Checks the session received exactly these calls, in this order. */
    public SessionAssert receivedCallsInOrder(Endpoint... expected) {
        List<RecordedCall> calls = actual.calls();
        List<Endpoint> got = calls.stream().map(RecordedCall::endpoint).toList();
        if (!got.equals(Arrays.asList(expected))) {
            failWithMessage(
                    "Expecting session %s to have received, in order:%n  %s%nbut it received:%n  %s%nCalls:%n%s",
                    actual.instanceId(), Arrays.asList(expected), got, WawpMockAssert.describeCalls(calls));
        }
        return this;
    }

    /** Moves on to the calls of one endpoint this session received. */
    public CallsAssert receivedCalls(Endpoint endpoint) {
        return new CallsAssert(
                endpoint,
                actual.calls().stream()
                        .map(c -> new CallsAssert.SessionCall(actual.instanceId(), c))
                        .toList());
    }
}
