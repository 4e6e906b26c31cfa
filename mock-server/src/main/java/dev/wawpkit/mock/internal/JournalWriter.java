package dev.wawpkit.mock.internal;

import java.time.Instant;
import java.util.Arrays;
import wiremock.jakarta.servlet.http.HttpServletRequest;
import wiremock.org.eclipse.jetty.http.HttpFields;
import wiremock.org.eclipse.jetty.server.Request;

/**
 * Records one answered API call in the journal and, when it named a session, in that session's
 * call log: one raw entry, masked only when read (see {@link JournalEntry}).
 */
final class JournalWriter {
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
            if (!journal.reserveBody(body.length)) {
                body = null;
                cut = true;
            }
        }
        JournalEntry entry = new JournalEntry(
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
                x.instanceId);
        journal.add(x.token, entry);
        if (x.session != null) {
            x.session.record(entry.call(x.session, x.headerToken));
        }
    }

    /**
     * Jetty's headers of the request: an immutable copy made per request, so keeping it is safe. The
     * gate is the first filter of the API's context, so the request is always Jetty's own.
     */
    private static HttpFields headers(HttpServletRequest req) {
        return Request.getBaseRequest(req).getHttpFields();
    }
}
