package dev.wawpkit.mock.internal;

import dev.wawpkit.mock.FaultRule;
import dev.wawpkit.mock.MockSession;
import dev.wawpkit.mock.RecordedCall;
import dev.wawpkit.mock.RecordedRequest;
import dev.wawpkit.mock.SessionStatus;
import dev.wawpkit.mock.TokenQuota;
import dev.wawpkit.mock.UnexpectedCall;
import dev.wawpkit.mock.WebhookDelivery;
import java.net.URI;
import java.time.Duration;
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

    /** Sets a session's webhook URLs and signing secret (null: unsigned); an empty list turns them off. */
    void webhooks(String instanceId, List<URI> urls, String secretOrNull);

    /** Lists a session's webhook delivery attempts, oldest first. */
    List<WebhookDelivery> deliveries(String instanceId);

    void arm(FaultRule rule);

    List<FaultRule> faults();

    void clearFaults(String tokenOrNull);

    TokenQuota putToken(String token, Integer quotaOrNull);

    /** Makes the token valid with no create limit, unless it is valid already (then its quota stays). */
    void ensureToken(String token);

    List<TokenQuota> tokens();

    void reset();

    /** Lists the journal's requests that match the query, oldest first, credentials masked. */
    List<RecordedRequest> requests(RequestQuery query);

    /** Returns the oldest request of the token (any, when null) not taken yet, waiting up to the timeout; or null. */
    RecordedRequest takeRequest(String tokenOrNull, Duration timeout);

    /** Forgets the journal's requests of the token (all, when null). */
    void clearRequests(String tokenOrNull);

    /** Forgets one token's sessions, faults and unexpected calls; the token stays valid. */
    void resetToken(String token);

    /** Lists calls to paths or methods the mock does not serve, made with the token (null: all). */
    List<UnexpectedCall> unexpectedCalls(String tokenOrNull);

    /** Removes and returns the token's unexpected calls, and those that carried no token when asked. */
    List<UnexpectedCall> drainUnexpectedCalls(String token, boolean unattributed);
}
