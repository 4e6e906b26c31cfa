package dev.wawpkit.mock.internal;

import dev.wawpkit.mock.FaultRule;
import dev.wawpkit.mock.MockSession;
import dev.wawpkit.mock.RecordedCall;
import dev.wawpkit.mock.SessionStatus;
import dev.wawpkit.mock.TokenQuota;

import java.util.List;

/**
 * The control operations on a mock, in-process or over HTTP; the fluent Java API is built on it.
 *
 * <p>Every refusal is a {@link dev.wawpkit.mock.WawpMockException} with the HTTP status and code
 * the control API answers with.
 */
public interface ControlPort {
    List<MockSession> sessions(String tokenOrNull);

    MockSession session(String instanceId);

    MockSession seed(String token, String instanceIdOrNull, SessionStatus status, boolean loggedIn);

    MockSession move(String instanceId, SessionStatus status, Boolean loggedInOrNull);

    List<RecordedCall> calls(String instanceId);

    void arm(FaultRule rule);

    List<FaultRule> faults();

    void clearFaults(String tokenOrNull);

    TokenQuota putToken(String token, Integer quotaOrNull);

    List<TokenQuota> tokens();

    void reset();
}
