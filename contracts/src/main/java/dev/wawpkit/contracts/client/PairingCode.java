package dev.wawpkit.contracts.client;

/**
 * Holds the answer to {@code /v2/auth/request-code}.
 *
 * @param code the code to enter on the phone, such as {@code ABCD-1234}
 */
public record PairingCode(String code) {}
