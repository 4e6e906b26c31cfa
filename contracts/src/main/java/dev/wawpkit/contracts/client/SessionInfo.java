package dev.wawpkit.contracts.client;

/**
 * Holds a session as start, stop, restart and info describe it.
 *
 * @param name   the session's name, such as {@code wawp-84729105}
 * @param status the status as the API spells it: {@code STOPPED}, {@code STARTING},
 *               {@code SCAN_QR_CODE}, {@code WORKING} or {@code FAILED}
 * @param config the session's configuration; null when the answer carried none
 * @param me     the logged-in account; null unless the answer carried one (info while WORKING)
 * @param qr     the QR code as a {@code data:image/png;base64,...} URL; null unless the answer
 *               carried one (info while SCAN_QR_CODE)
 */
public record SessionInfo(String name, String status, SessionConfig config, Me me, String qr) {}
