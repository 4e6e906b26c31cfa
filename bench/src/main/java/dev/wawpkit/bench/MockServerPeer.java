package dev.wawpkit.bench;

import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import org.mockserver.configuration.ConfigurationProperties;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.model.MediaType;

/**
 * Starts MockServer 5.15 with expectations answering the mock's create, start and info bodies
 * (matched on the path, any query). Its defaults are kept except the log level: at INFO it
 * prints every request to stdout, which would measure the terminal, not the server.
 *
 * <p>Usage: {@code MockServerPeer PORT}
 */
public final class MockServerPeer {
    private MockServerPeer() {}

    public static void main(String[] args) {
        int port = WawpAnswers.port(args, "MockServerPeer PORT");
        ConfigurationProperties.logLevel("WARN");
        ConfigurationProperties.localBoundIP("127.0.0.1");
        ClientAndServer server = ClientAndServer.startClientAndServer(port);
        answer(server, "POST", WawpAnswers.CREATE_PATH, WawpAnswers.CREATE);
        answer(server, "POST", WawpAnswers.START_PATH, WawpAnswers.START);
        answer(server, "GET", WawpAnswers.INFO_PATH, WawpAnswers.INFO);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "mockserver-stop"));
        System.out.println("MockServer listening on http://127.0.0.1:" + server.getPort());
    }

    private static void answer(ClientAndServer server, String method, String path, String body) {
        server.when(request().withMethod(method).withPath(path))
                .respond(response()
                        .withStatusCode(200)
                        .withContentType(MediaType.APPLICATION_JSON)
                        .withBody(body));
    }
}
