package dev.wawpkit.mock.internal;

import dev.wawpkit.mock.Fault;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One answer of the mock, before it becomes a WireMock response definition.
 *
 * @param status      HTTP status (0 when a socket fault answers)
 * @param contentType full Content-Type header value, or null
 * @param body        body bytes
 * @param headers     extra headers, such as {@code Allow}
 * @param socketFault a connection reset or empty response instead of any answer, or null
 * @param delayMillis how long to wait before answering
 */
record Reply(
        int status, String contentType, byte[] body, Map<String, String> headers, Fault socketFault, long delayMillis) {

    static Reply of(int status, String contentType, byte[] body) {
        return new Reply(status, contentType, body, Map.of(), null, 0);
    }

    /** An answer exactly as given: status, headers (Content-Type among them, if any) and body. */
    static Reply raw(int status, Map<String, String> headers, byte[] body) {
        String type = null;
        Map<String, String> rest = new LinkedHashMap<>();
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if (h.getKey().equalsIgnoreCase("Content-Type")) {
                type = h.getValue();
            } else {
                rest.put(h.getKey(), h.getValue());
            }
        }
        return new Reply(status, type, body, Map.copyOf(rest), null, 0);
    }

    static Reply socket(Fault fault, long delayMillis) {
        return new Reply(0, null, new byte[0], Map.of(), fault, delayMillis);
    }

    Reply withHeader(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return new Reply(status, contentType, body, Map.copyOf(all), socketFault, delayMillis);
    }

    Reply delayed(long millis) {
        return new Reply(status, contentType, body, headers, socketFault, delayMillis + millis);
    }
}
