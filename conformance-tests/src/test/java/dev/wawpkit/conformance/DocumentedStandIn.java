package dev.wawpkit.conformance;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stands in for the live Wawp API in tests, on 127.0.0.1: it follows the documentation (statuses, success bodies,
 * validation order; {@code /v2/status} answers like info, as the specification decides) but answers every error as
 * {@code {"success": false, "error": {"code": 401, "text": "..."}}}, always JSON whatever Accept asks. One instance,
 * {@link #INSTANCE}, exists and is WORKING. It records every call.
 */
final class DocumentedStandIn implements AutoCloseable {
    static final String TOKEN = "stand-in-token-0123456789";
    static final String INSTANCE = "LIVE00000001";
    private static final String SESSION = "{\"name\":\"wawp-12345678\",\"status\":\"WORKING\"%s,"
            + "\"me\":{\"id\":\"201012345678@c.us\",\"pushName\":\"John Doe\"}}";

    /** One recorded call: method, path, query parameters and Accept. */
    record Call(String method, String path, Map<String, String> query, String accept) {}

    private final HttpServer server;
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private final int unauthorized;
    private final boolean infoWithConfig;

    /** Starts one; {@code unauthorized} is the status it gives an unknown token (401 as documented), {@code infoWithConfig} false drops a documented field. */
    DocumentedStandIn(int unauthorized, boolean infoWithConfig) throws IOException {
        this.unauthorized = unauthorized;
        this.infoWithConfig = infoWithConfig;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    private void handle(HttpExchange ex) throws IOException {
        Map<String, String> q = new LinkedHashMap<>();
        String raw = ex.getRequestURI().getRawQuery();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            int eq = pair.indexOf('=');
            q.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        String path = ex.getRequestURI().getPath();
        calls.add(
                new Call(ex.getRequestMethod(), path, q, ex.getRequestHeaders().getFirst("Accept")));
        String endpoint = path.substring(path.lastIndexOf('/') + 1);
        String token = q.get("access_token");
        String id = q.get("instance_id");
        if (token == null || (!endpoint.equals("create") && id == null)) {
            error(ex, 400, "Missing required parameter");
        } else if (!token.equals(TOKEN)) {
            error(ex, unauthorized, "Invalid or missing access token");
        } else if (endpoint.equals("create")) {
            ok(ex, "{\"instance_id\":\"NEW000000001\",\"session_name\":\"wawp-00000001\"}");
        } else if (!INSTANCE.equals(id)) {
            error(ex, 404, "Session does not exist");
        } else if (endpoint.equals("info")
                || endpoint.equals("status")) { // the spec decides /v2/status answers like info
            ok(ex, String.format(SESSION, infoWithConfig ? ",\"config\":{\"webhooks\":{},\"proxy\":null}" : ""));
        } else if (endpoint.equals("me")) {
            ok(ex, "{\"id\":\"201012345678@c.us\",\"pushName\":\"John Doe\"}");
        } else {
            error(ex, 400, "Not available in this stand-in");
        }
    }

    private static void ok(HttpExchange ex, String body) throws IOException {
        send(ex, 200, body);
    }

    private static void error(HttpExchange ex, int status, String text) throws IOException {
        send(ex, status, "{\"success\":false,\"error\":{\"code\":" + status + ",\"text\":\"" + text + "\"}}");
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
