package dev.wawpkit.conformance;

/** Names what a behaviour needs from the target; the suite skips a row whose need the target cannot meet, with the reason. */
public enum Need {
    /** Nothing: any target can show it, without spending quota. */
    NOTHING,
    /** A session of the suite's own, fresh and STOPPED: on live this spends quota (opt-in). */
    NEW_SESSION,
    /** Any session of the token: on live the one named by {@code WAWP_INSTANCE_ID}, else a new one. */
    A_SESSION,
    /** A session the run created itself, because the row stops, restarts, logs out or deletes it (on live: opt-in). */
    OWN_SESSION,
    /** A logged-in (WORKING) session: seeded where there is a control API, else the one {@code WAWP_INSTANCE_ID} names. */
    WORKING_SESSION,
    /** A control API (the Wawp mock) to inject a fault, set a quota or move a session. */
    CONTROL_API
}
