package dev.wawpkit.mock.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.wawpkit.mock.Endpoint;
import dev.wawpkit.mock.Format;
import dev.wawpkit.mock.SessionStatus;
import dev.wawpkit.mock.WawpMockException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Serves the dashboard at {@code /__admin/wawp/ui}: a page and its script and style from the jar,
 * and {@code model.json}, the facts its forms offer (the state table's moves, the documented fault
 * variants) written from {@link Transitions} and {@link ErrorVariants} so the page holds no copy.
 *
 * <p>None of these hold data, so the admin gate lets them load without the admin token; the page
 * then reads everything through the control API, which needs it.
 */
final class Dashboard {
    /** The files the page is made of: name under {@code ui/} to its content type. */
    private static final Map<String, String> ASSETS = Map.of(
            "index.html", "text/html; charset=utf-8",
            "dashboard.js", "text/javascript; charset=utf-8",
            "dashboard.css", "text/css; charset=utf-8");
    /** The page may load only its own files and the QR code's data URL, and never inside a frame. */
    static final String CSP = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'";

    private Dashboard() {}

    /** Answers {@code GET /__admin/wawp/ui}. */
    static ResponseDefinition page() {
        return asset("index.html");
    }

    /** Answers {@code GET /__admin/wawp/ui/{name}}: a file of the page, or {@code model.json}. */
    static ResponseDefinition asset(String name) {
        if ("model.json".equals(name)) {
            try {
                return answer("application/json", ControlModel.MAPPER.writeValueAsBytes(model()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        String type = ASSETS.get(name);
        if (type == null) {
            throw new WawpMockException(
                    404,
                    "no_such_asset",
                    "Expected one of the dashboard's files "
                            + new TreeSet<>(ASSETS.keySet()) + " or model.json, but got '"
                            + (name.length() > 40 ? name.substring(0, 40) + "..." : name)
                            + "'. Open the dashboard at /__admin/wawp/ui.");
        }
        try (InputStream in = Dashboard.class.getResourceAsStream("ui/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks dashboard file ui/" + name);
            }
            return answer(type, in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ResponseDefinition answer(String type, byte[] body) {
        return ResponseDefinitionBuilder.responseDefinition()
                .withStatus(200)
                .withHeader("Content-Type", type)
                .withHeader("Content-Security-Policy", CSP)
                .withHeader("X-Frame-Options", "DENY")
                .withHeader("X-Content-Type-Options", "nosniff")
                .withHeader("Referrer-Policy", "no-referrer")
                .withHeader("Cache-Control", "no-store")
                .withBody(body)
                .build();
    }

    /** What the page's forms may offer. */
    record ModelJson(
            Map<SessionStatus, List<MoveJson>> moves, List<EndpointJson> endpoints, List<String> socketFaults) {}

    /** One allowed move: its target status and the event of the state table it stands for. */
    record MoveJson(SessionStatus to, String label) {}

    /** One endpoint and its documented error statuses, each with its documented formats. */
    record EndpointJson(String key, boolean takesSession, Map<Integer, List<String>> statuses) {}

    static ModelJson model() {
        Map<SessionStatus, List<MoveJson>> moves = new LinkedHashMap<>();
        for (SessionStatus from : SessionStatus.values()) {
            List<MoveJson> list = new ArrayList<>();
            for (SessionStatus to : Transitions.targetsFrom(from)) {
                String label = label(from, to);
                if (label != null) {
                    list.add(new MoveJson(to, label));
                }
            }
            moves.put(from, list);
        }
        List<EndpointJson> endpoints = new ArrayList<>();
        for (Endpoint e : Endpoint.values()) {
            Map<Integer, List<String>> statuses = new LinkedHashMap<>();
            ErrorVariants.statusesFor(e).stream()
                    .sorted()
                    .forEach(status -> statuses.put(
                            status,
                            ErrorVariants.formatsFor(e, status).stream()
                                    .sorted()
                                    .map(Format::key)
                                    .toList()));
            endpoints.add(new EndpointJson(e.key(), e != Endpoint.CREATE, statuses));
        }
        return new ModelJson(moves, endpoints, List.of("CONNECTION_RESET", "EMPTY_RESPONSE"));
    }

    /** Names the event of the state table (spec section 4) a move stands for; null for a no-op. */
    private static String label(SessionStatus from, SessionStatus to) {
        return switch (to) {
            case STOPPED -> from == SessionStatus.STOPPED ? null : "stop";
            case STARTING -> from == SessionStatus.STOPPED ? "start" : "restart";
            case SCAN_QR_CODE ->
                switch (from) {
                    case STARTING -> "boot without a login (ask for a QR)";
                    case SCAN_QR_CODE -> "rotate the QR";
                    default -> "logout";
                };
            case WORKING ->
                switch (from) {
                    case SCAN_QR_CODE -> "scan the QR";
                    case STARTING -> "boot with a saved login";
                    default -> "work";
                };
            case FAILED ->
                switch (from) {
                    case SCAN_QR_CODE -> "QR expiry (fail)";
                    case STARTING -> "crash (fail)";
                    default -> "lose the login (fail)";
                };
        };
    }
}
