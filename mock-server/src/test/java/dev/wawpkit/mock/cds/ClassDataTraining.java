package dev.wawpkit.mock.cds;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Records the mock's class-data archive, a build step of its own: starts the packaged jar exactly as
 * users do (alone on the class path, with the README's JVM options) plus
 * {@code -XX:ArchiveClassesAtExit}, makes one call of each kind over HTTP, and stops it as Ctrl-C
 * would, so the JVM writes the archive as it exits.
 *
 * <p>{@code mock-server/pom.xml} runs it at package time; {@code mock-server/Containerfile} runs it
 * inside the image, on the image's own JVM. Besides the JDK it needs only the jar's own Jackson, so any
 * Java 17 runtime runs it: {@code java -cp target/test-classes:target/wawp-mock-server.jar
 * dev.wawpkit.mock.cds.ClassDataTraining target/wawp-mock-server.jar target/wawp-mock-server.jsa}
 * (the mock itself runs in a JVM of its own, with the jar alone on its class path). It prints nothing
 * when the archive is written; otherwise one line and the jar's output, and exits 1.
 */
public final class ClassDataTraining {
    /** The JVM options of the README's start command and the image's entry point; the archive fits them. */
    static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xmx160m");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "wawp-dev-token";
    private static final Pattern BANNER = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");
    private static final Duration START_LIMIT = Duration.ofSeconds(90);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private URI base;

    private ClassDataTraining() {}

    /** Records the archive of the jar given first into the path given second. */
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("class-data training: expected arguments JAR ARCHIVE, but got " + List.of(args)
                    + ". Run: java -cp target/test-classes:target/wawp-mock-server.jar "
                    + ClassDataTraining.class.getName()
                    + " target/wawp-mock-server.jar target/wawp-mock-server.jsa");
            System.exit(2);
        }
        Path jar = Path.of(args[0]).toAbsolutePath();
        Path archive = Path.of(args[1]).toAbsolutePath();
        Path log = Files.createTempFile("wawp-cds-training", ".log");
        try {
            new ClassDataTraining().record(jar, archive, log);
            Files.delete(log);
        } catch (TrainingFailed e) {
            System.err.println("class-data training: " + e.getMessage() + " The jar's output (" + log + "):");
            System.err.println(Files.readString(log));
            System.exit(1);
        }
    }

    private void record(Path jar, Path archive, Path log) throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new TrainingFailed("Expected the packaged jar at " + jar + ", but there is none: package it first.");
        }
        Files.deleteIfExists(archive); // a stale one must not pass for a fresh one
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:ArchiveClassesAtExit=" + archive);
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-jar", jar.toString(), "--port", "0", "--boot-delay", "100ms"));
        Process mock = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            base = URI.create(awaitBanner(mock, log));
            drive();
        } finally {
            mock.destroy(); // SIGTERM: the shutdown hook stops the server, then the JVM dumps the archive
            if (!mock.waitFor(START_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                mock.destroyForcibly();
                throw new TrainingFailed("Expected the jar to exit within " + START_LIMIT.toSeconds()
                        + " s of SIGTERM, but it still runs; it was killed.");
            }
        }
        if (!Files.isRegularFile(archive) || Files.size(archive) == 0) {
            throw new TrainingFailed("Expected the JVM to write " + archive + " as it exited, but it did not"
                    + " (exit code " + mock.exitValue() + ").");
        }
    }

    /** One call of each kind a user makes first: the API, its errors, faults, and the control API. */
    private void drive() throws Exception {
        String auth = "access_token=" + TOKEN;
        String id = JSON.readTree(expect(200, "POST", "/v2/session/create?" + auth, null, null))
                .path("instance_id")
                .asText();
        String session = "instance_id=" + id + "&" + auth;
        expect(200, "POST", "/v2/session/start?" + session, null, null);
        long end = System.nanoTime() + START_LIMIT.toNanos();
        while (!call("GET", "/v2/session/info?" + session, null, null).body().contains("SCAN_QR_CODE")) {
            if (System.nanoTime() > end) {
                throw new TrainingFailed(
                        "Expected the session to reach SCAN_QR_CODE after its boot delay, but it did not.");
            }
            Thread.sleep(50);
        }
        expect(200, "GET", "/v2/auth/qr-image?" + session, null, null);
        expect(200, "POST", "/v2/auth/qr?" + session, null, null);
        expect(
                200,
                "POST",
                "/__admin/wawp/sessions/" + id + "/status",
                null,
                JSON.createObjectNode().put("status", "WORKING"));
        expect(200, "GET", "/v2/session/me?" + session, null, null);
        expect(400, "GET", "/v2/session/info?" + auth, "application/xml", null);
        expect(400, "GET", "/v2/session/info?" + auth, "text/plain", null);
        expect(401, "POST", "/v2/session/start?instance_id=" + id + "&access_token=not-a-known-token", null, null);
        expect(404, "POST", "/v2/session/info?instance_id=000000000000&" + auth, null, null);
        expect(
                201,
                "POST",
                "/__admin/wawp/faults",
                null,
                JSON.createObjectNode()
                        .put("endpoint", "info")
                        .put("status", 502)
                        .put("format", "xml"));
        expect(502, "GET", "/v2/session/info?" + session, null, null);
        expect(404, "GET", "/v2/session/nope?" + auth, null, null);
        expect(200, "POST", "/v2/session/stop?" + session, null, null);
        expect(200, "POST", "/v2/session/restart?" + session, null, null);
        expect(200, "POST", "/v2/session/logout?" + session, null, null);
        expect(200, "DELETE", "/v2/session/delete?" + session, null, null);
        expect(200, "GET", "/__admin/wawp/sessions", null, null);
        expect(200, "GET", "/__admin/wawp/requests", null, null);
        expect(200, "GET", "/__admin/wawp/ui", null, null);
    }

    /** Makes the call and returns the body; any other status than the expected one stops the training. */
    private String expect(int status, String method, String target, String accept, Object json) throws Exception {
        HttpResponse<String> r = call(method, target, accept, json);
        if (r.statusCode() != status) {
            throw new TrainingFailed("Expected " + status + " from " + method + " " + target + ", but got "
                    + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private HttpResponse<String> call(String method, String target, String accept, Object json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(target)).timeout(Duration.ofSeconds(30));
        if (accept != null) {
            b.header("Accept", accept);
        }
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(
                method,
                json == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(json)));
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TrainingFailed("Expected an answer to " + method + " " + target + ", but the call failed: " + e);
        }
    }

    private static String awaitBanner(Process mock, Path log) throws Exception {
        long end = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < end) {
            Matcher m = BANNER.matcher(Files.readString(log));
            if (m.find()) {
                return m.group(1);
            }
            if (!mock.isAlive()) {
                throw new TrainingFailed("Expected the jar to start, but it exited with " + mock.exitValue() + ".");
            }
            Thread.sleep(50);
        }
        throw new TrainingFailed("Expected the jar to print 'listening on ...' within " + START_LIMIT.toSeconds()
                + " s, but it did not.");
    }

    /** Why no archive was written; main prints it as one line. */
    private static final class TrainingFailed extends Exception {
        private static final long serialVersionUID = 1L;

        TrainingFailed(String message) {
            super(message, null, false, false);
        }
    }
}
