package dev.wawpkit.mock.internal;

import dev.wawpkit.mock.RecordedRequest;

/**
 * Says which journal entries to list: every field is optional (null: any).
 *
 * @param token       the raw access token whose ring to read, or null for all
 * @param endpointKey an endpoint's short name, or {@code unknown} for unknown paths
 * @param instanceId  the instance id the request named
 * @param status      the status answered
 * @param limit       at most this many, the newest (0: all)
 */
public record RequestQuery(String token, String endpointKey, String instanceId, Integer status, int limit) {
    /** Lists everything of one token (all, when null). */
    public static RequestQuery of(String token) {
        return new RequestQuery(token, null, null, null, 0);
    }

    boolean matches(RecordedRequest r) {
        return (endpointKey == null || endpointKey.equals(r.endpointKey()))
                && (instanceId == null || instanceId.equals(r.instanceId()))
                && (status == null || status == r.status());
    }
}
