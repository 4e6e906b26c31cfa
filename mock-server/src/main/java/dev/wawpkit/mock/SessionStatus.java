package dev.wawpkit.mock;

/**
 * Lists the statuses a Wawp session reports, as the API spells them.
 *
 * <p>A deleted session has no status: it answers 404 to every call.
 */
public enum SessionStatus {
    /** Created or stopped; {@code start} boots it. */
    STOPPED,
    /** Booting; moves on by itself after the server's boot delay. */
    STARTING,
    /** Waiting for a phone to scan the QR code (or enter a pairing code). */
    SCAN_QR_CODE,
    /** Logged in and connected. */
    WORKING,
    /** Lost its login, was unlinked, or crashed; recovers by restart, or logout then start. */
    FAILED
}
