package dev.wawpkit.mock.assertj;

import dev.wawpkit.mock.Endpoint;
import dev.wawpkit.mock.MockSession;
import dev.wawpkit.mock.RecordedCall;
import dev.wawpkit.mock.UnexpectedCall;
import dev.wawpkit.mock.WawpMock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/** Asserts on a whole mock: its sessions, the calls they received, and unexpected calls. */
public final class WawpMockAssert extends AbstractAssert<WawpMockAssert, WawpMock> {

    WawpMockAssert(WawpMock actual) {
        super(actual, WawpMockAssert.class);
    }

    /** Moves on to one session; fails if it does not exist. */
    public SessionAssert session(String instanceId) {
        isNotNull();
        if (actual.sessions().stream().noneMatch(s -> s.instanceId().equals(instanceId))) {
            failWithMessage(
                    "Expecting the mock to hold session:%n  %s%nbut it holds:%n%s",
                    instanceId, describeSessions(actual.sessions()));
        }
        return new SessionAssert(actual.session(instanceId));
    }

    /** Moves on to the calls of one endpoint, across all sessions (narrow with {@code forSession}). */
    public CallsAssert receivedCalls(Endpoint endpoint) {
        isNotNull();
        return new CallsAssert(endpoint, allCalls(actual));
    }

    /** Checks how many sessions the mock holds. */
    public WawpMockAssert hasSessionCount(int expected) {
        isNotNull();
        List<MockSession> sessions = actual.sessions();
        if (sessions.size() != expected) {
            failWithMessage(
                    "Expecting the mock to hold:%n  %s sessions%nbut it holds %s:%n%s",
                    expected, sessions.size(), describeSessions(sessions));
        }
        return this;
    }

    /** Checks that no call went to a path or method the mock does not serve. */
    public WawpMockAssert hasNoUnexpectedCalls() {
        isNotNull();
        List<UnexpectedCall> unexpected = actual.unexpectedCalls();
        if (!unexpected.isEmpty()) {
            failWithMessage(
                    "Expecting no calls the mock does not serve, but got:%n%s",
                    unexpected.stream().map(c -> "  " + c.describe()).collect(Collectors.joining("%n".formatted())));
        }
        return this;
    }

    static List<CallsAssert.SessionCall> allCalls(WawpMock mock) {
        List<CallsAssert.SessionCall> out = new ArrayList<>();
        for (MockSession s : mock.sessions()) {
            for (RecordedCall c : mock.session(s.instanceId()).calls()) {
                out.add(new CallsAssert.SessionCall(s.instanceId(), c));
            }
        }
        out.sort((a, b) -> a.call().at().compareTo(b.call().at()));
        return out;
    }

    static String describeSessions(List<MockSession> sessions) {
        if (sessions.isEmpty()) {
            return "  (no sessions)";
        }
        return sessions.stream()
                .map(s -> "  " + s.instanceId() + " " + s.status() + (s.loggedIn() ? " (logged in)" : ""))
                .collect(Collectors.joining("%n".formatted()));
    }

    static String describeCalls(List<RecordedCall> calls) {
        if (calls.isEmpty()) {
            return "  (no calls)";
        }
        return calls.stream()
                .map(c -> "  " + c.method() + " " + c.url() + " -> " + (c.status() == 0 ? "no response" : c.status())
                        + (c.fault() == null ? "" : " [" + c.fault() + "]"))
                .collect(Collectors.joining("%n".formatted()));
    }
}
