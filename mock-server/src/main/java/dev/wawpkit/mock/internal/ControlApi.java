package dev.wawpkit.mock.internal;

import static com.github.tomakehurst.wiremock.http.RequestMethod.DELETE;
import static com.github.tomakehurst.wiremock.http.RequestMethod.GET;
import static com.github.tomakehurst.wiremock.http.RequestMethod.POST;
import static com.github.tomakehurst.wiremock.http.RequestMethod.PUT;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.admin.AdminTask;
import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.AdminApiExtension;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.wawpkit.mock.Endpoint;
import dev.wawpkit.mock.FaultRule;
import dev.wawpkit.mock.WawpMockException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Serves the control API under {@code /__admin/wawp}: one route table, one JSON error format.
 *
 * <p>Every refusal is {@code {"error", "message", "status"}} with status 400, 404 or 409.
 */
public final class ControlApi implements AdminApiExtension {
    /** The extension's name. */
    public static final String NAME = "wawp-control";

    /** A route whose query is its caller's own (a provider state's parameters); told apart by identity. Declared before {@link #SHAPES}, which reads it. */
    private static final List<String> ANY_QUERY = List.of("*");

    private final MockCore port;
    private final ProviderStateHandler providerStates;

    public ControlApi(MockCore core) {
        this.port = core;
        this.providerStates = new ProviderStateHandler(core);
    }

    @Override
    public String getName() {
        return NAME;
    }

    /**
     * The whole control API: method, path under {@code /__admin}, task. WireMock finds a route's
     * path template by the task's class, so every task is its own lambda.
     */
    private static List<Route> routes(MockCore port, ProviderStateHandler providerStates) {
        return List.of(
                new Route(
                        GET,
                        "/wawp/sessions",
                        List.of("access_token"),
                        (admin, req, p) -> guard(
                                () -> ok(ControlModel.SessionsJson.of(port.sessions(query(req, "access_token")))))),
                new Route(
                        POST,
                        "/wawp/sessions",
                        (admin, req, p) -> guard(() -> {
                            var b = ControlModel.read(
                                    req.getRequest().getBody(),
                                    ControlModel.SeedRequest.class,
                                    "{\"access_token\": \"test-token-1\", \"status\": \"SCAN_QR_CODE\"}");
                            return json(
                                    201,
                                    ControlModel.SessionJson.of(port.seed(
                                            b.accessToken(),
                                            b.instanceId(),
                                            ControlModel.status(b.status()),
                                            Boolean.TRUE.equals(b.loggedIn()))));
                        })),
                new Route(
                        GET,
                        "/wawp/sessions/{id}",
                        (admin, req, p) -> guard(() -> ok(ControlModel.SessionJson.of(port.session(p.get("id")))))),
                new Route(
                        POST,
                        "/wawp/sessions/{id}/status",
                        (admin, req, p) -> guard(() -> {
                            var b = ControlModel.read(
                                    req.getRequest().getBody(),
                                    ControlModel.MoveRequest.class,
                                    "{\"status\": \"WORKING\"}");
                            return ok(ControlModel.SessionJson.of(
                                    port.move(p.get("id"), ControlModel.status(b.status()), b.loggedIn())));
                        })),
                new Route(
                        GET,
                        "/wawp/sessions/{id}/qr",
                        (admin, req, p) -> guard(() -> ok(new ControlModel.QrJson(port.qrPng(p.get("id")))))),
                new Route(
                        GET,
                        "/wawp/sessions/{id}/calls",
                        (admin, req, p) -> guard(() -> ok(new ControlModel.CallsJson(
                                p.get("id"),
                                port.calls(p.get("id")).stream()
                                        .map(ControlModel.CallJson::of)
                                        .toList())))),
                new Route(
                        GET,
                        "/wawp/sessions/{id}/webhooks",
                        (admin, req, p) -> guard(() -> ok(ControlModel.WebhooksJson.of(
                                port.webhookConfig(p.get("id")), port.deliveries(p.get("id")))))),
                new Route(
                        PUT,
                        "/wawp/sessions/{id}/webhooks",
                        (admin, req, p) -> guard(() -> {
                            var b = ControlModel.read(
                                    req.getRequest().getBody(),
                                    ControlModel.WebhooksRequest.class,
                                    "{\"urls\": [\"http://127.0.0.1:9000/hooks\"], \"secret\": \"s3cret\"}");
                            port.webhooks(p.get("id"), uris(b.urls()), b.secret());
                            return ok(ControlModel.WebhooksJson.of(
                                    port.webhookConfig(p.get("id")), port.deliveries(p.get("id"))));
                        })),
                new Route(
                        GET,
                        "/wawp/faults",
                        (admin, req, p) -> guard(() -> ok(ControlModel.FaultsJson.of(port.faults())))),
                new Route(
                        POST,
                        "/wawp/faults",
                        (admin, req, p) -> guard(() -> {
                            FaultRule rule = ControlModel.read(
                                            req.getRequest().getBody(),
                                            ControlModel.FaultJson.class,
                                            "{\"endpoint\": \"start\", \"status\": 502, \"format\": \"xml\", \"times\": 1}")
                                    .toRule();
                            port.arm(rule);
                            return json(201, ControlModel.FaultJson.of(rule, true));
                        })),
                new Route(
                        DELETE,
                        "/wawp/faults",
                        List.of("access_token"),
                        (admin, req, p) -> guard(() -> {
                            port.clearFaults(query(req, "access_token"));
                            return ok(ControlModel.FaultsJson.of(port.faults()));
                        })),
                new Route(
                        GET,
                        "/wawp/tokens",
                        (admin, req, p) -> guard(() -> ok(new ControlModel.TokensJson(port.tokens().stream()
                                .map(ControlModel.TokenJson::of)
                                .toList())))),
                new Route(
                        PUT,
                        "/wawp/tokens/{token}",
                        (admin, req, p) -> guard(() -> {
                            byte[] body = req.getRequest().getBody();
                            String example = "{\"quota\": 10}";
                            ControlModel.QuotaRequest b =
                                    ControlModel.read(body, ControlModel.QuotaRequest.class, example);
                            String token = decode(p.get("token"));
                            if (!ControlModel.tree(body, example)
                                    .has("quota")) { // no quota field: keep any quota it has
                                port.ensureToken(token);
                                return ok(new ControlModel.DoneJson(null, Secrets.mask(token)));
                            }
                            return ok(ControlModel.TokenJson.of(port.putToken(token, b.quota())));
                        })),
                new Route(
                        GET,
                        "/wawp/unexpected-calls",
                        List.of("access_token"),
                        (admin, req, p) -> guard(() -> ok(ControlModel.UnexpectedCallsJson.of(
                                port.unexpectedCalls(query(req, "access_token")))))),
                new Route(
                        DELETE,
                        "/wawp/unexpected-calls",
                        List.of("access_token", "unattributed"),
                        (admin, req, p) -> guard(() -> {
                            String token = query(req, "access_token");
                            return ok(ControlModel.UnexpectedCallsJson.of(
                                    token == null
                                            ? port.drainUnexpectedCalls(null, true)
                                            : port.drainUnexpectedCalls(
                                                    token, "true".equals(query(req, "unattributed")))));
                        })),
                new Route(
                        GET,
                        "/wawp/requests",
                        List.of("access_token", "endpoint", "instance_id", "status", "limit"),
                        (admin, req, p) -> guard(() -> ok(new ControlModel.RequestsJson(
                                port.requests(requestQuery(req)).stream()
                                        .map(ControlModel.RequestJson::of)
                                        .toList(),
                                port.droppedRequests())))),
                new Route(
                        DELETE,
                        "/wawp/requests",
                        List.of("access_token"),
                        (admin, req, p) -> guard(() -> {
                            port.clearRequests(query(req, "access_token"));
                            return ok(new ControlModel.RequestsJson(List.of(), port.droppedRequests()));
                        })),
                new Route(
                        POST,
                        "/wawp/requests/take",
                        List.of("access_token"),
                        (admin, req, p) -> guard(() -> {
                            var taken = port.takeRequest(query(req, "access_token"), Duration.ZERO);
                            return ok(new ControlModel.TakenJson(
                                    taken == null ? null : ControlModel.RequestJson.of(taken)));
                        })),
                new Route(
                        POST,
                        "/wawp/provider-states",
                        ANY_QUERY,
                        (admin, req, p) -> guard(() -> ok(providerStates.apply(stateChange(req))))),
                new Route(GET, "/wawp/ui", (admin, req, p) -> guard(Dashboard::page)),
                new Route(GET, "/wawp/ui/{name}", (admin, req, p) -> guard(() -> Dashboard.asset(p.get("name")))),
                new Route(
                        POST,
                        "/wawp/reset",
                        List.of("access_token"),
                        (admin, req, p) -> guard(() -> {
                            String token = query(req, "access_token");
                            if (token != null) {
                                port.resetToken(token);
                                return ok(new ControlModel.DoneJson(true, Secrets.mask(token)));
                            }
                            port.reset();
                            return ok(new ControlModel.DoneJson(true, null));
                        })));
    }

    @Override
    public void contributeAdminApiRoutes(Router router) {
        for (Route r : routes(port, providerStates)) {
            router.add(r.method, r.path, r.task);
        }
    }

    /** The route table's shapes (its tasks are never run): what the admin gate checks a call against. */
    private static final List<Route> SHAPES = routes(null, null);

    /**
     * Returns the refusal for a call under {@code /__admin/wawp} that no route takes - 404 naming
     * the routes, or 405 naming the methods the path takes - or null when one does.
     */
    static ApiError routeRefusal(String method, String uri, String query) {
        String path = uri.substring("/__admin".length());
        List<String> allowed = new ArrayList<>();
        for (Route r : SHAPES) {
            if (matches(r.path, path)) {
                if (r.method.getName().equals(method)) {
                    return queryRefusal(r, query);
                }
                if (!allowed.contains(r.method.getName())) {
                    allowed.add(r.method.getName());
                }
            }
        }
        if (!allowed.isEmpty()) {
            return new ApiError(
                    405,
                    "method_not_allowed",
                    "Expected " + String.join(" or ", allowed) + " on " + uri + ", but got " + method
                            + ". See the control API table in the README.");
        }
        List<String> all = new ArrayList<>();
        for (Route r : SHAPES) {
            String shown = r.method.getName() + " /__admin" + r.path;
            if (!r.path.startsWith("/wawp/ui")) {
                all.add(shown);
            }
        }
        return new ApiError(
                404,
                "unknown_control_route",
                "Expected one of the control API's routes (" + String.join(", ", all) + "), but got " + method + " "
                        + (uri.length() > 100 ? uri.substring(0, 100) + "..." : uri) + ".");
    }

    /**
     * Refuses a parameter the route does not read (a misspelt {@code acces_token} would otherwise
     * widen a filter to every token) and one given twice.
     */
    private static ApiError queryRefusal(Route route, String query) {
        List<String> known = route.query;
        if (query == null || query.isEmpty() || known == ANY_QUERY) {
            return null;
        }
        Set<String> seen = new HashSet<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            try {
                name = URLDecoder.decode(name, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null; // a broken escape: the route's own reading refuses it
            }
            String shown = name.length() > 40 ? name.substring(0, 40) + "..." : name;
            if (!known.contains(name)) {
                return new ApiError(
                        400,
                        "unknown_query_parameter",
                        "Expected " + (known.isEmpty() ? "no query parameters" : "only " + String.join(", ", known))
                                + " on " + route.method.getName() + " /__admin" + route.path + ", but got '" + shown
                                + "'. Check its spelling.");
            }
            if (!seen.add(name)) {
                return new ApiError(
                        400,
                        "repeated_query_parameter",
                        "Expected " + shown + " at most once, but it came twice. Send one value.");
            }
        }
        return null;
    }

    /** Whether a path fits a template whose {@code {name}} segments take any one non-empty segment. */
    private static boolean matches(String template, String path) {
        String[] t = template.split("/", -1);
        String[] p = path.split("/", -1);
        if (t.length != p.length) {
            return false;
        }
        for (int i = 0; i < t.length; i++) {
            boolean variable = t[i].startsWith("{") && t[i].endsWith("}");
            if (variable ? p[i].isEmpty() : !t[i].equals(p[i])) {
                return false;
            }
        }
        return true;
    }

    /** Runs a control operation; a refusal becomes the one JSON error format, never a stack trace. */
    private static ResponseDefinition guard(Supplier<ResponseDefinition> operation) {
        try {
            return operation.get();
        } catch (WawpMockException e) {
            return json(e.httpStatus(), ControlModel.ErrorJson.of(e));
        } catch (RuntimeException e) {
            return json(
                    500,
                    ControlModel.ErrorJson.of(new WawpMockException(
                            500,
                            "control_error",
                            "The control API failed (" + e.getClass().getSimpleName()
                                    + "). This is a bug in wawp-contract-kit; please report it with the request.")));
        }
    }

    private static ResponseDefinition ok(Object body) {
        return json(200, body);
    }

    static ResponseDefinition json(int status, Object body) {
        try {
            return ResponseDefinitionBuilder.responseDefinition()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withBody(ControlModel.MAPPER.writeValueAsBytes(body))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads a provider-state change: Pact's JSON body, or with an empty body the query string that
     * verifiers send with {@code --state-change-as-query} ({@code state}, {@code action}, and every
     * other parameter one of the state's params).
     */
    private static ObjectNode stateChange(ServeEvent req) {
        byte[] body = req.getRequest().getBody();
        String url = req.getRequest().getUrl();
        int q = url.indexOf('?');
        if ((body == null || body.length == 0) && q >= 0) {
            ObjectNode change = Renderer.JSON.createObjectNode();
            ObjectNode params = change.putObject("params");
            for (String pair : url.substring(q + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (key.equals("state") || key.equals("action")) {
                    change.put(key, value);
                } else if (!params.has(key)) {
                    params.put(key, value);
                }
            }
            return change;
        }
        return ControlJson.object(
                body,
                Set.of("state", "params", "action"),
                "{\"state\": \"token {access_token} is valid\", \"params\": {\"access_token\": "
                        + "\"test-token-1\"}, \"action\": \"setup\"}");
    }

    private static String query(ServeEvent req, String name) {
        try {
            return CallParser.queryParam(req.getRequest().getUrl(), name);
        } catch (ApiError.Rejected e) {
            throw new WawpMockException(400, "malformed_url", e.getMessage());
        }
    }

    private static List<URI> uris(List<String> urls) {
        if (urls == null) {
            throw new WawpMockException(
                    400,
                    "missing_field",
                    "Expected \"urls\", a list of URLs (empty to " + "turn webhooks off), but none came.");
        }
        List<URI> out = new ArrayList<>();
        for (String u : urls) {
            try {
                out.add(new URI(u));
            } catch (URISyntaxException | NullPointerException e) {
                throw new WawpMockException(
                        400,
                        "invalid_webhook_url",
                        "Expected absolute http(s) webhook URLs like " + "http://127.0.0.1:9000/hooks, but got '" + u
                                + "'.");
            }
        }
        return out;
    }

    private static RequestQuery requestQuery(ServeEvent req) {
        String endpoint = query(req, "endpoint");
        if (endpoint != null && !endpoint.equals("unknown")) {
            try {
                Endpoint.ofKey(endpoint);
            } catch (WawpMockException e) {
                throw new WawpMockException(
                        400,
                        "unknown_endpoint",
                        "Expected endpoint to be one of " + Endpoint.keys()
                                + " or unknown (calls to paths the API does not serve), but got '"
                                + (endpoint.length() > 40 ? endpoint.substring(0, 40) + "..." : endpoint) + "'.");
            }
        }
        return new RequestQuery(
                query(req, "access_token"),
                endpoint,
                query(req, "instance_id"),
                number(req, "status", 100, 599),
                Objects.requireNonNullElse(number(req, "limit", 1, 1_000_000), 0));
    }

    private static Integer number(ServeEvent req, String name, int min, int max) {
        String value = query(req, name);
        if (value == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new WawpMockException(
                400,
                "invalid_query",
                "Expected " + name + " to be a whole number from " + min + " to " + max + ", but got '"
                        + (value.length() > 20 ? value.substring(0, 20) + "..." : value) + "'.");
    }

    private static String decode(String s) {
        try {
            return CallParser.decode(s);
        } catch (ApiError.Rejected e) {
            throw new WawpMockException(400, "malformed_url", e.getMessage());
        }
    }

    /** One route: its method, path under {@code /__admin}, the query parameters it reads, and its task. */
    private record Route(RequestMethod method, String path, List<String> query, AdminTask task) {
        Route(RequestMethod method, String path, AdminTask task) {
            this(method, path, List.of(), task);
        }
    }
}
