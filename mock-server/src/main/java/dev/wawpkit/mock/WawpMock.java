package dev.wawpkit.mock;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Steers a running Wawp mock: read and seed sessions, move their status, arm faults, set token
 * quotas, and reset.
 *
 * <p>Implemented in-process by {@link WawpMockServer}, and over HTTP by {@link WawpMockClient} for
 * a mock started from the command line. Every method is thread-safe. Refusals are
 * {@link WawpMockException}s that say what was expected and how to fix it.
 */
public interface WawpMock {

    /** Returns the base URL of the mocked API, such as {@code http://127.0.0.1:8080}. */
    URI baseUrl();

    /**
     * Returns the access token this mock seeds sessions with: the server's first configured token,
     * or the token of a {@link #forToken(String) scope}.
     */
    String token();

    /** Lists the sessions, oldest first: every token's, or only the scope token's. */
    List<MockSession> sessions();

    /** Returns a handle on one session; it is looked up when the handle is used. */
    SessionHandle session(String instanceId);

    /** Starts describing a session to seed; {@link SessionSeed#create()} stores it. */
    SessionSeed seedSession();

    /** Returns the fault controls: arm, list and clear faults. */
    Faults faults();

    /** Returns the token controls: valid tokens and their create quotas. */
    Tokens tokens();

    /** Lists the calls to paths or methods the mock does not serve (the last 1,000), tokens masked. */
    List<UnexpectedCall> unexpectedCalls();

    /**
     * Removes and returns the unexpected calls recorded so far: on a server all of them, on a
     * {@link #forToken(String) scope} those made with its token.
     */
    List<UnexpectedCall> takeUnexpectedCalls();

    /**
     * Lists the requests the API received, oldest first, credentials masked: on a server every
     * token's (and those without one), on a {@link #forToken(String) scope} its token's. Every
     * request is there, whatever answered it (401, 404, a fault, a user stub), within the journal's
     * bounds (1,000 per token by default).
     */
    List<RecordedRequest> requests();

    /** Lists the requests of one endpoint, oldest first (see {@link #requests()}). */
    List<RecordedRequest> requests(Endpoint endpoint);

    /**
     * Returns the oldest request not taken yet, waiting up to {@code timeout} for one to arrive,
     * like MockWebServer's {@code takeRequest}; {@code null} when none came in time. On a scope,
     * only its token's requests.
     */
    RecordedRequest takeRequest(Duration timeout);

    /** Starts a check of how often an endpoint was called, such as {@code verify(Endpoint.CREATE).times(3)}. */
    Verification verify(Endpoint endpoint);

    /** Forgets the journal's requests: on a server all, on a scope its token's. */
    void clearRequests();

    /**
     * Forgets state: on a server, every session, fault and unexpected call, and restores the
     * configured tokens with full quotas; on a scope, only that token's share.
     */
    void reset();

    /**
     * Returns a view of the mock for one access token: its sessions, its faults (armed faults hit
     * only its calls), its unexpected calls, and a reset of its share only. The token becomes valid
     * (with no create limit, unless it was valid already). Tests sharing one server stay apart this way.
     */
    WawpMock forToken(String accessToken);
}
