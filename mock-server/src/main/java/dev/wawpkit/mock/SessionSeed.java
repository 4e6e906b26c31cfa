package dev.wawpkit.mock;

import dev.wawpkit.mock.internal.ControlPort;

/**
 * Describes a session to put straight into a mock, without calling create and start.
 *
 * <p>Defaults: the mock's default token, a generated instance id, STOPPED, no saved login. A
 * seeded session uses no create quota; its token becomes valid if it was not.
 */
public final class SessionSeed {
    private final ControlPort port;
    private String token;
    private String instanceId;
    private SessionStatus status = SessionStatus.STOPPED;
    private boolean loggedIn;

    SessionSeed(ControlPort port, String defaultToken) {
        this.port = port;
        this.token = defaultToken;
    }

    /** Sets the access token that owns the session. */
    public SessionSeed token(String token) {
        this.token = token;
        return this;
    }

    /** Sets the instance id: 12 letters or digits. */
    public SessionSeed instanceId(String instanceId) {
        this.instanceId = instanceId;
        return this;
    }

    /** Sets the status the session starts in; WORKING implies a saved login. */
    public SessionSeed status(SessionStatus status) {
        this.status = status;
        return this;
    }

    /** Sets whether the session keeps a login, so that booting resumes to WORKING. */
    public SessionSeed loggedIn(boolean loggedIn) {
        this.loggedIn = loggedIn;
        return this;
    }

    /**
     * Stores the session and returns it.
     *
     * @throws WawpMockException 409 when the instance id is taken, 400 when it is malformed
     */
    public MockSession create() {
        return port.seed(token, instanceId, status, loggedIn);
    }
}
