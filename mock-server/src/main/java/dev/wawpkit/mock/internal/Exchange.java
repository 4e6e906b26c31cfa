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

    String token;
    String instanceId;
    /** What answered instead of the simulation, as the journal names it, or null. */
    String fault;

    Exchange(String method, String path, String query, UnaryOperator<String> header, byte[] body, Endpoint endpoint) {
        this.method = method;
        this.path = path;
        this.query = query;
        this.header = header;
        this.body = body == null ? new byte[0] : body;
        this.endpoint = endpoint;
    }

    private Secrets.Known secrets;
    private String maskedQuery;
    private boolean queryMasked;

    /** The secret values this call carried (its token, an access-token header), worked out once. */
    Secrets.Known secrets() {
        if (secrets == null) {
            String header = this.header.apply("access-token");
            secrets = token == null && header == null ? Secrets.Known.NONE
                    : Secrets.Known.of(header == null || header.equals(token) ? java.util.List.of(token)
                    : token == null ? java.util.List.of(header) : java.util.List.of(token, header));
        }
        return secrets;
    }

    /** The query with every credential masked, worked out once for the call log and the journal. */
    String maskedQuery() {
        if (!queryMasked) {
            maskedQuery = Secrets.maskQuery(query, secrets());
            queryMasked = true;
        }
        return maskedQuery;
    }

    /** The path and masked query, as the call logs show them. */
    String maskedUrl() {
        String q = maskedQuery();
        return q == null ? path : path + "?" + q;
    }

    /** Returns the path and raw query, as the request line had them. */
    String url() {
        return query == null ? path : path + "?" + query;
    }
}
