package dev.wawpkit.mock;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shows one request the mock's API received, as its request journal keeps it. Every credential
 * (access token, admin token, {@code Authorization}) is masked to its first 4 characters and
 * {@code ...}, in the query, the headers and the body, however its name or value was encoded.
 *
 * @param sequence      the journal's running number of the request (gaps mean dropped requests)
 * @param at            when the mock received it
 * @param endpoint      the endpoint called, or {@code null} for a path the API does not serve
 * @param method        the HTTP method, upper case
 * @param path          the request path, such as {@code /v2/session/start}
 * @param query         the query string, masked, or {@code null} when there was none
 * @param headers       the request headers, masked, in arrival order (names as sent)
 * @param body          the body as UTF-8 text, masked; at most 64 KiB, see {@code bodyTruncated}
 * @param bodyTruncated whether the body was cut to fit the journal
 * @param status        the HTTP status answered, or 0 when a socket fault answered nothing
 * @param fault         what answered instead of the simulation ({@code HTTP_502_XML},
 *                      {@code CONNECTION_RESET}, {@code RAW_429}, {@code USER_STUB}, {@code MALFORMED_HTTP}, ...), or {@code null}
 * @param tokenHint     the masked access token the request carried, or {@code null}
 * @param instanceId    the {@code instance_id} it named, or {@code null}
 */
public record RecordedRequest(
        long sequence,
        Instant at,
        Endpoint endpoint,
        String method,
        String path,
        String query,
        Map<String, List<String>> headers,
        String body,
        boolean bodyTruncated,
        int status,
        String fault,
        String tokenHint,
        String instanceId) {

    /** Copies the header map so the record stays immutable. */
    public RecordedRequest {
        headers = headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** Returns the first value of a header, matched case-insensitively, or {@code null}. */
    public String header(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    /** Returns the endpoint's short name, such as {@code "start"}, or {@code "unknown"}. */
    public String endpointKey() {
        return endpoint == null ? "unknown" : endpoint.key();
    }

    /** Returns the path with the masked query, as a log line would show it. */
    public String url() {
        return query == null ? path : path + "?" + query;
    }

    /** Shows the request on one line: {@code #12 POST /v2/session/start?... -> 404 (HTTP_502_XML)}. */
    @Override
    public String toString() {
        return "#" + sequence + " " + method + " " + url() + " -> " + status
                + (fault == null ? "" : " (" + fault + ")");
    }
}
