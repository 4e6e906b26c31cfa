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

/**
 * Builds WireMock's Jetty server with a gate in front of both contexts: a body declared over
 * 1 MiB is refused before it is read, and a query string WireMock cannot decode is refused
 * before WireMock parses it (it would otherwise answer 500 with a stack trace).
 */
final class GatedHttpServerFactory implements HttpServerFactory {

    @Override
    public String getName() {
        return "wawp-gated-jetty";
    }

    @Override
    public HttpServer buildHttpServer(Options options, AdminRequestHandler admin, StubRequestHandler stubs) {
        return new Jetty11HttpServer(options, admin, stubs) {
            @Override
            protected void decorateMockServiceContextBeforeConfig(ServletContextHandler context) {
                context.addFilter(new FilterHolder(new Gate(false)), "/*", EnumSet.of(DispatcherType.REQUEST));
            }

            @Override
            protected void decorateAdminServiceContextBeforeConfig(ServletContextHandler context) {
                context.addFilter(new FilterHolder(new Gate(true)), "/*", EnumSet.of(DispatcherType.REQUEST));
            }
        };
    }

    /** Answers 413 or 400 itself, in the documented error format, or passes the request on. */
    private static final class Gate implements Filter {
        private final boolean admin;

        Gate(boolean admin) {
            this.admin = admin;
        }

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            HttpServletRequest req = (HttpServletRequest) request;
            ApiError refusal = check(req.getContentLengthLong(), req.getQueryString());
            if (refusal == null) {
                chain.doFilter(request, response);
                return;
            }
            Reply reply = admin ? Renderer.error(refusal, Renderer.wanted(null))
                    : Renderer.error(refusal, Renderer.wanted(req.getHeader("Accept")));
            HttpServletResponse res = (HttpServletResponse) response;
            res.setStatus(reply.status());
            res.setContentType(reply.contentType());
            if (refusal.status() == 413) {
                res.setHeader("Connection", "close"); // the body was not read
            }
            res.setContentLength(reply.body().length);
            res.getOutputStream().write(reply.body());
        }

        static ApiError check(long contentLength, String query) {
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
