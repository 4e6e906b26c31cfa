package dev.wawpkit.mock.internal;

import dev.wawpkit.mock.Endpoint;
import java.time.Instant;
import java.util.Arrays;
import wiremock.jakarta.servlet.http.HttpServletRequest;
import wiremock.org.eclipse.jetty.http.HttpFields;
import wiremock.org.eclipse.jetty.http.HttpURI;
import wiremock.org.eclipse.jetty.server.Request;

/**
 * Records one answered API call in the journal and, when it named a session, in that session's
 * call log: one raw entry, masked only when read (see {@link JournalEntry}).
 */
final class JournalWriter {
    /** The fault the journal names a request Jetty refused before the mock could read it. */
    static final String MALFORMED = "MALFORMED_HTTP";

    private final Journal journal;

    JournalWriter(Journal journal) {
        this.journal = journal;
    }

    void record(HttpServletRequest req, Exchange x, int status) {
        byte[] body = null;
        boolean cut = false;
        if (x.body.length > 0) {
            body = x.body.length > Journal.MAX_BODY_CHARS ? Arrays.copyOf(x.body, Journal.MAX_BODY_CHARS) : x.body;
            cut = body.length < x.body.length;
        }
        JournalEntry entry = add(
                x.token, x.endpoint, x.method, x.path, x.query, headers(req), body, cut, status, x.fault, x.instanceId);
        if (x.session != null) {
            x.session.record(entry.call(x.session, x.headerToken));
        }
    }

    /**
     * Records a request Jetty refused before it became one (a header block too large, a request line
     * it could not parse): with whatever was read of it, no body, and the fault {@link #MALFORMED}.
     * {@code endpoint} is the one its path names, or null.
     */
    void recordRefused(Request req, Endpoint endpoint, int status) {
        String method = req.getMethod();
        HttpURI uri = req.getHttpURI();
        String path = uri == null || uri.getPath() == null ? "" : uri.getPath();
        String query = uri == null ? null : uri.getQuery();
        HttpFields headers = req.getHttpFields();
        String token = WawpEngine.tokenOf(
                query == null ? path : path + "?" + query, headers == null ? null : headers.get("access-token"));
        add(token, endpoint, method == null ? "" : method, path, query, headers, null, false, status, MALFORMED, null);
    }

    /** Journals one request under its token (a known endpoint under its own path) and returns it as kept. */
    private JournalEntry add(
            String token,
            Endpoint endpoint,
            String method,
            String path,
            String query,
            HttpFields headers,
            byte[] body,
            boolean bodyCut,
            int status,
            String fault,
            String instanceId) {
        return journal.add(
                token,
                new JournalEntry(
                        journal.nextSequence(),
                        Instant.now(),
                        endpoint,
                        method,
                        endpoint != null ? endpoint.path() : path,
                        query,
                        headers,
                        body,
                        bodyCut,
                        status,
                        fault,
                        token,
                        instanceId));
    }

    /**
     * Jetty's headers of the request: an immutable copy made per request, so keeping it is safe. The
     * gate is the first filter of the API's context, so the request is always Jetty's own.
     */
    private static HttpFields headers(HttpServletRequest req) {
        return Request.getBaseRequest(req).getHttpFields();
    }
}
