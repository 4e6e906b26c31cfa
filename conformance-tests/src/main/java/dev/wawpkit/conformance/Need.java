package dev.wawpkit.conformance;

/**
 * Names what a behaviour needs from the target before its test can run.
 *
 * <p>The suite skips a behaviour whose need the target cannot meet, with the reason, instead of
 * failing it.
 */
public enum Need {
    /** Nothing: any target can show it, without spending quota. */
    NOTHING,
    /** A session of the suite's own, fresh and STOPPED: on live this spends quota (opt-in). */
    NEW_SESSION,
    /** Any session of the token: on live the one named by {@code WAWP_INSTANCE_ID}, else a new one. */
    A_SESSION,
    /**
     * A session the run created itself, because the test stops, restarts, logs out or deletes it: on live
     * only with creates allowed, and never the session {@code WAWP_INSTANCE_ID} names or any other that the
     * run did not create. {@link Conformance} refuses such a call on any other session.
     */
    OWN_SESSION,
    /**
     * A logged-in (WORKING) session: seeded where there is a control API, else the one {@code WAWP_INSTANCE_ID}
     * names (the test is skipped when that one is not WORKING); a new one would need a phone to scan its QR code.
     */
    WORKING_SESSION,
    /** A control API (the Wawp mock) to inject a fault, set a quota or move a session. */
    CONTROL_API,
    /** Not covered by this version of the suite: the behaviour is listed, no test exists yet. */
    LATER
}
