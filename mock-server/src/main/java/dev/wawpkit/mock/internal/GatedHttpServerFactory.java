package dev.wawpkit.mock.internal;

import com.github.tomakehurst.wiremock.common.JettySettings;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import com.github.tomakehurst.wiremock.jetty11.Jetty11Utils;
import com.github.tomakehurst.wiremock.verification.RequestJournalDisabledException;
import dev.wawpkit.mock.Endpoint;
import dev.wawpkit.mock.Format;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import wiremock.jakarta.servlet.DispatcherType;
import wiremock.jakarta.servlet.Filter;
import wiremock.jakarta.servlet.FilterChain;
import wiremock.jakarta.servlet.ServletException;
import wiremock.jakarta.servlet.ServletRequest;
import wiremock.jakarta.servlet.ServletResponse;
import wiremock.jakarta.servlet.http.HttpServletRequest;
import wiremock.jakarta.servlet.http.HttpServletResponse;
import wiremock.org.eclipse.jetty.http.BadMessageException;
import wiremock.org.eclipse.jetty.http.HttpFields;
import wiremock.org.eclipse.jetty.http.HttpHeader;
import wiremock.org.eclipse.jetty.http.HttpURI;
import wiremock.org.eclipse.jetty.io.NetworkTrafficListener;
import wiremock.org.eclipse.jetty.server.HttpChannel;
import wiremock.org.eclipse.jetty.server.HttpConfiguration;
import wiremock.org.eclipse.jetty.server.Request;
import wiremock.org.eclipse.jetty.server.Server;
import wiremock.org.eclipse.jetty.server.ServerConnector;
import wiremock.org.eclipse.jetty.server.handler.ErrorHandler;
import wiremock.org.eclipse.jetty.servlet.FilterHolder;
import wiremock.org.eclipse.jetty.servlet.ServletContextHandler;

/**
 * Builds WireMock's Jetty server with the mock's own gates in front of both contexts.
 *
 * <p>The API gate is the mock's one request path: every call to the API is read (bounded in size
 * and time), offered to the user's own WireMock stubs first, then answered by the engine, recorded
 * in the journal, and written by the one {@link ReplyWriter}. The admin gate locks the control
 * API with the admin token and bounds control bodies the same way.
 */
final class GatedHttpServerFactory implements HttpServerFactory {
    /** The header (besides {@code Authorization: Bearer}) that carries the admin token. */
    static final String ADMIN_TOKEN_HEADER = "X-Wawp-Admin-Token";
    /** A connection that makes no progress for this long is closed; a body stalled this long gets 408. */
    static final long IO_IDLE_MILLIS = 10_000;

    private final byte[] adminToken;
    private final MockCore core;
    private final UserStubs userStubs;
    private final Cors cors;
    private final AdminPolicy policy;
    private final Bodies.Arriving arriving;

    /** Creates the factory; with an admin token, every {@code /__admin} call must carry it. */
    GatedHttpServerFactory(
            String adminToken, MockCore core, UserStubs userStubs, List<String> corsOrigins, AdminPolicy policy) {
        this.adminToken = adminToken == null ? null : adminToken.getBytes(StandardCharsets.UTF_8);
        this.core = core;
        this.userStubs = userStubs;
        this.cors = new Cors(corsOrigins);
        this.policy = policy;
        this.arriving = new Bodies.Arriving(core.replies);
    }

    /**
     * What the control plane lets in besides the admin token.
     *
     * @param bindAddress       the address the mock listens on (a Host naming it is the mock's own)
     * @param checkHost         whether to refuse a Host that is not the mock's own (DNS rebinding); off
     *                          when an admin token locks the control API or it was opened on purpose
     * @param wireMockAdmin     whether WireMock's own routes a mock does not need (shutdown, files,
     *                          settings, recordings; stubs that proxy, read files or fire webhooks) are on
     */
    record AdminPolicy(String bindAddress, boolean checkHost, boolean wireMockAdmin) {}

    @Override
    public String getName() {
        return "wawp-gated-jetty";
    }

    @Override
    public HttpServer buildHttpServer(Options options, AdminRequestHandler admin, StubRequestHandler stubs) {
        return new Jetty11HttpServer(options, admin, stubs) {
            @Override
            protected void applyAdditionalServerConfiguration(Server server, Options options) {
                super.applyAdditionalServerConfiguration(server, options);
                server.setErrorHandler(new JsonErrorHandler());
            }

            /**
             * A plain connector with one acceptor and one selector per 4 cores, in place of WireMock's
             * traffic-notifying one with 3 acceptors and 2 selectors. Measured with the bench's mix at
             * 8 connections on 2 cores (server CPU per request): WireMock's 18,200 req/s (66 us), this
             * one with 2 selectors 21,000 (54 us), with 1 selector 25,000 (42 us): fewer threads
             * handing requests to each other.
             */
            @Override
            protected ServerConnector createHttpConnector(
                    String bindAddress, int port, JettySettings settings, NetworkTrafficListener unused) {
                HttpConfiguration http = Jetty11Utils.createHttpConfig(settings);
                ServerConnector connector = new ServerConnector(
                        jettyServer,
                        1,
                        Math.max(1, Runtime.getRuntime().availableProcessors() / 4),
                        new LenientUpgradeConnectionFactory(http));
                connector.setPort(port);
                connector.setHost(bindAddress);
                connector.addBean(new RefusedRequests(new JournalWriter(core.journal)));
                Jetty11Utils.setJettySettings(settings, connector);
                return connector;
            }

            @Override
            protected void decorateMockServiceContextBeforeConfig(ServletContextHandler context) {
                context.setErrorHandler(new JsonErrorHandler());
                FilterHolder gate = new FilterHolder(new ApiGate(core, userStubs, cors, arriving));
                gate.setAsyncSupported(true);
                context.addFilter(gate, "/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC));
            }

            /** WireMock sets its own error page after the hook above; any error of this context stays JSON. */
            @Override
            protected void decorateMockServiceContextAfterConfig(ServletContextHandler context) {
                super.decorateMockServiceContextAfterConfig(context);
                context.setErrorHandler(new JsonErrorHandler());
            }

            @Override
            protected void decorateAdminServiceContextBeforeConfig(ServletContextHandler context) {
                context.setErrorHandler(new JsonErrorHandler());
                FilterHolder gate = new FilterHolder(new AdminGate(adminToken, policy, userStubs, arriving));
                gate.setAsyncSupported(true);
                context.addFilter(gate, "/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC));
            }
        };
    }

    /**
     * Renders the errors Jetty raises itself (a request line it cannot parse, a bad URI) as the
     * mock's JSON error instead of Jetty's HTML page; never with a stack trace.
     */
    private static final class JsonErrorHandler extends ErrorHandler {
        JsonErrorHandler() {
            setShowStacks(false);
            setShowServlet(false);
        }

        private static byte[] body(int status, String reason) {
            return Renderer.error(
                            new ApiError(
                                    status,
                                    status == 400 ? "malformed_request" : "http_" + status,
                                    "Expected a well-formed HTTP request, but the server refused it"
                                            + (reason == null || reason.isBlank()
                                                    ? ""
                                                    : " (" + reason.replaceAll("[\\r\\n]", " ") + ")")
                                            + ". Check the request line, the URL encoding and the headers."),
                            Format.JSON)
                    .body();
        }

        @Override
        public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
            fields.put(HttpHeader.CONTENT_TYPE, "application/json");
            return ByteBuffer.wrap(body(status, reason));
        }

        @Override
        protected void generateAcceptableResponse(
                Request baseRequest, HttpServletRequest request, HttpServletResponse response, int code, String message)
                throws IOException {
            byte[] bytes = body(code, code >= 500 ? null : Secrets.maskText(message));
            baseRequest.setHandled(true);
            response.setContentType("application/json");
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        }
    }

    /**
     * Journals the API requests Jetty refuses before they reach the gate (a header block too large:
     * 431; a request line or URI it cannot parse: 400), with whatever was read of them, so that
     * "every request the API receives" holds for those too. Jetty answers them with {@link
     * JsonErrorHandler}'s JSON error; control-API requests are not journaled.
     */
    private static final class RefusedRequests implements HttpChannel.Listener {
        private final JournalWriter journal;

        RefusedRequests(JournalWriter journal) {
            this.journal = journal;
        }

        @Override
        public void onRequestFailure(Request request, Throwable failure) {
            // Jetty calls this for a bad message only; one found in a body the gate is reading
            // (a broken chunk) comes after dispatch, and the gate journals that request itself.
            if (!(failure instanceof BadMessageException bad)
                    || !request.getHttpChannelState().isIdle()) {
                return;
            }
            HttpURI uri = request.getHttpURI();
            String path = uri == null ? null : uri.getPath();
            if (path != null && (path.equals("/__admin") || path.startsWith("/__admin/"))) {
                return;
            }
            journal.recordRefused(request, path == null ? null : ApiGate.ENDPOINTS.get(path), bad.getCode());
        }
    }

    /** The API's one request path. */
    private static final class ApiGate implements Filter {
        private static final Map<String, Endpoint> ENDPOINTS = new HashMap<>();

        static {
            for (Endpoint e : Endpoint.values()) {
                ENDPOINTS.put(e.path(), e);
            }
        }

        private final WawpEngine engine;
        private final JournalWriter journal;
        private final UserStubs userStubs;
        private final ReplyWriter writer;
        private final Cors cors;
        private final Bodies.Arriving arriving;

        ApiGate(MockCore core, UserStubs userStubs, Cors cors, Bodies.Arriving arriving) {
            this.cors = cors;
            this.engine = core.engine;
            this.journal = new JournalWriter(core.journal);
            this.userStubs = userStubs;
            this.writer = new ReplyWriter(core.replies);
            this.arriving = arriving;
        }

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            HttpServletRequest req = (HttpServletRequest) request;
            HttpServletResponse res = (HttpServletResponse) response;
            boolean resumed = Bodies.resumed(req);
            if (req.getDispatcherType() == DispatcherType.ASYNC && !resumed) {
                // Jetty offers an async dispatch to every context, this one last: one the control
                // API answered is done; any other is WireMock's own
                if (!Request.getBaseRequest(req).isHandled()) {
                    chain.doFilter(request, response);
                }
                return;
            }
            String path = req.getRequestURI();
            ApiError refusal = resumed
                    ? null
                    : Bodies.check(req.getContentLengthLong(), req.getQueryString(), req.getContentType());
            byte[] body = Bodies.EMPTY;
            if (refusal == null) {
                Bodies.Got got = Bodies.readOrSuspend(req, arriving);
                if (got == null) {
                    return; // read as it comes; the container dispatches the request here again
                }
                body = got.body();
                refusal = got.refusal();
            }
            Exchange x = new Exchange(
                    req.getMethod(), path, req.getQueryString(), req::getHeader, body, ENDPOINTS.get(path));
            if (refusal == null && userStubs.matches(req, body)) {
                x.fault = "USER_STUB";
                try {
                    chain.doFilter(new Bodies.Replayed(req, body), res);
                } catch (ServletException | IOException | RuntimeException e) {
                    if (res.isCommitted()) {
                        throw e;
                    }
                    res.reset();
                    Reply failed = Renderer.error(
                            new ApiError(
                                    500,
                                    "user_stub_failed",
                                    "Expected your WireMock stub that matches " + x.method + " " + path
                                            + " to answer, but WireMock could not serve it (" + cause(e)
                                            + "). Fix or remove the stub (GET /__admin/mappings lists them)."),
                            Format.JSON);
                    journal.record(req, x, failed.status());
                    ReplyWriter.writeNow(res, failed);
                    return;
                }
                journal.record(req, x, res.getStatus());
                return;
            }
            String origin = req.getHeader("Origin");
            Reply reply = refusal != null
                    ? null
                    : cors.preflight(
                            x.method,
                            x.endpoint,
                            origin,
                            req.getHeader("Access-Control-Request-Method"),
                            req.getHeader("Access-Control-Request-Headers"));
            if (reply != null) {
                x.fault = "CORS_PREFLIGHT";
                journal.record(req, x, reply.status());
                writer.write(req, res, reply);
                return;
            }
            try {
                reply = refusal == null ? engine.handle(x) : engine.refuse(x, refusal);
            } catch (RuntimeException | StackOverflowError e) {
                // A bug of ours must not reach the caller as a stack trace.
                reply = Renderer.json(
                        500,
                        Map.of(
                                "error",
                                "mock_error",
                                "status",
                                500,
                                "message",
                                "The mock failed to answer (" + e.getClass().getSimpleName()
                                        + "). This is a bug in wawp-contract-kit; please report it with the request."));
            }
            if (refusal != null && refusal.status() != 415 && req.getProtocol().startsWith("HTTP/1")) {
                reply = reply.withHeader("Connection", "close"); // the rest of the body was not read
            }
            journal.record(req, x, reply.socketFault() != null ? 0 : reply.status());
            writer.write(req, res, cors.decorate(origin, reply));
        }
    }

    /** The innermost cause's type and message, on one line, masked and cut to 200 characters. */
    private static String cause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + Secrets.maskText(root.getMessage());
        String line = (root.getClass().getSimpleName() + message).replaceAll("\\p{Cntrl}", " ");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    /** Locks the control API with the admin token, bounds its bodies, and keeps WireMock's journal routes honest. */
    private static final class AdminGate implements Filter {
        /** WireMock routes a mock does not need: they stop it, write files, or fetch other hosts. */
        private static final List<String> WIREMOCK_ONLY = List.of(
                "/__admin/shutdown", "/__admin/files", "/__admin/settings", "/__admin/recordings", "/__admin/proxy");

        private final byte[] adminToken;
        private final AdminPolicy policy;
        private final UserStubs userStubs;
        private final Bodies.Arriving arriving;

        AdminGate(byte[] adminToken, AdminPolicy policy, UserStubs userStubs, Bodies.Arriving arriving) {
            this.userStubs = userStubs;
            this.arriving = arriving;
            this.adminToken = adminToken;
            this.policy = policy;
        }

        /** Refuses what a web page could make a browser send, and WireMock's routes that are off. */
        private ApiError exposure(HttpServletRequest req) {
            String origin = req.getHeader("Origin");
            String host = req.getHeader("Host");
            if (origin != null && !sameOrigin(origin, host)) {
                return new ApiError(
                        403,
                        "cross_origin_refused",
                        "Expected a control call from a test, a script or "
                                + "the mock's own pages, but it came from a web page on " + shortened(origin)
                                + ". The control "
                                + "API never answers other origins; steer the mock from your test code or curl instead.");
            }
            if (policy.checkHost() && !ownHost(host)) {
                return new ApiError(
                        403,
                        "host_refused",
                        "Expected Host to name this mock (localhost, 127.0.0.1, "
                                + "[::1] or " + policy.bindAddress() + "), but got '" + shortened(String.valueOf(host))
                                + "'. Another name can be a DNS-rebinding page; to reach the mock by another name, lock "
                                + "the control API with --admin-token (WAWP_MOCK_ADMIN_TOKEN).");
            }
            String uri = req.getRequestURI();
            if (!policy.wireMockAdmin()) {
                for (String off : WIREMOCK_ONLY) {
                    if (uri.equals(off) || uri.startsWith(off + "/")) {
                        return new ApiError(
                                404,
                                "wiremock_route_off",
                                "Expected a control route of the mock "
                                        + "(/__admin/wawp/...), but " + req.getMethod() + " " + off
                                        + " is one of WireMock's "
                                        + "that a mock does not need and keeps off. Start the mock with --wiremock-admin "
                                        + "(WawpMockServer.builder().wireMockAdminRoutes()) to turn it on.");
                    }
                }
            }
            String method = req.getMethod();
            boolean changes =
                    method.equals("POST") || method.equals("PUT") || method.equals("DELETE") || method.equals("PATCH");
            String type = req.getContentType();
            if (changes
                    && (req.getContentLengthLong() > 0 || req.getHeader("Transfer-Encoding") != null)
                    && (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json"))) {
                return new ApiError(
                        415,
                        "json_required",
                        "Expected Content-Type: application/json on a control "
                                + "call with a body, but got " + (type == null ? "none" : "'" + shortened(type) + "'")
                                + ". Send the body as JSON with that header.");
            }
            return null;
        }

        private boolean ownHost(String host) {
            if (host == null) {
                return false;
            }
            String name = host.startsWith("[")
                    ? host.substring(0, host.indexOf(']') + 1)
                    : host.indexOf(':') >= 0 ? host.substring(0, host.indexOf(':')) : host;
            name = name.toLowerCase(Locale.ROOT);
            String bound =
                    policy.bindAddress().contains(":") && !policy.bindAddress().startsWith("[")
                            ? "[" + policy.bindAddress() + "]"
                            : policy.bindAddress();
            return name.equals("localhost")
                    || name.equals("127.0.0.1")
                    || name.equals("[::1]")
                    || name.equals(bound.toLowerCase(Locale.ROOT));
        }

        private static boolean sameOrigin(String origin, String host) {
            return host != null
                    && (origin.equalsIgnoreCase("http://" + host) || origin.equalsIgnoreCase("https://" + host));
        }

        private static String shortened(String s) {
            String clean = s.replaceAll("[\\p{Cntrl}]", "?");
            return clean.length() > 80 ? clean.substring(0, 80) + "..." : clean;
        }

        /** Checks the admin token in constant time; true when none is required. */
        private boolean authorised(HttpServletRequest req) {
            if (adminToken == null) {
                return true;
            }
            String given = req.getHeader(ADMIN_TOKEN_HEADER);
            String auth = req.getHeader("Authorization");
            if (given == null && auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
                given = auth.substring(7).trim();
            }
            return given != null && MessageDigest.isEqual(adminToken, given.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            HttpServletRequest req = (HttpServletRequest) request;
            HttpServletResponse res = (HttpServletResponse) response;
            boolean resumed = Bodies.resumed(req);
            if (req.getDispatcherType() == DispatcherType.ASYNC && !resumed) {
                chain.doFilter(request, response); // an async dispatch of WireMock's own
                return;
            }
            ApiError refusal = resumed ? null : exposure(req);
            if (resumed) {
                // checked on the first dispatch, before the body was read
            } else if (refusal != null) {
                // refused before anything else is looked at
            } else if (!authorised(req) && !isDashboardShell(req)) {
                refusal = new ApiError(
                        401,
                        "admin_token_required",
                        "Expected the mock's admin token in the "
                                + ADMIN_TOKEN_HEADER + " header (or Authorization: Bearer), but "
                                + (req.getHeader(ADMIN_TOKEN_HEADER) == null && req.getHeader("Authorization") == null
                                        ? "none came"
                                        : "it did not match")
                                + ". This mock's control API is locked; send the token given with --admin-token or "
                                + "WAWP_MOCK_ADMIN_TOKEN.");
            } else if (isWireMockJournal(req.getRequestURI())) {
                refusal = journalMoved(req);
            } else if (req.getRequestURI().equals("/__admin/mappings/save")) {
                refusal = new ApiError(
                        404,
                        "mapping_files_off",
                        "Expected a route that does what it says, but " + req.getMethod()
                                + " /__admin/mappings/save would answer 200 and save nothing: the mock keeps"
                                + " stubs in memory and reads or writes no mapping files. Keep your stubs in your"
                                + " test code or a file of your own, and send them after a start"
                                + " (POST /__admin/mappings/import).");
            } else if (req.getRequestURI().startsWith("/__admin/wawp/")
                    || req.getRequestURI().equals("/__admin/wawp")) {
                refusal = ControlApi.routeRefusal(req.getMethod(), req.getRequestURI(), req.getQueryString());
            }
            if (refusal == null && !resumed) {
                refusal = Bodies.check(req.getContentLengthLong(), req.getQueryString(), req.getContentType());
            }
            Bodies.Got got = null;
            if (refusal == null) {
                got = Bodies.readOrSuspend(req, arriving);
                if (got == null) {
                    return; // read as it comes; the container dispatches the request here again
                }
                refusal = got.refusal();
            }
            if (refusal == null) {
                try {
                    byte[] body = got.body();
                    boolean stub = req.getRequestURI().startsWith("/__admin/mappings")
                            && body.length > 0
                            && (req.getMethod().equals("POST")
                                    || req.getMethod().equals("PUT"));
                    ApiError stubRefusal = stub && !policy.wireMockAdmin() ? StubPolicy.refusal(body) : null;
                    if (stub && stubRefusal == null) {
                        stubRefusal = StubPolicy.tooLarge(userStubs.heldJsonChars(), body.length);
                    }
                    if (stubRefusal == null) {
                        chain.doFilter(new Bodies.Replayed(req, body), response);
                        return;
                    }
                    refusal = stubRefusal;
                } catch (ServletException | RuntimeException e) {
                    // WireMock reads the request before any extension runs; input it cannot parse must
                    // still get a documented 4xx, not Jetty's 500 page with a stack trace.
                    if (response.isCommitted()) {
                        throw e;
                    }
                    response.reset();
                    refusal = isJournalOff(e)
                            ? journalMoved(req)
                            : new ApiError(
                                    400,
                                    "malformed_request",
                                    "Expected a well-formed HTTP request, but "
                                            + "the mock could not read this one ("
                                            + e.getClass().getSimpleName()
                                            + "). Check the Content-Type and the body.");
                }
            }
            Reply reply = Renderer.error(refusal, Format.JSON);
            if ((refusal.status() == 413 || refusal.status() == 408)
                    && req.getProtocol().startsWith("HTTP/1")) {
                reply = reply.withHeader("Connection", "close"); // the rest of the body was not read
            }
            ReplyWriter.writeNow(res, reply);
        }

        /** Whether WireMock failed because a route needs its journal (one {@link #isWireMockJournal} missed). */
        private static boolean isJournalOff(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof RequestJournalDisabledException) {
                    return true;
                }
            }
            return false;
        }

        /**
         * The dashboard's page and assets hold no data, so they load without the admin token (a
         * browser cannot send a header when it opens a URL); every data call they make needs it.
         */
        private static boolean isDashboardShell(HttpServletRequest req) {
            String uri = req.getRequestURI();
            return "GET".equals(req.getMethod())
                    && (uri.equals("/__admin/wawp/ui") || uri.startsWith("/__admin/wawp/ui/"));
        }

        /** WireMock's routes that read its journal, which is off: requests, near misses, unmatched stubs. */
        private static boolean isWireMockJournal(String uri) {
            return uri.startsWith("/__admin/requests")
                    || uri.startsWith("/__admin/near-misses")
                    || uri.equals("/__admin/mappings/unmatched");
        }

        private static ApiError journalMoved(HttpServletRequest req) {
            return new ApiError(
                    404,
                    "journal_moved",
                    "Expected the request journal at "
                            + "GET /__admin/wawp/requests (filter with ?access_token=&endpoint=&instance_id=&status=&limit=), "
                            + "but got " + req.getMethod() + " " + req.getRequestURI()
                            + ": WireMock's own journal is off (it grows without bound), so WireMock cannot list"
                            + " requests, near misses or unmatched stubs. The mock keeps its own, credentials masked;"
                            + " a request a stub of yours answered shows there with fault USER_STUB.");
        }
    }
}
