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
        JournalEntry entry = journal.add(
                x.token,
                new JournalEntry(
                        journal.nextSequence(),
                        Instant.now(),
                        x.endpoint,
                        x.method,
                        x.endpoint != null ? x.endpoint.path() : x.path,
                        x.query,
                        headers(req),
                        body,
                        cut,
                        status,
                        x.fault,
                        x.token,
                        x.instanceId));
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
        journal.add(
                token,
                new JournalEntry(
                        journal.nextSequence(),
                        Instant.now(),
                        endpoint,
                        method == null ? "" : method,
                        endpoint != null ? endpoint.path() : path,
                        query,
                        headers,
                        null,
                        false,
                        status,
                        MALFORMED,
                        token,
                        null));
    }

    /**
     * Jetty's headers of the request: an immutable copy made per request, so keeping it is safe. The
     * gate is the first filter of the API's context, so the request is always Jetty's own.
     */
    private static HttpFields headers(HttpServletRequest req) {
        return Request.getBaseRequest(req).getHttpFields();
    }
}
