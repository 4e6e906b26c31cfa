package dev.wawpkit.mock;

import java.net.URI;
import java.util.List;

/**
 * Steers a running Wawp mock: read and seed sessions, move their status, arm faults, set token
 * quotas, and reset.
 *
 * <p>Implemented in-process by {@link WawpMockServer}. Every method is thread-safe. Refusals are
 * {@link WawpMockException}s that say what was expected and how to fix it.
 */
public interface WawpMock {

    /** Returns the base URL of the mocked API, such as {@code http://127.0.0.1:8080}. */
    URI baseUrl();

    /** Lists every session of every token, oldest first. */
    List<MockSession> sessions();

    /** Returns a handle on one session; it is looked up when the handle is used. */
    SessionHandle session(String instanceId);

    /** Starts describing a session to seed; {@link SessionSeed#create()} stores it. */
    SessionSeed seedSession();

    /** Returns the fault controls: arm, list and clear faults. */
    Faults faults();

    /** Returns the token controls: valid tokens and their create quotas. */
    Tokens tokens();

    /** Forgets every session and fault, and restores the configured tokens with full quotas. */
    void reset();
}
