package dev.wawpkit.mock.internal;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import wiremock.jakarta.servlet.DispatcherType;
import wiremock.jakarta.servlet.Filter;
import wiremock.jakarta.servlet.FilterChain;
import wiremock.jakarta.servlet.ServletException;
import wiremock.jakarta.servlet.ServletRequest;
import wiremock.jakarta.servlet.ServletResponse;
import wiremock.jakarta.servlet.http.HttpServletRequest;
import wiremock.jakarta.servlet.http.HttpServletResponse;
import wiremock.org.eclipse.jetty.servlet.FilterHolder;
import wiremock.org.eclipse.jetty.servlet.ServletContextHandler;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;

import dev.wawpkit.mock.Format;

/**
 * Builds WireMock's Jetty server with a gate in front of both contexts: a body declared over
 * 1 MiB is refused before it is read, and a query string WireMock cannot decode is refused
 * before WireMock parses it (it would otherwise answer 500 with a stack trace).
 */
final class GatedHttpServerFactory implements HttpServerFactory {
    /** The header (besides {@code Authorization: Bearer}) that carries the admin token. */
    static final String ADMIN_TOKEN_HEADER = "X-Wawp-Admin-Token";

    private final byte[] adminToken;
    private final WawpEngine engine;

    /**
     * Creates the factory; with an admin token, every {@code /__admin} call must carry it. With an
     * engine, API calls are answered by the gate itself while no fault is armed (the fast path).
     */
    GatedHttpServerFactory(String adminToken, WawpEngine engine) {
        this.adminToken = adminToken == null ? null : adminToken.getBytes(StandardCharsets.UTF_8);
        this.engine = engine;
    }

    @Override
    public String getName() {
        return "wawp-gated-jetty";
    }

    @Override
    public HttpServer buildHttpServer(Options options, AdminRequestHandler admin, StubRequestHandler stubs) {
        return new Jetty11HttpServer(options, admin, stubs) {
            @Override
            protected void applyAdditionalServerConfiguration(wiremock.org.eclipse.jetty.server.Server server,
                                                              Options options) {
                super.applyAdditionalServerConfiguration(server, options);
                server.setErrorHandler(new JsonErrorHandler());
            }

            @Override
            protected void decorateMockServiceContextBeforeConfig(ServletContextHandler context) {
                context.setErrorHandler(new JsonErrorHandler());
                context.addFilter(new FilterHolder(new Gate(false, null, engine)), "/*", EnumSet.of(DispatcherType.REQUEST));
            }

            @Override
            protected void decorateAdminServiceContextBeforeConfig(ServletContextHandler context) {
                context.setErrorHandler(new JsonErrorHandler());
                context.addFilter(new FilterHolder(new Gate(true, adminToken, null)), "/*", EnumSet.of(DispatcherType.REQUEST));
            }
        };
    }

    /**
     * Renders the errors Jetty raises itself (a request line it cannot parse, a bad URI) as the
     * mock's JSON error instead of Jetty's HTML page; never with a stack trace.
     */
    private static final class JsonErrorHandler extends wiremock.org.eclipse.jetty.server.handler.ErrorHandler {
        JsonErrorHandler() {
            setShowStacks(false);
            setShowServlet(false);
        }

        private static byte[] body(int status, String reason) {
            return Renderer.error(new ApiError(status, status == 400 ? "malformed_request" : "http_" + status,
                    "Expected a well-formed HTTP request, but the server refused it"
                            + (reason == null || reason.isBlank() ? "" : " (" + reason.replaceAll("[\\r\\n]", " ") + ")")
                            + ". Check the request line, the URL encoding and the headers."), Format.JSON).body();
        }

        @Override
        public java.nio.ByteBuffer badMessageError(int status, String reason,
                                                  wiremock.org.eclipse.jetty.http.HttpFields.Mutable fields) {
            fields.put(wiremock.org.eclipse.jetty.http.HttpHeader.CONTENT_TYPE, "application/json");
            return java.nio.ByteBuffer.wrap(body(status, reason));
        }

        @Override
        protected void generateAcceptableResponse(wiremock.org.eclipse.jetty.server.Request baseRequest,
                                                  HttpServletRequest request, HttpServletResponse response, int code,
                                                  String message) throws IOException {
            byte[] bytes = body(code, code >= 500 ? null : message);
            baseRequest.setHandled(true);
            response.setContentType("application/json");
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        }
    }

    /** Answers 413 or 400 itself, in the documented error format, or passes the request on. */
    private static final class Gate implements Filter {
        private static final java.util.Map<String, dev.wawpkit.mock.Endpoint> ENDPOINTS = new java.util.HashMap<>();

        static {
            for (dev.wawpkit.mock.Endpoint e : dev.wawpkit.mock.Endpoint.values()) {
                ENDPOINTS.put(e.path(), e);
            }
        }

        private final boolean admin;
        private final byte[] adminToken;
        private final WawpEngine engine;

        Gate(boolean admin, byte[] adminToken, WawpEngine engine) {
            this.admin = admin;
            this.adminToken = adminToken;
            this.engine = engine;
        }

        /**
         * Answers an API call here, before WireMock builds its logged request and matches stubs:
         * those cost more than the whole simulation (WireMock 3.13.2 throws and catches an exception
         * per query parameter while parsing it). Only while no fault is armed: delays and socket
         * faults are WireMock's to deliver, so such calls take the stub-and-transformer path.
         */
        private boolean answered(HttpServletRequest req, HttpServletResponse res) throws IOException {
            dev.wawpkit.mock.Endpoint endpoint = engine == null ? null : ENDPOINTS.get(req.getRequestURI());
            if (endpoint == null || engine.faults.armed()) {
                return false;
            }
            byte[] body = req.getInputStream().readNBytes(CallParser.MAX_BODY_BYTES + 1);
            String query = req.getQueryString();
            Reply reply = engine.handle(endpoint, req.getMethod(), query == null ? req.getRequestURI()
                    : req.getRequestURI() + "?" + query, req::getHeader, body);
            if (reply.socketFault() != null || reply.delayMillis() > 0) {
                deliverArmedInTheMeantime(req, reply); // a fault armed between the check and the claim
                if (reply.socketFault() != null) {
                    return true;
                }
            }
            res.setStatus(reply.status());
            if (reply.contentType() != null) {
                res.setContentType(reply.contentType());
            }
            reply.headers().forEach(res::setHeader);
            res.setContentLength(reply.body().length);
            res.getOutputStream().write(reply.body());
            return true;
        }

        private static void deliverArmedInTheMeantime(HttpServletRequest req, Reply reply) throws IOException {
            try {
                Thread.sleep(reply.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (reply.socketFault() != null) {
                var endPoint = wiremock.org.eclipse.jetty.server.Request.getBaseRequest(req).getHttpChannel().getEndPoint();
                if (reply.socketFault() instanceof dev.wawpkit.mock.Fault.ConnectionReset
                        && endPoint.getTransport() instanceof java.nio.channels.SocketChannel channel) {
                    channel.socket().setSoLinger(true, 0);
                }
                endPoint.close();
            }
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
            return given != null && java.security.MessageDigest.isEqual(adminToken, given.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            HttpServletRequest req = (HttpServletRequest) request;
            ApiError refusal = admin && !authorised(req)
                    ? new ApiError(401, "admin_token_required", "Expected the mock's admin token in the "
                    + ADMIN_TOKEN_HEADER + " header (or Authorization: Bearer), but " + (req.getHeader(ADMIN_TOKEN_HEADER) == null
                    && req.getHeader("Authorization") == null ? "none came" : "it did not match")
                    + ". This mock listens beyond loopback, so its control API is locked; send the token "
                    + "given with --admin-token or WAWP_MOCK_ADMIN_TOKEN.")
                    : check(req.getContentLengthLong(), req.getQueryString(), req.getContentType());
            if (refusal == null) {
                try {
                    if (!admin && answered(req, (HttpServletResponse) response)) {
                        return;
                    }
                    chain.doFilter(request, response);
                    return;
                } catch (ServletException | RuntimeException e) {
                    // WireMock reads the request before any extension runs; input it cannot parse must
                    // still get a documented 4xx, not Jetty's 500 page with a stack trace.
                    if (response.isCommitted()) {
                        throw e;
                    }
                    response.reset();
                    refusal = new ApiError(400, "malformed_request", "Expected a well-formed HTTP request, but "
                            + "the mock could not read this one (" + e.getClass().getSimpleName()
                            + "). Check the Content-Type and the body.");
                }
            }
            Reply reply = admin ? Renderer.error(refusal, Renderer.wanted(null), null)
                    : Renderer.error(refusal, Renderer.wanted(req.getHeader("Accept")), null);
            HttpServletResponse res = (HttpServletResponse) response;
            res.setStatus(reply.status());
            res.setContentType(reply.contentType());
            if (refusal.status() == 413) {
                res.setHeader("Connection", "close"); // the body was not read
            }
            res.setContentLength(reply.body().length);
            res.getOutputStream().write(reply.body());
        }

        static ApiError check(long contentLength, String query, String contentType) {
            if (contentType != null && contentType.regionMatches(true, 0, "multipart/", 0, 10)) {
                return new ApiError(415, "unsupported_media_type", "Expected the credentials in the query string, a "
                        + "JSON body or a form body, but got a " + contentType.split(";")[0].trim()
                        + " body. Send application/json or application/x-www-form-urlencoded.");
            }
            if (contentLength > CallParser.MAX_BODY_BYTES) {
                return new ApiError(413, "body_too_large", "Expected a request body of at most 1 MiB ("
                        + CallParser.MAX_BODY_BYTES + " bytes), but Content-Length is " + contentLength
                        + ". Send the credentials in the query string; the API needs no body.");
            }
            if (query != null && query.indexOf('%') >= 0) {
                for (String part : query.split("[&=]")) {
                    try {
                        URLDecoder.decode(part, StandardCharsets.UTF_8);
                    } catch (IllegalArgumentException e) {
                        // the value is not echoed: it may be a token
                        return new ApiError(400, "malformed_query", "Expected a URL-encoded query string, but it has "
                                + "a broken %-escape (a '%' not followed by two hex digits). Encode '%' as %25.");
                    }
                }
            }
            return null;
        }
    }
}
