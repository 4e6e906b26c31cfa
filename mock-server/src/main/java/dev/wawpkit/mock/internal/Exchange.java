package dev.wawpkit.mock.internal;

import dev.wawpkit.mock.Endpoint;
import java.util.function.UnaryOperator;

/**
 * One API call on its way through the mock: what came (filled by the gate), and what the engine
 * learnt of it (endpoint, credentials, the fault that answered) for the journal.
 */
final class Exchange {
    final String method;
    final String path;
    /** The raw query string, or null. */
    final String query;

    final UnaryOperator<String> header;
    final byte[] body;
    /** The endpoint the path names, or null for an unknown path. */
    final Endpoint endpoint;

    /** The access-token header, read once here (looking a header up by name scans them all), or null. */
    final String headerToken;

    String token;

    String instanceId;
    /** What answered instead of the simulation, as the journal names it, or null. */
    String fault;
    /** The session the call named and reached, whose call log records it; or null. */
    Session session;

    Exchange(String method, String path, String query, UnaryOperator<String> header, byte[] body, Endpoint endpoint) {
        this.method = method;
        this.path = path;
        this.query = query;
        this.header = header;
        this.body = body == null ? new byte[0] : body;
        this.endpoint = endpoint;
        this.headerToken = header.apply("access-token");
    }

    /** Returns the path and raw query, as the request line had them. */
    String url() {
        return query == null ? path : path + "?" + query;
    }
}
