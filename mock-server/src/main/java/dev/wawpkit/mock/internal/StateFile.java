package dev.wawpkit.mock.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps a mock's sessions and token quotas in a JSON file across restarts of the standalone mock.
 *
 * <p>Writes are atomic: a temporary file beside the target, then a rename, so a crash leaves the
 * old file or the new one, never half of one; leftover temporary files are removed at start. A
 * symbolic link is followed (its target is written). Sessions are read before quotas, so a file
 * never holds more sessions than its quotas count as used. A file that cannot be read, or whose
 * content the control API would refuse, is an error that stops start-up; it is never silently
 * replaced. The file holds tokens in clear (it must, to give sessions back to their owners), so it
 * is created readable by its owner only.
 */
final class StateFile {
    static final int VERSION = 1;
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    /** The whole file. */
    record StateJson(int version, List<TokenJson> tokens, List<SessionJson> sessions) {}

    /** One token: its quota ({@code null}: no limit) and the creates it used. */
    record TokenJson(String accessToken, Integer quota, int used) {}

    /** One session as it is kept. */
    record SessionJson(
            String instanceId,
            String sessionName,
            String accessToken,
            SessionStatus status,
            boolean loggedIn,
            String createdAt,
            List<String> webhooks,
            String webhookSecret) {}

    private final Path path;

    StateFile(Path path) {
        this.path = path.toAbsolutePath();
    }

    Path path() {
        return path;
    }

    /** Returns the file to write: the target of a symbolic link, else the path itself. */
    private Path target() {
        try {
            return Files.isSymbolicLink(path) ? path.toRealPath() : path;
        } catch (IOException e) {
            // a dangling link: write where it points
            try {
                Path link = Files.readSymbolicLink(path);
                return path.resolveSibling(link).normalize();
            } catch (IOException unreadable) {
                return path;
            }
        }
    }

    /**
     * Checks the file's folder can be used, removes leftover temporary files, and reads the file into
     * the store and tokens; does nothing more when it does not exist yet.
     */
    void load(SessionStore store, TokenRegistry tokens, int maxSessions) {
        Path file = target();
        Path dir = file.getParent();
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            Files.delete(probe);
            try (var leftovers = Files.newDirectoryStream(dir, file.getFileName() + "*.tmp")) {
                for (Path leftover : leftovers) {
                    Files.deleteIfExists(leftover); // a crash mid-write left it; it may hold tokens
                }
            }
        } catch (IOException | SecurityException e) {
            throw new IllegalStateException("The state file's folder " + dir + " cannot be used ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + "). Pick a --state-file "
                    + "in a folder this user can create files in.");
        }
        if (!Files.exists(file)) {
            return;
        }
        StateJson state;
        try {
            state = MAPPER.readValue(file.toFile(), StateJson.class);
        } catch (IOException e) {
            throw corrupt("it is not a state file of this version (" + firstLine(e.getMessage()) + ")");
        }
        if (state == null || state.version() != VERSION || state.tokens() == null || state.sessions() == null) {
            throw corrupt("expected a JSON object with \"version\": " + VERSION + ", \"tokens\" and \"sessions\"");
        }
        if (state.sessions().size() > maxSessions) {
            throw corrupt("it holds " + state.sessions().size() + " sessions, more than --max-sessions " + maxSessions);
        }
        try {
            Map<String, Integer> owned = new HashMap<>();
            for (SessionJson s : state.sessions()) {
                owned.merge(validSession(s).accessToken(), 1, Integer::sum);
            }
            for (TokenJson t : state.tokens()) {
                requireToken(t.accessToken());
                if ((t.quota() != null && t.quota() < 0) || t.used() < 0) {
                    throw new IllegalArgumentException(
                            "token " + Secrets.mask(t.accessToken()) + " has a negative quota or use count");
                }
                TokenRegistry.Account a =
                        tokens.put(t.accessToken(), t.quota() == null ? TokenRegistry.UNLIMITED : t.quota());
                // never fewer creates used than sessions kept, whatever a crash left
                a.used.set(Math.max(t.used(), owned.getOrDefault(t.accessToken(), 0)));
            }
            for (SessionJson s : state.sessions()) {
                Session session = new Session(
                        s.instanceId(),
                        s.sessionName(),
                        s.accessToken(),
                        Instant.parse(s.createdAt()),
                        s.status(),
                        s.loggedIn(),
                        store.rules(),
                        store.events());
                List<URI> hooks = s.webhooks() == null
                        ? List.of()
                        : s.webhooks().stream().map(URI::create).toList();
                if (!hooks.isEmpty()) {
                    session.webhooks(hooks, s.webhookSecret());
                }
                store.restore(session);
            }
        } catch (RuntimeException e) {
            throw corrupt(e.getMessage());
        }
    }

    private static SessionJson validSession(SessionJson s) {
        if (s.instanceId() == null
                || !SessionStore.INSTANCE_ID.matcher(s.instanceId()).matches()) {
            throw new IllegalArgumentException(
                    "instance_id '" + shorten(s.instanceId()) + "' is not 12 letters or digits");
        }
        requireToken(s.accessToken());
        if (s.sessionName() == null
                || s.sessionName().isBlank()
                || s.sessionName().length() > 100) {
            throw new IllegalArgumentException("session " + s.instanceId() + " has no session_name");
        }
        if (s.status() == null || s.createdAt() == null) {
            throw new IllegalArgumentException("session " + s.instanceId() + " lacks a status or created_at");
        }
        Instant.parse(s.createdAt());
        if (s.webhooks() != null) {
            if (s.webhooks().size() > MockCore.MAX_WEBHOOK_URLS) {
                throw new IllegalArgumentException(
                        "session " + s.instanceId() + " has more than " + MockCore.MAX_WEBHOOK_URLS + " webhook URLs");
            }
            for (String u : s.webhooks()) {
                String problem = MockCore.webhookUrlProblem(URI.create(u));
                if (problem != null) {
                    throw new IllegalArgumentException("session " + s.instanceId() + " has webhook URL " + problem
                            + ", not an absolute http(s) URL of at most " + MockCore.MAX_WEBHOOK_URL_CHARS
                            + " characters");
                }
            }
        }
        return s;
    }

    private static void requireToken(String token) {
        if (token == null
                || token.isEmpty()
                || token.length() > 512
                || token.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new IllegalArgumentException("an access_token is missing or not 1 to 512 printable characters");
        }
    }

    private static String shorten(String s) {
        return s == null ? "null" : s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Writes the store and tokens atomically; sessions first, so quotas never count fewer. */
    void save(SessionStore store, TokenRegistry tokens) {
        List<SessionJson> sessions = new ArrayList<>();
        for (Session s : store.all()) {
            Session.Snapshot snap = s.read();
            List<String> hooks = s.webhookUrls().stream().map(URI::toString).toList();
            sessions.add(new SessionJson(
                    s.instanceId,
                    s.name,
                    s.token,
                    snap.status(),
                    snap.loggedIn(),
                    s.createdAt.toString(),
                    hooks,
                    s.webhookSecret()));
        }
        List<TokenJson> tokenList = new ArrayList<>();
        tokens.all()
                .forEach((token, a) -> tokenList.add(
                        new TokenJson(token, a.quota == TokenRegistry.UNLIMITED ? null : a.quota, a.used.get())));
        StateJson state = new StateJson(VERSION, tokenList, sessions);
        Path file = target();
        try {
            Path dir = file.getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try {
                ownerOnly(tmp);
                MAPPER.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), state);
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the state file " + file + ": " + e.getMessage(), e);
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
}
