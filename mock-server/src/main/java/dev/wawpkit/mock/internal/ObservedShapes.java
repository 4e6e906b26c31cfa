package dev.wawpkit.mock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wawpkit.mock.Endpoint;
import dev.wawpkit.mock.Format;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Answers with the shapes another server was observed to send, as the conformance suite captures them
 * ({@code --capture DIR}: one JSON file per behaviour with the request's path and Accept, the status, the
 * Content-Type and the body). For an endpoint, status and asked format it answers the observed error body in place
 * of its own decided one, and adds a success body's extra fields to its own. Only the rendering of an answer
 * changes: the state machine, which status a call gets, and every documented rule stay the mock's.
 *
 * <p>Loaded and checked once, when the mock is built; a file that does not fit is refused with its name. Immutable.
 */
final class ObservedShapes {
    static final ObservedShapes NONE = new ObservedShapes(Map.of());
    /** Media types a captured body may have: JSON, XML, HTML or text. */
    private static final Set<String> TYPES =
            Set.of("application/json", "application/xml", "text/xml", "text/html", "text/plain");
    /** Success fields that come and go with the session's status: never copied from a capture. */
    private static final Set<String> STATEFUL = Set.of("me", "qr", "status");

    private record Shape(String contentType, byte[] body, JsonNode json) {}

    private final Map<String, Shape> shapes;

    private ObservedShapes(Map<String, Shape> shapes) {
        this.shapes = shapes;
    }

    /**
     * Loads every {@code *.json} file of a capture directory.
     *
     * @throws IllegalArgumentException naming the directory or the file that does not fit, and why
     */
    static ObservedShapes load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("Expected a directory of captured answers for --observed, but " + dir
                    + " is not one: make one with the conformance suite's --capture DIR.");
        }
        Map<String, Shape> shapes = new HashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList()) {
                read(file, shapes);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "Could not read the captured answers in " + dir + ": " + e.getMessage(), e);
        }
        return new ObservedShapes(Map.copyOf(shapes));
    }

    private static void read(Path file, Map<String, Shape> shapes) throws IOException {
        JsonNode root;
        try {
            root = Renderer.JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw refuse(file, "a capture (JSON with request, status, headers and body)", "a file that is not JSON");
        }
        String path = root.path("request").path("path").asText();
        Endpoint endpoint = Stream.of(Endpoint.values())
                .filter(e -> e.path().equals(path))
                .findFirst()
                .orElseThrow(() -> refuse(
                        file, "request.path naming a Wawp endpoint such as /v2/session/start", "'" + path + "'"));
        int status = root.path("status").asInt();
        if (status != 200 && !ErrorVariants.statusesFor(endpoint).contains(status)) {
            throw refuse(
                    file,
                    "a status " + endpoint.key() + " documents (200 or " + ErrorVariants.statusesFor(endpoint) + ")",
                    String.valueOf(status));
        }
        String type = root.path("headers").path("Content-Type").asText("");
        String media = type.split(";")[0].trim().toLowerCase(Locale.ROOT);
        JsonNode body = root.path("body");
        boolean json = media.equals("application/json");
        if (!TYPES.contains(media) || (json ? !body.isContainerNode() : !body.isTextual())) {
            throw refuse(
                    file,
                    "a JSON, XML, HTML or text body",
                    "Content-Type '" + type + "' with a "
                            + body.getNodeType().name().toLowerCase(Locale.ROOT) + " body");
        }
        Format asked = Renderer.wanted(root.path("request").path("accept").asText(null))
                .get(0);
        byte[] bytes =
                json ? Renderer.JSON.writeValueAsBytes(body) : body.asText().getBytes(StandardCharsets.UTF_8);
        shapes.put(key(endpoint, status, asked), new Shape(type, bytes, json ? body : null));
    }

    private static IllegalArgumentException refuse(Path file, String expected, String got) {
        return new IllegalArgumentException("Expected " + expected + " in the captured answer " + file + ", but got "
                + got + ". Capture it again with the conformance suite's --capture, or remove the file.");
    }

    private static String key(Endpoint endpoint, int status, Format asked) {
        return endpoint.key() + " " + status + " " + asked;
    }

    /** Returns the reply in the observed shape for its endpoint, status and the format asked first; else unchanged. */
    Reply apply(Endpoint endpoint, List<Format> wanted, Reply reply) {
        Shape shape = shapes.isEmpty() || reply.socketFault() != null
                ? null
                : shapes.get(key(endpoint, reply.status(), wanted.get(0)));
        if (shape == null) {
            return reply;
        }
        if (reply.status() >= 400) {
            return new Reply(
                    reply.status(), shape.contentType(), shape.body(), reply.headers(), null, reply.delayMillis());
        }
        try {
            JsonNode own = Renderer.JSON.readTree(reply.body());
            if (!(own instanceof ObjectNode merged)
                    || shape.json() == null
                    || !shape.json().isObject()) {
                return reply;
            }
            shape.json().fields().forEachRemaining(f -> {
                if (!merged.has(f.getKey()) && !STATEFUL.contains(f.getKey())) {
                    merged.set(f.getKey(), f.getValue());
                }
            });
            return new Reply(
                    200,
                    reply.contentType(),
                    Renderer.JSON.writeValueAsBytes(merged),
                    reply.headers(),
                    null,
                    reply.delayMillis());
        } catch (IOException e) {
            return reply;
        }
    }
}
