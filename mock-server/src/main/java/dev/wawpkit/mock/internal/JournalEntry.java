package dev.wawpkit.mock.internal;

import dev.wawpkit.mock.Endpoint;
import dev.wawpkit.mock.RecordedCall;
import dev.wawpkit.mock.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import wiremock.org.eclipse.jetty.http.HttpField;
import wiremock.org.eclipse.jetty.http.HttpFields;

/**
 * One API request as it came, kept for the journal and its session's call log.
 *
 * <p>The request path only stores references (Jetty's headers are an immutable copy per request,
 * the body array is the request's own); every credential is masked when an entry is first read
 * ({@link #recorded()}), never on the way in. Raw values never leave this class.
 */
final class JournalEntry {
    /** The longest value a cut entry keeps. */
    static final int CUT_CHARS = 256;
    /** How many header fields a cut entry keeps. */
    static final int CUT_FIELDS = 64;
    /** What ends a value cut to fit. */
    static final String CUT_MARK = "...[cut]";
    /** The field a cut entry counts the header fields it did not keep in. */
    static final String CUT_HEADER = "X-Wawp-Journal-Cut";

    final long sequence;
    final Instant at;
    final Endpoint endpoint;
    final String method;
    final String path;
    /** The raw query string, or null. */
    private final String query;

    private final HttpFields headers;
    /** The raw body as kept: at most {@link Journal#MAX_BODY_CHARS} bytes, or null when there was none. */
    private final byte[] body;

    private final boolean bodyCut;
    final int status;
    final String fault;
    /** The raw access token, or null. */
    final String token;

    final String instanceId;
    /** The request text this entry holds, for the journal's budget; 0 for a cut entry. */
    private final long keptBytes;

    private volatile RecordedRequest recorded;

    JournalEntry(
            long sequence,
            Instant at,
            Endpoint endpoint,
            String method,
            String path,
            String query,
            HttpFields headers,
            byte[] body,
            boolean bodyCut,
            int status,
            String fault,
            String token,
            String instanceId) {
        this.sequence = sequence;
        this.at = at;
        this.endpoint = endpoint;
        this.method = method;
        this.path = path;
        this.query = query;
        this.headers = headers == null ? HttpFields.EMPTY : headers;
        this.body = body;
        this.bodyCut = bodyCut;
        this.status = status;
        this.fault = fault;
        this.token = token;
        this.instanceId = instanceId;
        long kept = length(method) + length(path) + length(query) + length(token) + length(instanceId);
        for (int i = 0; i < this.headers.size(); i++) {
            HttpField field = this.headers.getField(i);
            kept += length(field.getName()) + length(field.getValue());
        }
        this.keptBytes = kept + (body == null ? 0 : body.length);
    }

    /** A cut entry: only its masked, cut form. */
    private JournalEntry(JournalEntry whole, RecordedRequest cut, String query, String token) {
        this.sequence = whole.sequence;
        this.at = whole.at;
        this.endpoint = whole.endpoint;
        this.method = cut.method();
        this.path = cut.path();
        this.query = query;
        this.headers = HttpFields.EMPTY;
        this.body = null;
        this.bodyCut = true;
        this.status = whole.status;
        this.fault = whole.fault;
        this.token = token;
        this.instanceId = cut.instanceId();
        this.keptBytes = 0;
        this.recorded = cut;
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    /** The request text this entry holds (headers, path, query, body), for the journal's budget. */
    long keptBytes() {
        return keptBytes;
    }

    /** This entry without its body (marked cut); itself when it has none. */
    JournalEntry withoutBody() {
        if (body == null) {
            return this;
        }
        return new JournalEntry(
                sequence, at, endpoint, method, path, query, headers, null, true, status, fault, token, instanceId);
    }

    /**
     * This entry masked now, and cut to a size that does not depend on the request: no body, each
     * header value, the method, path, query and instance id at most {@link #CUT_CHARS} characters
     * (marked {@link #CUT_MARK}), and at most {@link #CUT_FIELDS} header fields, the rest counted
     * in a {@link #CUT_HEADER} field. Masking comes first, so a cut never halves a token.
     */
    JournalEntry cut() {
        RecordedRequest whole = withoutBody().recorded();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        int fields = 0;
        int left = 0;
        for (Map.Entry<String, List<String>> e : whole.headers().entrySet()) {
            for (String value : e.getValue()) {
                if (fields == CUT_FIELDS) {
                    left++;
                    continue;
                }
                headers.computeIfAbsent(cut(e.getKey()), k -> new ArrayList<>(1))
                        .add(cut(value));
                fields++;
            }
        }
        if (left > 0) {
            headers.put(CUT_HEADER, List.of(left + " more header fields not kept"));
        }
        String query = cut(whole.query());
        RecordedRequest small = new RecordedRequest(
                whole.sequence(),
                whole.at(),
                whole.endpoint(),
                cut(whole.method()),
                cut(whole.path()),
                query,
                headers,
                null,
                true,
                whole.status(),
                whole.fault(),
                whole.tokenHint(),
                cut(whole.instanceId()));
        return new JournalEntry(this, small, query, token != null && token.length() <= CUT_CHARS ? token : null);
    }

    private static String cut(String s) {
        return s == null || s.length() <= CUT_CHARS ? s : s.substring(0, CUT_CHARS) + CUT_MARK;
    }

    /** Returns the entry with every credential masked; worked out once, on first read. */
    RecordedRequest recorded() {
        RecordedRequest r = recorded;
        if (r == null) {
            r = mask();
            recorded = r;
        }
        return r;
    }

    /**
     * Returns the small raw form a session's call log keeps of this request. A token equal to the
     * session's is kept as the session's own string: sessions are many, their calls more. {@code
     * headerToken} is the access-token header as the engine read it.
     */
    Call call(Session session, String headerToken) {
        String kept = Call.compact(query, session);
        if (kept != null && kept.length() > CUT_CHARS) { // a session keeps 256 calls: none may be large
            kept = cut(Secrets.maskQuery(kept, Secrets.Known.of(token, headerToken)));
        }
        return new Call(
                at.getEpochSecond() * 1_000_000_000L + at.getNano(),
                endpoint,
                method,
                kept,
                session.token.equals(token) ? session.token : token,
                headerToken,
                status,
                fault);
    }

    /**
     * One call as a session's call log keeps it: raw, a few fields (sessions are many), masked when
     * read.
     */
    record Call(
            long atEpochNanos,
            Endpoint endpoint,
            String method,
            String query,
            String token,
            String headerToken,
            int status,
            String fault) {
        /**
         * Stand-ins, told apart by identity, for the query strings that name only the session and
         * its token, as nearly every call's does: a session keeps none of its own for them. A third of
         * the heap at the session cap was these strings, each a copy of the session's id and token.
         */
        static final String SESSION_QUERY = new String("instance_id={id}&access_token={token}");

        static final String SESSION_QUERY_TOKEN_FIRST = new String("access_token={token}&instance_id={id}");
        static final String TOKEN_QUERY = new String("access_token={token}");

        /** Answers the stand-in for a query of one of the usual forms for this session, else the query. */
        static String compact(String query, Session s) {
            if (query == null) {
                return null;
            }
            if (is(query, "instance_id=", s.instanceId, "&access_token=", s.token)) {
                return SESSION_QUERY;
            }
            if (is(query, "access_token=", s.token, "&instance_id=", s.instanceId)) {
                return SESSION_QUERY_TOKEN_FIRST;
            }
            return is(query, "access_token=", s.token, "", "") ? TOKEN_QUERY : query;
        }

        /** The query as it came, the stand-ins spelled out again. */
        String query(Session s) {
            if (query == SESSION_QUERY) {
                return "instance_id=" + s.instanceId + "&access_token=" + s.token;
            }
            if (query == SESSION_QUERY_TOKEN_FIRST) {
                return "access_token=" + s.token + "&instance_id=" + s.instanceId;
            }
            return query == TOKEN_QUERY ? "access_token=" + s.token : query;
        }

        /** Whether {@code query} is the four parts joined, without joining them. */
        private static boolean is(String query, String a, String b, String c, String d) {
            if (query.length() != a.length() + b.length() + c.length() + d.length()) {
                return false;
            }
            int at = 0;
            for (String part : new String[] {a, b, c, d}) {
                if (!query.startsWith(part, at)) {
                    return false;
                }
                at += part.length();
            }
            return true;
        }

        RecordedCall recorded(Session s) {
            String query = query(s);
            String masked = Secrets.maskQuery(query, Secrets.Known.of(token, headerToken));
            return new RecordedCall(
                    Instant.ofEpochSecond(0, atEpochNanos),
                    endpoint,
                    method,
                    masked == null ? endpoint.path() : endpoint.path() + "?" + masked,
                    status,
                    fault);
        }
    }

    private RecordedRequest mask() {
        Secrets.Known secrets = Secrets.Known.of(token, headers.get("access-token"));
        Map<String, List<String>> shown = new LinkedHashMap<>();
        Map<String, String> spelling = new LinkedHashMap<>();
        for (HttpField field : headers) {
            String name = spelling.computeIfAbsent(field.getName().toLowerCase(Locale.ROOT), k -> field.getName());
            shown.computeIfAbsent(name, k -> new ArrayList<>(1))
                    .add(Secrets.maskHeader(name, field.getValue(), secrets));
        }
        shown.replaceAll((k, v) -> List.copyOf(v));
        String maskedBody = null;
        boolean truncated = bodyCut;
        if (body != null && (body.length > 0 || bodyCut)) {
            String masked =
                    Secrets.maskBody(new String(body, StandardCharsets.UTF_8), headers.get("Content-Type"), secrets);
            maskedBody =
                    masked.length() > Journal.MAX_BODY_CHARS ? masked.substring(0, Journal.MAX_BODY_CHARS) : masked;
            truncated |= maskedBody.length() < masked.length();
        }
        return new RecordedRequest(
                sequence,
                at,
                endpoint,
                method,
                secrets.maskIn(path),
                Secrets.maskQuery(query, secrets),
                shown,
                maskedBody,
                truncated,
                status,
                fault,
                Secrets.mask(token),
                instanceId);
    }
}
