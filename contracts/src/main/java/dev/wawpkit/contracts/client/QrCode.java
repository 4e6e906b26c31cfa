package dev.wawpkit.contracts.client;

/**
 * Holds the answer to {@code /v2/auth/qr}.
 *
 * @param mimetype the media type of the decoded data, {@code application/json}
 * @param data     the base64 of a JSON object {@code {value, expiry}}
 */
public record QrCode(String mimetype, String data) {}
