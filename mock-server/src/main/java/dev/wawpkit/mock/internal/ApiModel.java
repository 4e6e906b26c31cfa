package dev.wawpkit.mock.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The API's bodies as the documentation shows them (spec section 2), as records: one place says
 * each field's name and order. {@code null} fields are left out, except {@code config.proxy}, which
 * Wawp sends as {@code null}.
 */
final class ApiModel {
    private ApiModel() {}

    /** {@code POST /v2/session/create}: the two documented fields, then the mock's own two. */
    record Created(
            @JsonProperty("instance_id") String instanceId,
            @JsonProperty("session_name") String sessionName,
            @JsonProperty("server_name") String serverName,
            String status) {}

    /** {@code "config": {"webhooks": {}, "proxy": null}}. */
    record Config(
            Map<String, Object> webhooks,
            @JsonInclude(JsonInclude.Include.ALWAYS) Object proxy) {
        static final Config DEFAULT = new Config(Map.of(), null);
    }

    /** The logged-in account: {@code {"id": "...@c.us", "pushName": "..."}}. */
    record Me(String id, String pushName) {}

    /** start, stop, restart, info, status: name, status, config; info and status add qr and me. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SessionBody(String name, String status, Config config, String qr, Me me) {}

    /** logout and delete: name, status, instance_id. */
    record Changed(
            String name,
            String status,
            @JsonProperty("instance_id") String instanceId) {}

    /** {@code /v2/auth/qr}: the value and expiry, base64-encoded JSON in {@code data}. */
    record QrData(String mimetype, String data) {}

    /** What {@link QrData#data()} encodes. */
    record QrValue(String value, long expiry) {}

    /** {@code /v2/auth/qr-image}. */
    record QrImage(String qr) {}

    /** {@code /v2/auth/request-code}. */
    record PairingCode(String code) {}

    /** The decided JSON error: {@code {"error", "message", "status"}}. */
    record Error(String error, String message, int status) {}

    /** The {@code session.status} webhook event (spec section 6). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record StatusEvent(
            String id,
            long timestamp,
            String session,
            Map<String, Object> metadata,
            String engine,
            String event,
            Payload payload,
            Me me) {}

    /** The event's payload: the session's name and new status. */
    record Payload(String name, String status) {}
}
