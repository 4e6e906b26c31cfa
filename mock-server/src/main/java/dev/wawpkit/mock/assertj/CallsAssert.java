package dev.wawpkit.mock.assertj;

import dev.wawpkit.mock.Endpoint;
import dev.wawpkit.mock.RecordedCall;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/** Asserts on the calls one endpoint received, across sessions or for one session. */
public final class CallsAssert extends AbstractAssert<CallsAssert, List<CallsAssert.SessionCall>> {
    private final Endpoint endpoint;
    private final List<SessionCall> all;
    private final String scope;

    CallsAssert(Endpoint endpoint, List<SessionCall> all) {
        this(
                endpoint,
                all,
                all.stream().filter(c -> c.call().endpoint() == endpoint).toList(),
                "all sessions");
    }

    private CallsAssert(Endpoint endpoint, List<SessionCall> all, List<SessionCall> selected, String scope) {
        super(selected, CallsAssert.class);
        this.endpoint = endpoint;
        this.all = all;
        this.scope = scope;
    }

    /** Narrows to the calls naming one session. */
    public CallsAssert forSession(String instanceId) {
        return new CallsAssert(
                endpoint,
                all.stream().filter(c -> c.instanceId().equals(instanceId)).toList(),
                actual.stream().filter(c -> c.instanceId().equals(instanceId)).toList(),
                "session " + instanceId);
    }

    /** Checks how many such calls came. */
    public CallsAssert hasSize(int expected) {
        if (actual.size() != expected) {
            failWithMessage(
                    "Expecting %s calls to %s of %s:%n  %s%nbut got:%n  %s%nCalls the mock received:%n%s",
                    endpoint.key(), endpoint.path(), scope, expected, actual.size(), describe(all));
        }
        return this;
    }

    /** Checks no such call came. */
    public CallsAssert isNone() {
        return hasSize(0);
    }

    /** Checks every such call was answered with this HTTP status. */
    public CallsAssert allAnsweredWith(int status) {
        List<SessionCall> other =
                actual.stream().filter(c -> c.call().status() != status).toList();
        if (!other.isEmpty()) {
            failWithMessage(
                    "Expecting every %s call of %s to be answered with:%n  %s%nbut these were not:%n%s",
                    endpoint.key(), scope, status, describe(other));
        }
        return this;
    }

    private static String describe(List<SessionCall> calls) {
        return WawpMockAssert.describeCalls(
                calls.stream().map(SessionCall::call).toList());
    }

    /**
     * One recorded call with the session it named.
     *
     * @param instanceId the session
     * @param call       the call
     */
    public record SessionCall(String instanceId, RecordedCall call) {}
}
