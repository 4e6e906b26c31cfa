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
    /** A control API (the Wawp mock) to inject a fault, set a quota or move a session. */
    CONTROL_API,
    /** Not covered by this version of the suite: the behaviour is listed, no test exists yet. */
    LATER
}
