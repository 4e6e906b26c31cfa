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
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import wiremock.jakarta.servlet.AsyncContext;
import wiremock.jakarta.servlet.DispatcherType;
import wiremock.jakarta.servlet.Filter;
import wiremock.jakarta.servlet.FilterChain;
import wiremock.jakarta.servlet.ReadListener;
import wiremock.jakarta.servlet.ServletException;
import wiremock.jakarta.servlet.ServletInputStream;
import wiremock.jakarta.servlet.ServletRequest;
import wiremock.jakarta.servlet.ServletResponse;
import wiremock.jakarta.servlet.http.HttpServletRequest;
import wiremock.jakarta.servlet.http.HttpServletRequestWrapper;
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
    /** A request body that arrives slower than this (bytes per second), after a grace period, is answered 408. */
    static final long MIN_BODY_RATE = 1024;
    /**
     * How long a body may take before its rate is judged. Jetty's own minimum data rate judges from
     * the request's first byte, so a tiny body read late by a busy worker was refused; this one
     * only counts time spent waiting for bytes that have not come.
     */
    static final long BODY_GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);
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

    /** Reading request bodies within the mock's bounds. */
    static final class Bodies {
        static final byte[] EMPTY = new byte[0];

        private Bodies() {}

        /** Refuses what can be refused before reading: multipart, a declared size over 1 MiB, broken escapes. */
        static ApiError check(long contentLength, String query, String contentType) {
            if (contentType != null && contentType.regionMatches(true, 0, "multipart/", 0, 10)) {
                return new ApiError(
                        415,
                        "unsupported_media_type",
                        "Expected the credentials in the query string, a "
                                + "JSON body or a form body, but got a " + contentType.split(";")[0].trim()
                                + " body. Send application/json or application/x-www-form-urlencoded.");
            }
            if (contentLength > CallParser.MAX_BODY_BYTES) {
                return tooLarge("Content-Length is " + contentLength);
            }
            if (query != null && query.indexOf('%') >= 0) {
                for (String part : query.split("[&=]")) {
                    try {
                        URLDecoder.decode(part, StandardCharsets.UTF_8);
                    } catch (IllegalArgumentException e) {
                        // the value is not echoed: it may be a token
                        return new ApiError(
                                400,
                                "malformed_query",
                                "Expected a URL-encoded query string, but it has "
                                        + "a broken %-escape (a '%' not followed by two hex digits). Encode '%' as %25.");
                    }
                }
            }
            return null;
        }

        private static ApiError tooLarge(String what) {
            return new ApiError(
                    413,
                    "body_too_large",
                    "Expected a request body of at most 1 MiB ("
                            + CallParser.MAX_BODY_BYTES + " bytes), but " + what
                            + ". Send the credentials in the query string; the API needs no body.");
        }

        /** What a gate got of a request body: its bytes, or the refusal that answers instead. */
        record Got(byte[] body, ApiError refusal) {}

        /** The request attribute that carries what an async read got to the request's second dispatch. */
        private static final String GOT = Bodies.class.getName() + ".got";

        /**
         * Returns whether this dispatch is the container's second one of a request whose body was
         * read asynchronously ({@link #readOrSuspend}); an async dispatch of anyone else's is not.
         */
        static boolean resumed(HttpServletRequest req) {
            return req.getDispatcherType() == DispatcherType.ASYNC && req.getAttribute(GOT) != null;
        }

        /**
         * Returns the request's body (at most 1 MiB, chunked too), or the refusal that answers
         * instead; or null after putting the request in async mode to read a body that has not all
         * arrived yet. Such a body is read as its bytes come, holding no thread while it waits, and
         * a sender slower than {@value #MIN_BODY_RATE} bytes/s (after {@link #BODY_GRACE_NANOS}) or
         * silent for {@value #IO_IDLE_MILLIS} ms is refused 408; then the container dispatches the
         * request again ({@link DispatcherType#ASYNC}) and this returns what came.
         */
        static Got readOrSuspend(HttpServletRequest req, Arriving arriving) {
            Got resumed = req.getDispatcherType() == DispatcherType.ASYNC ? (Got) req.getAttribute(GOT) : null;
            if (resumed != null) {
                req.removeAttribute(GOT);
                return resumed;
            }
            long declared = req.getContentLengthLong();
            if (declared <= 0 && req.getHeader("Transfer-Encoding") == null) {
                return new Got(EMPTY, null);
            }
            try {
                ServletInputStream in = req.getInputStream();
                if (declared > 0 && in.available() >= declared) {
                    return new Got(readArrived(in, declared), null); // all there: reading it cannot wait
                }
                new AsyncRead(req, in, arriving).start();
                // handled for now: else WireMock's handler list offers an admin request to the API's context too
                Request.getBaseRequest(req).setHandled(true);
                return null;
            } catch (ApiError.Rejected r) {
                return new Got(EMPTY, r.error);
            } catch (IOException | RuntimeException e) {
                return new Got(EMPTY, broken(e).error);
            }
        }

        /**
         * Reads a body as its bytes arrive, on whichever thread Jetty calls back with them, and
         * judges the sender's pace on the scheduler; the first outcome dispatches the request again.
         */
        private static final class AsyncRead implements ReadListener, Runnable {
            private final HttpServletRequest req;
            private final ServletInputStream in;
            private final Arriving arriving;
            private final ByteArrayOutputStream out = new ByteArrayOutputStream();
            private final byte[] buffer = new byte[8192];
            private final AtomicBoolean done = new AtomicBoolean();
            private final long start = System.nanoTime();
            private volatile long total;
            private volatile long lastByteAt = start;
            private AsyncContext async;
            private volatile ScheduledFuture<?> watch;

            AsyncRead(HttpServletRequest req, ServletInputStream in, Arriving arriving) {
                this.req = req;
                this.in = in;
                this.arriving = arriving;
            }

            void start() {
                async = req.startAsync();
                async.setTimeout(0);
                try {
                    watch = arriving.scheduler.scheduleWithFixedDelay(this, 250, 250, TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException stopping) {
                    // the mock is stopping: the connection's idle timeout still ends the read
                }
                in.setReadListener(this);
            }

            /** Reads what came; under this read's monitor, as {@link #finish} is, so the bytes it holds are exact. */
            @Override
            public synchronized void onDataAvailable() throws IOException {
                while (!done.get() && in.isReady()) {
                    int n = in.read(buffer);
                    if (n < 0) { // the end; Jetty's onAllDataRead may follow, the first outcome wins
                        onAllDataRead();
                        return;
                    }
                    if (!arriving.reserve(n)) {
                        finish(new Got(EMPTY, Arriving.busy()));
                        return;
                    }
                    out.write(buffer, 0, n);
                    total += n;
                    lastByteAt = System.nanoTime();
                    if (total > CallParser.MAX_BODY_BYTES) {
                        finish(new Got(EMPTY, tooLarge("the body is longer")));
                        return;
                    }
                }
            }

            @Override
            public void onAllDataRead() {
                finish(new Got(out.toByteArray(), null));
            }

            @Override
            public void onError(Throwable t) {
                finish(new Got(EMPTY, isTimeout(t) ? slow().error : broken(t).error));
            }

            /** The pace check, every 250 ms while the body is being read. */
            @Override
            public void run() {
                long now = System.nanoTime();
                if (done.get()) {
                    cancelWatch();
                } else if (tooSlow(total, now - start, now - lastByteAt)) {
                    finish(new Got(EMPTY, slow().error));
                }
            }

            private synchronized void finish(Got got) {
                if (!done.compareAndSet(false, true)) {
                    return;
                }
                cancelWatch();
                arriving.release(total);
                req.setAttribute(GOT, got);
                try {
                    async.dispatch();
                } catch (IllegalStateException gone) {
                    // the connection closed before the body came: nobody to answer
                }
            }

            private void cancelWatch() {
                ScheduledFuture<?> w = watch;
                if (w != null) {
                    w.cancel(false);
                }
            }
        }

        /**
         * What one server's bodies still arriving share: the scheduler that paces them, and a cap on
         * the bytes they hold at once. Each may be 1 MiB and they hold no thread, so without the cap
         * a few hundred slow uploads could fill the heap.
         */
        static final class Arriving {
            /** The bytes all bodies still arriving may hold at once; one that would pass it is refused 503. */
            static final long MAX_BYTES = 32L << 20;

            final ScheduledExecutorService scheduler;
            private final AtomicLong held = new AtomicLong();

            Arriving(ScheduledExecutorService scheduler) {
                this.scheduler = scheduler;
            }

            boolean reserve(int bytes) {
                if (held.addAndGet(bytes) > MAX_BYTES) {
                    held.addAndGet(-bytes);
                    return false;
                }
                return true;
            }

            void release(long bytes) {
                held.addAndGet(-bytes);
            }

            static ApiError busy() {
                return new ApiError(
                        503,
                        "bodies_in_flight_full",
                        "Expected room for this request's body while it arrives, but bodies still arriving"
                                + " on other connections hold the " + MAX_BYTES
                                + " bytes the mock keeps for them. Send it again when those are done, and send"
                                + " bodies at once: the API needs none.");
            }
        }

        /**
         * Reads a body that has all arrived (its declared length is buffered): up to the declared
         * length, refusing one over 1 MiB (413) or one that turns out cut off or malformed (400).
         */
        private static byte[] readArrived(ServletInputStream in, long declaredLength) throws ApiError.Rejected {
            byte[] body;
            try {
                body = readUpTo(in, declaredLength);
            } catch (IOException | RuntimeException e) {
                throw isTimeout(e) ? slow() : broken(e);
            }
            if (body.length > CallParser.MAX_BODY_BYTES) {
                throw new ApiError.Rejected(
                        413, "body_too_large", tooLarge("the body is longer").message());
            }
            return body;
        }

        /** Reads up to the declared length (-1: to the end), or 1 MiB + 1 byte, whichever is less. */
        static byte[] readUpTo(InputStream in, long declaredLength) throws IOException {
            byte[] buffer = new byte[8192];
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long total = 0;
            int n;
            long limit = declaredLength < 0
                    ? CallParser.MAX_BODY_BYTES + 1
                    : Math.min(declaredLength, CallParser.MAX_BODY_BYTES + 1);
            while (total < limit && (n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - total))) >= 0) {
                out.write(buffer, 0, n);
                total += n;
            }
            return out.toByteArray();
        }

        /**
         * Whether a body still arriving comes too slowly: after {@link #BODY_GRACE_NANOS}, fewer than
         * {@value #MIN_BODY_RATE} bytes per second on average since the request came, or nothing for
         * {@value #IO_IDLE_MILLIS} ms. The pace is the sender's: bytes are counted as they arrive,
         * never as a busy thread gets round to them.
         */
        static boolean tooSlow(long bytes, long sinceStartNanos, long silentNanos) {
            long judged = sinceStartNanos - BODY_GRACE_NANOS;
            return (judged > 0 && bytes < MIN_BODY_RATE * judged / 1_000_000_000L)
                    || silentNanos > TimeUnit.MILLISECONDS.toNanos(IO_IDLE_MILLIS);
        }

        private static ApiError.Rejected broken(Throwable e) {
            return new ApiError.Rejected(
                    400,
                    "malformed_body",
                    "Expected a complete request body, but it was "
                            + "cut off or malformed ("
                            + (e.getMessage() == null
                                    ? e.getClass().getSimpleName()
                                    : Secrets.maskText(e.getMessage().replaceAll("[\\r\\n]", " ")))
                            + "). Check Content-Length "
                            + "and the chunked encoding.");
        }

        private static ApiError.Rejected slow() {
            return new ApiError.Rejected(
                    408,
                    "request_timeout",
                    "Expected the request body within "
                            + IO_IDLE_MILLIS / 1000 + " s of silence and at " + MIN_BODY_RATE
                            + " bytes/s or faster, but it "
                            + "stalled or came slower. Send the whole body at once (the API needs none).");
        }

        private static boolean isTimeout(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof TimeoutException || (t instanceof BadMessageException b && b.getCode() == 408)) {
                    return true;
                }
            }
            return false;
        }

        /** A request whose body was read by the gate, replayed to whoever reads it next. */
        static final class Replayed extends HttpServletRequestWrapper {
            private final byte[] body;

            Replayed(HttpServletRequest req, byte[] body) {
                super(req);
                this.body = body;
            }

            @Override
            public ServletInputStream getInputStream() {
                ByteArrayInputStream in = new ByteArrayInputStream(body);
                return new ServletInputStream() {
                    @Override
                    public int read() {
                        return in.read();
                    }

                    @Override
                    public int read(byte[] b, int off, int len) {
                        return in.read(b, off, len);
                    }

                    @Override
                    public boolean isFinished() {
                        return in.available() == 0;
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        throw new IllegalStateException("the body was read already; no async reads");
                    }
                };
            }

            @Override
            public BufferedReader getReader() {
                String encoding = getCharacterEncoding();
                return new BufferedReader(new InputStreamReader(
                        getInputStream(), encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
            }

            @Override
            public int getContentLength() {
                return body.length;
            }

            @Override
            public long getContentLengthLong() {
                return body.length;
            }
        }
    }
}
