package dev.wawpkit.mock.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.wawpkit.mock.Endpoint;
import dev.wawpkit.mock.RecordedRequest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The control API's bodies as records, read and written by one configured mapper: snake_case
 * names, unknown fields refused.
 */
final class ControlModel {
    /** The one mapper of the control API's records. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private ControlModel() {
    }

    /** One journal entry; {@code access_token} is the masked hint. */
    record RequestJson(long sequence, String at, String endpoint, String method, String path, String query,
                       Map<String, List<String>> headers, String body, boolean bodyTruncated, int status, String fault,
                       String accessToken, String instanceId) {
        static RequestJson of(RecordedRequest r) {
            return new RequestJson(r.sequence(), r.at().toString(), r.endpointKey(), r.method(), r.path(), r.query(),
                    r.headers(), r.body(), r.bodyTruncated(), r.status(), r.fault(), r.tokenHint(), r.instanceId());
        }

        RecordedRequest toRecord() {
            return new RecordedRequest(sequence, Instant.parse(at), "unknown".equals(endpoint) ? null
                    : Endpoint.ofKey(endpoint), method, path, query, headers, body, bodyTruncated, status, fault,
                    accessToken, instanceId);
        }
    }

    /** The journal, filtered, with the count of requests it dropped to stay within bounds. */
    record RequestsJson(List<RequestJson> requests, long dropped) {
    }

    /** The next request not taken yet, or null. */
    record TakenJson(RequestJson request) {
    }
}
