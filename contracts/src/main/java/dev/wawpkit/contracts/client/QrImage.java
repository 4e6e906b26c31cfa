package dev.wawpkit.contracts.client;

/**
 * Holds the answer to {@code /v2/auth/qr-image}.
 *
 * @param qr the QR code as a {@code data:image/png;base64,...} URL
 */
public record QrImage(String qr) {}
