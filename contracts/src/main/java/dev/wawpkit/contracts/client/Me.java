package dev.wawpkit.contracts.client;

/**
 * Holds the WhatsApp account a session is logged in as.
 *
 * @param id       the account's chat id, such as {@code 201012345678@c.us}
 * @param pushName the account's display name
 */
public record Me(String id, String pushName) {}
