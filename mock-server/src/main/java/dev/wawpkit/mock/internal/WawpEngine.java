package dev.wawpkit.mock.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.wawpkit.mock.Endpoint;
import dev.wawpkit.mock.Fault;
import dev.wawpkit.mock.FaultRule;
import dev.wawpkit.mock.Format;
import dev.wawpkit.mock.SessionStatus;
import dev.wawpkit.mock.UnexpectedCall;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Answers Wawp API calls: parses credentials, fires armed faults, runs the session state machine,
 * and records each call on its session.
 *
 * <p>The request path touches only in-memory state: a concurrent map lookup, the session's own
 * monitor, and lock-free token and fault counters. It never throws at the caller; bad input gets a
 * documented 4xx in the format the request asked for.
 */
public final class WawpEngine {
    static final String SERVER_NAME = "wawp-mock";
    /** The logged-in account every WORKING session shows, as in the documentation's example. */
    static final String ME_ID = "201012345678@c.us";

    static final String ME_NAME = "John Doe";
    /** The logged-in account every WORKING session shows, as in the documentation's example. */
    static final ApiModel.Me ME = new ApiModel.Me(ME_ID, ME_NAME);

    private static final Pattern PHONE = Pattern.compile("\\d{8,15}");

    final SessionStore sessions;
    final TokenRegistry tokens;
    final FaultBoard faults = new FaultBoard();
    final UnexpectedCalls unexpected = new UnexpectedCalls();
    private final ObservedShapes observed;

    WawpEngine(SessionStore sessions, TokenRegistry tokens, ObservedShapes observed) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.observed = observed;
    }

    /**
     * Answers one call: parses its credentials, fires an armed fault, or runs the state machine.
     * Fills in what it learnt of the call (token, instance id, fault) for the journal.
     */
    Reply handle(Exchange x) {
        List<Format> wanted = Renderer.wanted(x.header.apply("Accept"));
        Endpoint endpoint = x.endpoint;
        if (endpoint == null) {
            Endpoint nearest = nearest(x.path);
            x.token = tokenOf(x);
            recordUnexpected(x, 404, nearest);
            return Renderer.error(
                    new ApiError(
                            404,
                            "unknown_endpoint",
                            "Expected a Wawp API path, but got " + x.method + " " + shorten(x.path) + ". Did you mean "
                                    + describe(nearest) + "?"),
                    wanted,
                    endpoint);
        }
        if (!endpoint.methods().contains(x.method)) {
            String allow = String.join(", ", endpoint.methods());
            x.token = tokenOf(x);
            recordUnexpected(x, 405, endpoint);
            return Renderer.error(
                            new ApiError(
                                    405,
                                    "method_not_allowed",
                                    "Expected " + allow + " for " + endpoint.path() + ", but got " + x.method + "."),
                            wanted,
                            endpoint)
                    .withHeader("Allow", allow);
        }
        Map<String, String> params;
        try {
            params = CallParser.parse(x.query, x.header.apply("Content-Type"), x.headerToken, x.body);
        } catch (ApiError.Rejected r) {
            x.token = tokenOf(x);
            return Renderer.error(r.error, wanted, endpoint);
        }
        String token = params.get("access_token");
        String instanceId = params.get("instance_id");
        x.token = token;
        x.instanceId = instanceId;

        Session session = endpoint.needsInstance() && token != null && instanceId != null
                ? sessions.find(instanceId, token)
                : null;
        FaultRule fault = faults.claim(endpoint, instanceId, token);
        Reply reply;
        if (fault == null || fault.fault() instanceof Fault.Delay) {
            Outcome outcome = serve(endpoint, params, token, instanceId, session, wanted);
            session = outcome.session;
            if (x.instanceId == null && session != null) {
                x.instanceId = session.instanceId; // a create is journaled under the session it made
            }
            reply = fault == null
                    ? outcome.reply
                    : outcome.reply.delayed(
                            ((Fault.Delay) fault.fault()).duration().toMillis());
        } else {
            reply = injected(fault, wanted);
        }
        reply = observed.apply(endpoint, wanted, reply); // the one place an answer takes an observed shape
        if (fault != null) {
            x.fault = faultName(fault.fault());
        }
        x.session = session; // the gate records the call in the journal and on the session
        return reply;
    }

    /** Answers a call the gate refused before the engine saw it (a body too large, too slow, broken). */
    Reply refuse(Exchange x, ApiError error) {
        x.token = tokenOf(x);
        return Renderer.error(error, Renderer.wanted(x.header.apply("Accept")), x.endpoint);
    }

    /** Finds the access token of a call the engine did not parse fully, for attribution; or null. */
    private static String tokenOf(Exchange x) {
        return tokenOf(x.url(), x.headerToken);
    }

    /**
     * Finds the access token of a request from its URL's query, else its access-token header; null
     * when neither holds one. For attribution only: a query that does not decode counts as none.
     */
    static String tokenOf(String url, String header) {
        String fallback = header == null || header.isEmpty() ? null : header;
        try {
            String query = CallParser.queryParam(url, "access_token");
            return query != null && !query.isEmpty() ? query : fallback;
        } catch (ApiError.Rejected e) {
            return fallback;
        }
    }

    private record Outcome(Reply reply, Session session) {}

    private Outcome serve(
            Endpoint endpoint,
            Map<String, String> params,
            String token,
            String instanceId,
            Session session,
            List<Format> wanted) {
        if (endpoint == Endpoint.CREATE) {
            return create(token, wanted);
        }
        ApiError refusal = checkAccess(endpoint, token, instanceId, session, () -> params.get("phone_number"));
        if (refusal != null) {
            return new Outcome(Renderer.error(refusal, wanted, endpoint), null);
        }
        Route route = ROUTES.get(endpoint);
        Session.Snapshot s = route.action().apply(session);
        if (s.deleted() && endpoint != Endpoint.DELETE) {
            return new Outcome(Renderer.error(notFound(instanceId), wanted, endpoint), null);
        }
        if (route.accepts() != null && !route.accepts().contains(s.status())) {
            return new Outcome(Renderer.error(wrongStatus(endpoint, session, s.status()), wanted, endpoint), session);
        }
        return new Outcome(Renderer.json(200, route.body().apply(this, s)), session);
    }

    /**
     * What an endpoint does to its session: the event it applies, the statuses it answers in
     * (null: any; otherwise a 400 naming the status), and its success body.
     */
    private record Route(
            Function<Session, Session.Snapshot> action,
            Set<SessionStatus> accepts,
            BiFunction<WawpEngine, Session.Snapshot, Object> body) {}

    /** Every endpoint but create (which has no session yet), one entry each. */
    private static final Map<Endpoint, Route> ROUTES = new EnumMap<>(Endpoint.class);

    static {
        ROUTES.put(Endpoint.START, new Route(Session::start, null, (e, s) -> sessionBody(s, false)));
        ROUTES.put(Endpoint.INFO, new Route(Session::readWithQr, null, (e, s) -> sessionBody(s, true)));
        ROUTES.put(Endpoint.STATUS, new Route(Session::readWithQr, null, (e, s) -> sessionBody(s, true)));
        ROUTES.put(Endpoint.STOP, new Route(Session::stop, null, (e, s) -> sessionBody(s, false)));
        ROUTES.put(Endpoint.RESTART, new Route(Session::restart, null, (e, s) -> sessionBody(s, false)));
        ROUTES.put(
                Endpoint.LOGOUT,
                new Route(
                        Session::logout,
                        null,
                        (e, s) -> new ApiModel.Changed(
                                s.session().name, s.status().name(), s.session().instanceId)));
        ROUTES.put(Endpoint.DELETE, new Route(Session::delete, null, (e, s) -> {
            e.sessions.remove(s.session());
            return new ApiModel.Changed(s.session().name, "DELETED", s.session().instanceId);
        }));
        ROUTES.put(Endpoint.ME, new Route(Session::read, EnumSet.of(SessionStatus.WORKING), (e, s) -> ME));
        ROUTES.put(
                Endpoint.QR,
                new Route(Session::readWithQr, EnumSet.of(SessionStatus.SCAN_QR_CODE), (e, s) -> qrData(s.qr())));
        ROUTES.put(
                Endpoint.QR_IMAGE,
                new Route(
                        Session::readWithQr,
                        EnumSet.of(SessionStatus.SCAN_QR_CODE),
                        (e, s) -> new ApiModel.QrImage(s.qr().png())));
        ROUTES.put(
                Endpoint.REQUEST_CODE,
                new Route(
                        Session::readWithQr,
                        EnumSet.of(SessionStatus.SCAN_QR_CODE),
                        (e, s) -> new ApiModel.PairingCode(pairingCode())));
        for (Endpoint endpoint : Endpoint.values()) {
            if (endpoint != Endpoint.CREATE && !ROUTES.containsKey(endpoint)) {
                throw new ExceptionInInitializerError("no route for " + endpoint);
            }
        }
    }

    private static ApiError wrongStatus(Endpoint endpoint, Session session, SessionStatus status) {
        if (endpoint == Endpoint.ME) {
            return new ApiError(
                    400,
                    "not_logged_in",
                    "Expected session " + session.instanceId
                            + " to be WORKING (logged in) to show its account, but it is " + status
                            + ". Start it and scan the QR code first.");
        }
        return new ApiError(
                400,
                "not_scanning",
                "Expected session " + session.instanceId + " to be SCAN_QR_CODE to "
                        + (endpoint == Endpoint.REQUEST_CODE ? "give a pairing code" : "show a QR code")
                        + ", but it is "
                        + status + ". "
                        + (status == SessionStatus.WORKING
                                ? "It is logged in already; log out to link again."
                                : "Start it and wait for SCAN_QR_CODE."));
    }

    private static ApiModel.QrData qrData(Session.Qr qr) {
        try {
            return new ApiModel.QrData(
                    "application/json",
                    Base64.getEncoder()
                            .encodeToString(Renderer.JSON.writeValueAsBytes(
                                    new ApiModel.QrValue(qr.value(), qr.expiresAtMillis()))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pairingCode() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        StringBuilder sb = new StringBuilder(9);
        for (int i = 0; i < 4; i++) {
            sb.append((char) ('A' + r.nextInt(26)));
        }
        sb.append('-');
        for (int i = 0; i < 4; i++) {
            sb.append((char) ('0' + r.nextInt(10)));
        }
        return sb.toString();
    }

    private static ApiError notFound(String instanceId) {
        boolean wellFormed = SessionStore.INSTANCE_ID.matcher(instanceId).matches();
        return new ApiError(
                404,
                "session_not_found",
                "Expected an existing session, but instance "
                        + shorten(instanceId) + " does not exist for this access token (wrong or deleted instance_id"
                        + (wellFormed ? "" : "; an instance_id is 12 letters or digits, like 3EB0BCB2E3D4") + "). "
                        + "Create one with POST /v2/session/create.");
    }

    private Outcome create(String token, List<Format> wanted) {
        if (token == null) {
            return new Outcome(
                    Renderer.error(
                            new ApiError(
                                    400,
                                    "missing_token",
                                    "Expected an access_token (query string, JSON body, form body or access-token header), "
                                            + "but none came. Send POST /v2/session/create?access_token=YOUR_TOKEN."),
                            wanted,
                            Endpoint.CREATE),
                    null);
        }
        if (!tokens.isValid(token)) {
            return new Outcome(Renderer.error(invalidToken(token), wanted, Endpoint.CREATE), null);
        }
        String owner = tokens.tryClaimCreate(token);
        if (owner == null) {
            return new Outcome(
                    Renderer.error(
                            new ApiError(
                                    403,
                                    "quota_exceeded",
                                    "Expected a create quota left for access token " + Secrets.mask(token)
                                            + ", but it is used up. Raise the quota with "
                                            + "PUT /__admin/wawp/tokens/{token} {\"quota\": N}."),
                            wanted,
                            Endpoint.CREATE),
                    null);
        }
        Session s = sessions.create(owner);
        return new Outcome(
                Renderer.json(
                        200, new ApiModel.Created(s.instanceId, s.name, SERVER_NAME, SessionStatus.STOPPED.name())),
                s);
    }

    private ApiError checkAccess(
            Endpoint endpoint, String token, String instanceId, Session session, Supplier<String> phoneNumber) {
        if (token == null || instanceId == null) {
            String missing = token == null && instanceId == null
                    ? "instance_id and access_token"
                    : token == null ? "access_token" : "instance_id";
            return new ApiError(
                    400,
                    "missing_parameter",
                    "Expected parameters instance_id and access_token, but "
                            + missing + (missing.contains(" and ") ? " are" : " is") + " missing or empty. Send "
                            + endpoint.path() + "?instance_id=YOUR_INSTANCE&access_token=YOUR_TOKEN.");
        }
        if (!tokens.isValid(token)) {
            return invalidToken(token);
        }
        if (session == null) {
            // a malformed id names no session either: 404, as the documentation says of a wrong id
            return notFound(instanceId);
        }
        if (endpoint == Endpoint.REQUEST_CODE) {
            String phone = phoneNumber.get();
            if (phone == null) {
                return new ApiError(
                        400,
                        "missing_parameter",
                        "Expected phone_number (digits only, with the country "
                                + "code, like 201012345678), but it is missing or empty.");
            }
            if (!PHONE.matcher(phone).matches()) {
                return new ApiError(
                        400,
                        "invalid_phone_number",
                        "Expected phone_number to be 8 to 15 digits with "
                                + "the country code and no '+' or spaces (like 201012345678), but got " + phone.length()
                                + " characters.");
            }
        }
        return null;
    }

    private static ApiError invalidToken(String token) {
        return new ApiError(
                401,
                "invalid_token",
                "Expected a valid access token, but the token " + Secrets.mask(token)
                        + " is not one this mock knows. Start the mock with --token, or add it with "
                        + "PUT /__admin/wawp/tokens/{token}.");
    }

    private static ApiModel.SessionBody sessionBody(Session.Snapshot s, boolean info) {
        return new ApiModel.SessionBody(
                s.session().name,
                s.status().name(),
                ApiModel.Config.DEFAULT,
                info && s.qr() != null ? s.qr().png() : null,
                info && s.status() == SessionStatus.WORKING ? ME : null);
    }

    private static Reply injected(FaultRule rule, List<Format> wanted) {
        long delay = rule.delay().toMillis();
        if (rule.fault() instanceof Fault.HttpError e) {
            String code = e.status() == 502
                    ? "bad_gateway"
                    : e.status() == 500
                            ? "internal_error"
                            : e.status() == 404
                                    ? "session_not_found"
                                    : e.status() == 403
                                            ? "quota_exceeded"
                                            : e.status() == 401 ? "invalid_token" : "bad_request";
            return Renderer.error(
                            new ApiError(
                                    e.status(),
                                    code,
                                    "Injected fault: the mock was told to answer " + e.status() + " as "
                                            + e.format().key() + " (POST /__admin/wawp/faults)."),
                            e.format())
                    .delayed(delay);
        }
        if (rule.fault() instanceof Fault.Raw raw) {
            return Reply.raw(raw.status(), raw.headers(), raw.body().getBytes(StandardCharsets.UTF_8))
                    .delayed(delay);
        }
        return Reply.socket(rule.fault(), delay);
    }

    static String faultName(Fault fault) {
        if (fault instanceof Fault.HttpError e) {
            return "HTTP_" + e.status() + "_" + e.format().name();
        }
        if (fault instanceof Fault.ConnectionReset) {
            return "CONNECTION_RESET";
        }
        if (fault instanceof Fault.EmptyResponse) {
            return "EMPTY_RESPONSE";
        }
        if (fault instanceof Fault.Raw raw) {
            return "RAW_" + raw.status();
        }
        return "DELAY";
    }

    private void recordUnexpected(Exchange x, int status, Endpoint nearest) {
        unexpected.add(
                x.token,
                new UnexpectedCall(
                        Instant.now(),
                        x.method,
                        Secrets.maskUrl(shorten(x.url()), Secrets.Known.of(x.token, x.headerToken)),
                        status,
                        describe(nearest)));
    }

    private static String describe(Endpoint e) {
        return String.join("|", e.methods()) + " " + e.path();
    }

    private static String path(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    /** Finds the endpoint whose path is closest to the call's, by edit distance. */
    private static Endpoint nearest(String url) {
        String path = path(url).toLowerCase(Locale.ROOT);
        Endpoint nearest = Endpoint.values()[0];
        int best = Integer.MAX_VALUE;
        for (Endpoint e : Endpoint.values()) {
            int d = distance(path, e.path());
            if (d < best) {
                best = d;
                nearest = e;
            }
        }
        return nearest;
    }

    private static int distance(String a, String b) {
        if (a.length() > 200) {
            return Integer.MAX_VALUE - 1;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** Shortens user-supplied text before echoing it. */
    private static String shorten(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}
