package dev.wawpkit.mock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wawpkit.mock.SessionStatus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a mock's sessions and token quotas in a JSON file across restarts of the standalone mock.
 *
 * <p>Writes are atomic: a temporary file beside the target, then a rename, so a crash leaves the
 * old file or the new one, never half of one. A file that cannot be read is an error that stops
 * start-up; it is never silently replaced. The file holds tokens in clear (it must, to give
 * sessions back to their owners), so it is created readable by its owner only.
 */
final class StateFile {
    static final int VERSION = 1;

    private final Path path;

    StateFile(Path path) {
        this.path = path.toAbsolutePath();
    }

    Path path() {
        return path;
    }

    /** Reads the file into the store and tokens; does nothing when it does not exist yet. */
    void load(SessionStore store, TokenRegistry tokens) {
        if (!Files.exists(path)) {
            return;
        }
        JsonNode root;
        try {
            root = Renderer.JSON.readTree(path.toFile());
        } catch (IOException e) {
            throw corrupt("it is not valid JSON (" + e.getClass().getSimpleName() + ")");
        }
        if (root == null || !root.isObject() || root.path("version").asInt() != VERSION) {
            throw corrupt("expected a JSON object with \"version\": " + VERSION);
        }
        try {
            for (JsonNode t : array(root, "tokens")) {
                TokenRegistry.Account a = tokens.put(text(t, "access_token"),
                        t.get("quota").isNull() ? TokenRegistry.UNLIMITED : t.get("quota").intValue());
                a.used.set(t.path("used").asInt());
            }
            for (JsonNode s : array(root, "sessions")) {
                List<URI> hooks = new ArrayList<>();
                for (JsonNode u : array(s, "webhooks")) {
                    hooks.add(URI.create(u.asText()));
                }
                Session session = new Session(text(s, "instance_id"), text(s, "session_name"), text(s, "access_token"),
                        Instant.parse(text(s, "created_at")), SessionStatus.valueOf(text(s, "status")),
                        s.path("logged_in").asBoolean(), store.rules(), store.events());
                if (!hooks.isEmpty()) {
                    session.webhooks(hooks, s.path("webhook_secret").isTextual() ? s.get("webhook_secret").asText() : null);
                }
                store.restore(session);
            }
        } catch (RuntimeException e) {
            throw corrupt(e.getMessage());
        }
    }

    /** Writes the store and tokens atomically. */
    void save(SessionStore store, TokenRegistry tokens) {
        ObjectNode root = Renderer.JSON.createObjectNode().put("version", VERSION);
        ArrayNode ts = root.putArray("tokens");
        tokens.all().forEach((token, a) -> {
            ObjectNode t = ts.addObject().put("access_token", token);
            if (a.quota == TokenRegistry.UNLIMITED) {
                t.putNull("quota");
            } else {
                t.put("quota", a.quota);
            }
            t.put("used", a.used.get());
        });
        ArrayNode ss = root.putArray("sessions");
        for (Session s : store.all()) {
            Session.Snapshot snap = s.read();
            ObjectNode n = ss.addObject().put("instance_id", s.instanceId).put("session_name", s.name)
                    .put("access_token", s.token).put("status", snap.status().name())
                    .put("logged_in", snap.loggedIn()).put("created_at", s.createdAt.toString());
            ArrayNode hooks = n.putArray("webhooks");
            s.webhookUrls().forEach(u -> hooks.add(u.toString()));
            if (s.webhookSecret() != null) {
                n.put("webhook_secret", s.webhookSecret());
            }
        }
        try {
            Path dir = path.getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, path.getFileName().toString(), ".tmp");
            try {
                ownerOnly(tmp);
                Renderer.JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), root);
                try {
                    Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the state file " + path + ": " + e.getMessage(), e);
        }
    }

    private static void ownerOnly(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: the default permissions stay
        }
    }

    private IllegalStateException corrupt(String why) {
        return new IllegalStateException("The state file " + path + " cannot be read: " + why
                + ". Fix it, move it away, or start without --state-file; it was left untouched.");
    }

    private static Iterable<JsonNode> array(JsonNode n, String field) {
        JsonNode a = n.get(field);
        if (a == null || !a.isArray()) {
            throw new IllegalArgumentException("\"" + field + "\" must be an array");
        }
        return a;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("\"" + field + "\" must be a string");
        }
        return v.asText();
    }
}
