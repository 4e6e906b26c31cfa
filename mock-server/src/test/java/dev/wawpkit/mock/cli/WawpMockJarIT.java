package dev.wawpkit.mock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged jar as the README does, follows the README's walkthrough against it, and
 * stops it as Ctrl-C would.
 */
@Timeout(60)
class WawpMockJarIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private Process process;

    @AfterEach
    void kill() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    @Test
    void theJarServesTheReadmeWalkthroughAndStopsCleanly() throws Exception {
        Path jar = Path.of(System.getProperty("wawp.mock.jar", "target/wawp-mock-server.jar"));
        assertThat(jar).exists();
        Path log = Files.createTempFile("wawp-mock", ".log");
        process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        jar.toString(),
                        "--port",
                        "0",
                        "--boot-delay",
                        "300ms")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        String banner = awaitLines(log, 5);
        Matcher m = Pattern.compile("Wawp mock listening on (http://127\\.0\\.0\\.1:\\d+) \\(Ctrl-C to stop\\)")
                .matcher(banner);
        assertThat(m.find()).as("banner: %s", banner).isTrue();
        URI base = URI.create(m.group(1));
        assertThat(banner).contains("wawp-dev-token", "/__admin/wawp/sessions");
        assertThat(banner).contains("  dashboard: " + base + "/__admin/wawp/ui");
        HttpResponse<String> page = HTTP.send(
                HttpRequest.newBuilder(base.resolve("/__admin/wawp/ui")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode())
                .as("the dashboard, from the jar's resources")
                .isEqualTo(200);
        assertThat(page.body()).contains("<title>Wawp mock dashboard</title>");

        String token = "wawp-dev-token";
        JsonNode created = post(base, "/v2/session/create?access_token=" + token);
        String id = created.get("instance_id").asText();
        assertThat(created.get("status").asText()).isEqualTo("STOPPED");
        assertThat(post(base, "/v2/session/start?instance_id=" + id + "&access_token=" + token)
                        .get("status")
                        .asText())
                .isEqualTo("STARTING");
        Thread.sleep(400);
        assertThat(post(base, "/v2/session/info?instance_id=" + id + "&access_token=" + token)
                        .get("status")
                        .asText())
                .isEqualTo("SCAN_QR_CODE");
        HttpResponse<String> scanned = HTTP.send(
                HttpRequest.newBuilder(base.resolve("/__admin/wawp/sessions/" + id + "/status"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"status\": \"WORKING\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(scanned.statusCode()).isEqualTo(200);
        assertThat(post(base, "/v2/session/info?instance_id=" + id + "&access_token=" + token)
                        .get("status")
                        .asText())
                .isEqualTo("WORKING");

        process.destroy(); // SIGTERM, as Ctrl-C sends SIGINT: both run the shutdown hook
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(log)).contains("Wawp mock stopped.").doesNotContain("Exception");
        Files.delete(log);
    }

    @Test
    void theReadmeStartCommandUsesTheClassDataArchiveTheBuildRecorded() throws Exception {
        Path jar = Path.of(System.getProperty("wawp.mock.jar", "target/wawp-mock-server.jar"));
        Path archive = jar.resolveSibling("wawp-mock-server.jsa");
        assertThat(archive).as("the archive the package phase records").exists();
        Path log = Files.createTempFile("wawp-cds", ".log");
        // -Xshare:on makes the JVM refuse to start when the archive cannot be used
        process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:SharedArchiveFile=" + archive,
                        "-Xshare:on",
                        "-XX:+UseSerialGC",
                        "-Xmx160m",
                        "-jar",
                        jar.toString(),
                        "--port",
                        "0")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Matcher m =
                Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)").matcher(awaitLines(log, 4));
        assertThat(m.find()).as(Files.readString(log)).isTrue();

        assertThat(post(URI.create(m.group(1)), "/v2/session/create?access_token=wawp-dev-token")
                        .get("status")
                        .asText())
                .isEqualTo("STOPPED");
        assertThat(Files.readString(log))
                .as("the JVM's own warnings about the archive")
                .doesNotContainIgnoringCase("sharing");
        Files.delete(log);
    }

    @Test
    @Timeout(180)
    void aCopiedJarStartsWithoutTheArchiveAndARecordedOneFitsIt() throws Exception {
        Path jar = Path.of(System.getProperty("wawp.mock.jar", "target/wawp-mock-server.jar"));
        Path archive = jar.resolveSibling("wawp-mock-server.jsa");
        Path dir = Files.createTempDirectory("wawp-copied");
        Path copy = Files.copy(jar, dir.resolve("wawp-mock-server.jar"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        // The README's start command, the jar elsewhere: the JVM warns and starts without the archive.
        Path log = dir.resolve("stale.log");
        process = new ProcessBuilder(
                        java,
                        "-XX:SharedArchiveFile=" + archive,
                        "-XX:+UseSerialGC",
                        "-Xmx160m",
                        "-jar",
                        copy.toString(),
                        "--port",
                        "0")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Matcher m =
                Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)").matcher(awaitLines(log, 4));
        assertThat(m.find()).as(Files.readString(log)).isTrue();
        assertThat(post(URI.create(m.group(1)), "/v2/session/create?access_token=wawp-dev-token")
                        .get("status")
                        .asText())
                .isEqualTo("STOPPED");
        assertThat(Files.readString(log)).contains("Unable to use shared archive");
        process.destroy();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();

        // The README's fix: start the copy once from its folder with -XX:ArchiveClassesAtExit, make a call,
        // stop it as Ctrl-C would; the JVM writes the archive as it exits. -Xshare:on then refuses to start
        // unless the archive fits.
        String record =
                "java -XX:ArchiveClassesAtExit=wawp-mock-server.jsa -XX:+UseSerialGC -Xmx160m -jar wawp-mock-server.jar";
        assertThat(Files.readString(Path.of("../README.md")).replaceAll("\\s+", " "))
                .contains("`" + record + "`");
        List<String> recording = new ArrayList<>(List.of(record.split(" ")));
        recording.set(0, java);
        recording.addAll(List.of("--port", "0"));
        Path training = dir.resolve("training.log");
        process = new ProcessBuilder(recording)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(training.toFile())
                .start();
        Matcher recorded =
                Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)").matcher(awaitLines(training, 4));
        assertThat(recorded.find()).as(Files.readString(training)).isTrue();
        post(URI.create(recorded.group(1)), "/v2/session/create?access_token=wawp-dev-token");
        process.destroy();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(dir.resolve("wawp-mock-server.jsa"))
                .as(Files.readString(training))
                .isNotEmptyFile();
        Path fresh = dir.resolve("fresh.log");
        process = new ProcessBuilder(
                        java,
                        "-XX:SharedArchiveFile=wawp-mock-server.jsa",
                        "-Xshare:on",
                        "-XX:+UseSerialGC",
                        "-Xmx160m",
                        "-jar",
                        "wawp-mock-server.jar",
                        "--port",
                        "0")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(fresh.toFile())
                .start();
        Matcher again =
                Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)").matcher(awaitLines(fresh, 4));
        assertThat(again.find()).as(Files.readString(fresh)).isTrue();
        assertThat(Files.readString(fresh)).doesNotContain("Unable to use shared archive");
    }

    @Test
    void theReadmesHealthProbeWaitsForTheJar() throws Exception {
        Optional<Path> curl = Stream.of(System.getenv("PATH").split(File.pathSeparator))
                .map(d -> Path.of(d, "curl"))
                .filter(Files::isExecutable)
                .findFirst();
        if (curl.isEmpty()) {
            String why = "curl is not installed: the README's health probe (curl --retry-connrefused ...) is not run.";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(why + " Install it in .ci/run (apt-get install -y curl).");
            }
            Assumptions.abort(why);
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        // The README's line, pointed at this test's port; started before the mock, so it has to retry.
        Process probe = new ProcessBuilder(
                        curl.get().toString(),
                        "--retry-connrefused",
                        "--retry",
                        "30",
                        "--retry-delay",
                        "1",
                        "-sf",
                        "http://127.0.0.1:" + port + "/__admin/health")
                .redirectErrorStream(true)
                .start();
        Path jar = Path.of(System.getProperty("wawp.mock.jar", "target/wawp-mock-server.jar"));
        Path log = Files.createTempFile("wawp-probe", ".log");
        process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        jar.toString(),
                        "--port",
                        String.valueOf(port))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();

        assertThat(probe.waitFor(50, TimeUnit.SECONDS)).isTrue();
        String answer = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.exitValue()).as(answer).isZero();
        assertThat(JSON.readTree(answer).get("status").asText()).isEqualTo("healthy");
        Files.delete(log);
    }

    @Test
    void aStateFileSurvivesARestartOfTheStandaloneMock() throws Exception {
        Path jar = Path.of(System.getProperty("wawp.mock.jar", "target/wawp-mock-server.jar"));
        Path dir = Files.createTempDirectory("wawp-state");
        Path state = dir.resolve("state.json");
        URI base = startJar(jar, dir.resolve("first.log"), "--state-file", state.toString(), "--boot-delay", "manual");
        String id = post(base, "/v2/session/create?access_token=wawp-dev-token")
                .get("instance_id")
                .asText();
        post(base, "/v2/session/start?instance_id=" + id + "&access_token=wawp-dev-token");
        process.destroy();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();

        URI again =
                startJar(jar, dir.resolve("second.log"), "--state-file", state.toString(), "--boot-delay", "manual");

        assertThat(post(again, "/v2/session/info?instance_id=" + id + "&access_token=wawp-dev-token")
                        .get("status")
                        .asText())
                .isEqualTo("STARTING");
    }

    @Test
    void aKillMidWriteNeverLeavesMoreSessionsThanQuota(@TempDir Path dir) throws Exception {
        Path jar = Path.of(System.getProperty("wawp.mock.jar", "target/wawp-mock-server.jar"));
        Path state = dir.resolve("state.json");
        int quota = 300;
        URI base = startJar(
                jar,
                dir.resolve("first.log"),
                "--state-file",
                state.toString(),
                "--quota",
                Integer.toString(quota),
                "--boot-delay",
                "manual");
        List<CompletableFuture<HttpResponse<Void>>> inFlight = new ArrayList<>();
        for (int i = 0; i < quota + 100; i++) {
            inFlight.add(HTTP.sendAsync(
                    HttpRequest.newBuilder(base.resolve("/v2/session/create?access_token=wawp-dev-token"))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.discarding()));
            if (i == quota / 2) {
                Thread.sleep(250); // let a periodic write start while creates keep coming
            }
        }
        process.destroyForcibly(); // kill -9, whatever it is writing
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();

        URI again = startJar(
                jar,
                dir.resolve("second.log"),
                "--state-file",
                state.toString(),
                "--quota",
                Integer.toString(quota),
                "--boot-delay",
                "manual");

        JsonNode sessions = JSON.readTree(HTTP.send(
                                HttpRequest.newBuilder(again.resolve("/__admin/wawp/sessions"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body())
                .get("sessions");
        JsonNode token = JSON.readTree(HTTP.send(
                                HttpRequest.newBuilder(again.resolve("/__admin/wawp/tokens"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body())
                .get("tokens")
                .get(0);
        assertThat(sessions.size()).as("sessions kept").isLessThanOrEqualTo(quota);
        assertThat(token.get("used").asInt())
                .as("creates the quota counts as used")
                .isGreaterThanOrEqualTo(sessions.size());
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
        inFlight.forEach(f -> f.cancel(true));
    }

    @Test
    void theJarsOutputNeverShowsAFullToken() throws Exception {
        Path jar = Path.of(System.getProperty("wawp.mock.jar", "target/wawp-mock-server.jar"));
        Path log = Files.createTempFile("wawp-secrets", ".log");
        String token = "sk-live-9b8a7c6d5e4f3210";
        String admin = "adm-live-0123456789ab";
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "--port",
                "0");
        ProcessBuilder pb =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("WAWP_MOCK_TOKENS", token);
        pb.environment().put("WAWP_MOCK_ADMIN_TOKEN", admin);
        process = pb.start();
        Matcher m =
                Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)").matcher(awaitLines(log, 5));
        assertThat(m.find()).isTrue();
        URI base = URI.create(m.group(1));
        post(base, "/v2/session/create?access_token=" + token);
        HTTP.send(
                HttpRequest.newBuilder(base.resolve("/v2/session/strat?access_token=" + token))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        // after a WireMock reset and with a user stub that does not match, WireMock used to print its
        // "Request was not matched" table with the full token
        for (String route : List.of("/__admin/reset", "/__admin/mappings")) {
            HTTP.send(
                    HttpRequest.newBuilder(base.resolve(route))
                            .header("X-Wawp-Admin-Token", admin)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    route.endsWith("mappings")
                                            ? "{\"request\": {\"url\": \"/custom\"}, \"response\": {\"status\": 204}}"
                                            : ""))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        HTTP.send(
                HttpRequest.newBuilder(
                                base.resolve("/v2/session/info?instance_id=000000000000&access%5Ftoken=" + token))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        process.destroy();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();

        String output = Files.readString(log);
        assertThat(output).contains("sk-l...", "adm-...").doesNotContain(token).doesNotContain(admin);
        Files.delete(log);
    }

    private URI startJar(Path jar, Path log, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "--port",
                "0"));
        command.addAll(List.of(args));
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Matcher m =
                Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)").matcher(awaitLines(log, 4));
        assertThat(m.find()).isTrue();
        return URI.create(m.group(1));
    }

    @Test
    void aBadFlagExitsTwoWithOneLine() throws Exception {
        Path jar = Path.of(System.getProperty("wawp.mock.jar", "target/wawp-mock-server.jar"));
        process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        jar.toString(),
                        "--port",
                        "eighty")
                .redirectErrorStream(true)
                .start();

        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output.strip().lines()).hasSize(1);
        assertThat(output).startsWith("wawp-mock-server: Invalid value for option '--port'");
        assertThat(Files.exists(jar)).isTrue();
    }

    @Test
    void theJarsCarryTheBuildVersionAModuleNameSourcesAndJavadoc() throws Exception {
        Path jar = Path.of(System.getProperty("wawp.mock.jar", "target/wawp-mock-server.jar"));
        String version = System.getProperty("wawp.version");
        process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        jar.toString(),
                        "--version")
                .redirectErrorStream(true)
                .start();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).isZero();
        assertThat(output.strip()).isEqualTo("wawp-mock-server " + version);

        for (Path built : List.of(jar, jar.resolveSibling("wawp-mock-server-" + version + ".jar"))) {
            try (JarFile file = new JarFile(built.toFile())) {
                Attributes main = file.getManifest().getMainAttributes();
                assertThat(main.getValue("Automatic-Module-Name"))
                        .as(built.toString())
                        .isEqualTo("dev.wawpkit.mock");
                assertThat(main.getValue("Implementation-Version"))
                        .as(built.toString())
                        .isEqualTo(version);
            }
        }
        assertThat(jar.resolveSibling("wawp-mock-server-" + version + "-sources.jar"))
                .isNotEmptyFile();
        assertThat(jar.resolveSibling("wawp-mock-server-" + version + "-javadoc.jar"))
                .isNotEmptyFile();
    }

    /** Waits until the log has n lines, and returns them. */
    private static String awaitLines(Path log, int n) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String text = "";
        while (System.nanoTime() < end) {
            text = Files.readString(log);
            if (text.lines().count() >= n) {
                return text;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("Expecting the jar to print " + n + " lines within 30 s, but it printed:\n  " + text);
    }

    private static JsonNode post(URI base, String path) throws Exception {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(base.resolve(path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }
}
