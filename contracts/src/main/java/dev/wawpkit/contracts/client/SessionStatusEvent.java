package dev.wawpkit.contracts.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Holds a {@code session.status} webhook event, as Wawp posts it to a session's webhook URLs on
 * every status change: {@code {"id", "timestamp", "session", "metadata", "engine", "event",
 * "payload": {"name", "status"}, "me"}}.
 *
 * @param id        the event's id, such as {@code evt_4f3c2a1b0e9d8c7b}
 * @param timestamp when the status changed, in milliseconds since the epoch
 * @param session   the session's name
 * @param status    the status it moved to, as the API spells it ({@code WORKING}, ...)
 * @param me        the logged-in account while WORKING, else null
 */
public record SessionStatusEvent(String id, long timestamp, String session, String status, Me me) {
    /** The header that carries the hex HMAC-SHA256 of the raw body, when the webhook has a secret. */
    public static final String SIGNATURE_HEADER = "X-Wawp-Signature";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Reads the raw body of a webhook delivery. Unknown fields are ignored.
     *
     * @throws IllegalArgumentException naming what is wrong, when the body is not a
     *                                  {@code session.status} event
     */
    public static SessionStatusEvent parse(byte[] body) {
        JsonNode n;
        try {
            n = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "Expected a JSON session.status event, but the body is not JSON (" + e.getOriginalMessage() + ").");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (n == null || !n.path("event").asText().equals("session.status")) {
            throw new IllegalArgumentException("Expected \"event\": \"session.status\", but got "
                    + (n == null ? "an empty body" : n.path("event").toString()) + ".");
        }
        JsonNode payload = n.path("payload");
        if (!payload.path("status").isTextual() || !n.path("id").isTextual()) {
            throw new IllegalArgumentException("Expected \"id\" and \"payload\": {\"name\", \"status\"} as strings, "
                    + "but the session.status event lacks them: " + n + ".");
        }
        JsonNode me = n.path("me");
        return new SessionStatusEvent(
                n.path("id").asText(),
                n.path("timestamp").asLong(),
                n.path("session").asText(null),
                payload.path("status").asText(),
                me.isObject()
                        ? new Me(me.path("id").asText(null), me.path("pushName").asText(null))
                        : null);
    }

    /**
     * Checks a delivery's {@code X-Wawp-Signature} header against the raw body and the webhook's
     * secret, in constant time. Returns false when the header is missing or does not match.
     */
    public static boolean signatureMatches(byte[] body, String signature, String secret) {
        if (signature == null || secret == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = HexFormat.of().formatHex(mac.doFinal(body)).getBytes(StandardCharsets.US_ASCII);
            return MessageDigest.isEqual(
                    expected, signature.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
