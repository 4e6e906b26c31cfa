package dev.wawpkit.contracts.client;

/** Names where {@link WawpClient} puts {@code access_token} and {@code instance_id}. */
public enum CredentialStyle {
    /**
     * Sends both in the query string, with {@code Content-Type: application/json} and no body,
     * as every official sample does. The default.
     */
    QUERY,
    /**
     * Sends both as a JSON body {@code {"instance_id": ..., "access_token": ...}} on POST
     * endpoints; GET and DELETE endpoints fall back to the query string.
     */
    JSON_BODY,
    /** Sends the token in the {@code access-token} header and {@code instance_id} in the query string. */
    HEADER
}
