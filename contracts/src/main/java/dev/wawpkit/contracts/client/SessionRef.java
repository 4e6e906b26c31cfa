package dev.wawpkit.contracts.client;

/**
 * Holds the answer to logout and delete: which session, and its status afterwards.
 *
 * @param name       the session's name
 * @param status     {@code SCAN_QR_CODE} after logout, {@code DELETED} after delete
 * @param instanceId the session's 12-character id
 */
public record SessionRef(String name, String status, String instanceId) {}
