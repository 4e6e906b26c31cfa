package dev.wawpkit.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import wiremock.jakarta.servlet.http.HttpServletRequest;
import wiremock.jakarta.servlet.http.HttpServletResponse;
import wiremock.org.eclipse.jetty.server.HttpConfiguration;
import wiremock.org.eclipse.jetty.server.HttpConnectionFactory;
import wiremock.org.eclipse.jetty.server.Request;
import wiremock.org.eclipse.jetty.server.Server;
import wiremock.org.eclipse.jetty.server.ServerConnector;
import wiremock.org.eclipse.jetty.server.handler.AbstractHandler;
import wiremock.org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The ceiling of any mock built on WireMock: the Jetty 11 inside WireMock 3.13 (its shaded copy),
 * with one handler that answers the mock's create, start and info bytes and does nothing else - no
 * WireMock, no servlet, no state, no journal. Connector and thread pool as the mock sets them: one
 * acceptor, one selector per 4 cores, 32 threads. Runs until killed.
 *
 * <p>Usage: {@code JettyAlone PORT}
 */
public final class JettyAlone {
    private JettyAlone() {}

    public static void main(String[] args) throws Exception {
        int port = WawpAnswers.port(args, "JettyAlone PORT");
        byte[] create = WawpAnswers.CREATE.getBytes(StandardCharsets.UTF_8);
        byte[] info = WawpAnswers.INFO.getBytes(StandardCharsets.UTF_8);
        Server server = new Server(new QueuedThreadPool(32));
        ServerConnector connector = new ServerConnector(
                server,
                1,
                Math.max(1, Runtime.getRuntime().availableProcessors() / 4),
                new HttpConnectionFactory(new HttpConfiguration()));
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new AbstractHandler() {
            @Override
            public void handle(String target, Request base, HttpServletRequest req, HttpServletResponse res)
                    throws IOException {
                base.setHandled(true);
                byte[] body = target.equals(WawpAnswers.CREATE_PATH) ? create : info;
                res.setStatus(200);
                res.setContentType("application/json");
                res.setContentLength(body.length);
                res.getOutputStream().write(body);
            }
        });
        server.start();
        System.out.println("Jetty alone listening on http://127.0.0.1:" + port);
        server.join();
    }
}
