package dev.wawpkit.mock.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The image the README's command builds, run with podman as {@code docker run -p ... -e ...} would:
 * the API and the control API through a published loopback port, the health check, the non-root
 * user, the state volume, and the refusal to start with an open control API.
 */
@Timeout(600)
class ContainerImageTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String ADMIN = "image-test-admin-token";
    private static final String TOKEN = "image-test-token";

    private final List<String> containers = new ArrayList<>();
    private final List<String> volumes = new ArrayList<>();

    @BeforeAll
    static void buildImage() {
        Podman.image();
    }

    @AfterEach
    void removeContainers() {
        containers.forEach(name -> Podman.run(60, "podman", "rm", "-f", "-v", "-t", "2", name));
        volumes.forEach(name -> Podman.run(60, "podman", "volume", "rm", "-f", name));
    }

    @Test
    void servesTheApiAndTheLockedControlApiThroughAPublishedPort() throws Exception {
        String volume = "wawp-image-test-" + UUID.randomUUID();
        volumes.add(volume);
        String name = runDetached("-v", volume + ":/data");
        URI base = publishedUrl(name);
        long started = System.nanoTime();
        awaitHealthy(base);
        // into a file of the test's own, not the build's output: a quiet build prints nothing
        Files.writeString(
                Path.of("target", "image-test-timing.txt"),
                name
                        + " answered its health probe "
                        + Duration.ofNanos(System.nanoTime() - started).toMillis()
                        + " ms after podman run returned\n");

        // given a session created and started through the published port
        JsonNode created = call(base, "POST", "/v2/session/create?access_token=" + TOKEN, null, 200);
        String id = created.get("instance_id").asText();
        assertThat(created.get("status").asText()).isEqualTo("STOPPED");
        assertThat(call(base, "POST", "/v2/session/start?instance_id=" + id + "&access_token=" + TOKEN, null, 200)
                        .get("status")
                        .asText())
                .isEqualTo("STARTING");

        // when the boot delay passes, info shows the QR code
        JsonNode info = awaitStatus(base, id, "SCAN_QR_CODE");
        assertThat(info.get("qr").asText()).startsWith("data:image/png;base64,");

        // the control API answers only with the admin token
        assertThat(call(base, "POST", "/__admin/wawp/sessions/" + id + "/status", null, 401)
                        .get("error")
                        .asText())
                .isEqualTo("admin_token_required");
        call(base, "POST", "/__admin/wawp/sessions/" + id + "/status", ADMIN, 200);
        assertThat(call(base, "GET", "/v2/session/info?instance_id=" + id + "&access_token=" + TOKEN, null, 200)
                        .get("status")
                        .asText())
                .isEqualTo("WORKING");

        // the image's health check passes, and the mock runs as a non-root user
        assertThat(Podman.run(60, "podman", "healthcheck", "run", name).exit())
                .as("podman healthcheck run")
                .isZero();
        assertThat(Podman.run(30, "podman", "inspect", "--format", "{{.State.Health.Status}}", name)
                        .output()
                        .strip())
                .endsWith("healthy");
        assertThat(Podman.run(30, "podman", "exec", name, "id", "-u").output().strip())
                .isEqualTo("10001");

        // the session survives a restart, kept in the state file on the volume
        Thread.sleep(400); // the state file is written within 200 ms of a change
        assertThat(Podman.run(120, "podman", "restart", "-t", "10", name).exit())
                .isZero();
        URI again = publishedUrl(name);
        awaitHealthy(again);
        assertThat(call(again, "GET", "/v2/session/info?instance_id=" + id + "&access_token=" + TOKEN, null, 200)
                        .get("name")
                        .asText())
                .isEqualTo(created.get("session_name").asText());
    }

    @Test
    void refusesToStartWithoutAnAdminTokenUnlessTheControlApiIsDeclaredOpen() {
        Podman.Result refused = Podman.run(120, "podman", "run", "--rm", Podman.IMAGE);

        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.output())
                .contains("Refusing to listen on 0.0.0.0", "WAWP_MOCK_ADMIN_TOKEN", "WAWP_MOCK_OPEN_CONTROL_API=true");

        String open = "wawp-image-test-" + UUID.randomUUID();
        containers.add(open);
        assertThat(Podman.run(
                                120,
                                "podman",
                                "run",
                                "-d",
                                "--name",
                                open,
                                "-e",
                                "WAWP_MOCK_OPEN_CONTROL_API=true",
                                Podman.IMAGE)
                        .exit())
                .isZero();
        awaitLog(open, "WARNING: the control API is open");
    }

    /** Starts the image as the README's docker run does, published on an ephemeral loopback port. */
    private String runDetached(String... extra) {
        String name = "wawp-image-test-" + UUID.randomUUID();
        containers.add(name);
        List<String> command = new ArrayList<>(List.of(
                "podman",
                "run",
                "-d",
                "--name",
                name,
                "-p",
                "127.0.0.1::8080",
                "-e",
                "WAWP_MOCK_ADMIN_TOKEN=" + ADMIN,
                "-e",
                "WAWP_MOCK_TOKENS=" + TOKEN,
                "-e",
                "WAWP_MOCK_BOOT_DELAY=300ms"));
        command.addAll(List.of(extra));
        command.add(Podman.IMAGE);
        Podman.Result result = Podman.run(120, command.toArray(String[]::new));
        assertThat(result.exit()).as("podman run: %s", result.output()).isZero();
        return name;
    }

    private static URI publishedUrl(String name) {
        String port = Podman.run(30, "podman", "port", name, "8080").output().strip();
        assertThat(port).as("the published port").startsWith("127.0.0.1:");
        return URI.create("http://" + port.lines().findFirst().orElseThrow());
    }

    private static void awaitHealthy(URI base) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < end) {
            try {
                HttpResponse<String> r = HTTP.send(
                        HttpRequest.newBuilder(base.resolve("/__admin/health"))
                                .header("X-Wawp-Admin-Token", ADMIN)
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError(
                "Expecting the container at " + base + " to answer GET /__admin/health within 90 s, but it did not");
    }

    private static void awaitLog(String name, String text) {
        long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        String logs = "";
        while (System.nanoTime() < end) {
            logs = Podman.run(30, "podman", "logs", name).output();
            if (logs.contains(text)) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError(
                "Expecting the logs of " + name + " to contain:\n  " + text + "\nbut they were:\n  " + logs);
    }

    private static JsonNode awaitStatus(URI base, String id, String status) throws Exception {
        JsonNode info = null;
        for (int i = 0; i < 100; i++) {
            info = call(base, "GET", "/v2/session/info?instance_id=" + id + "&access_token=" + TOKEN, null, 200);
            if (status.equals(info.get("status").asText())) {
                return info;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(
                "Expecting session " + id + " to reach " + status + " within 10 s, but info was:\n  " + info);
    }

    private static JsonNode call(URI base, String method, String path, String adminToken, int expected)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json");
        if (adminToken != null) {
            b.header("X-Wawp-Admin-Token", adminToken);
        }
        String body = path.endsWith("/status") ? "{\"status\": \"WORKING\"}" : "";
        b.method(
                method,
                method.equals("GET") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode())
                .as("%s %s answered %s", method, path, r.body())
                .isEqualTo(expected);
        return JSON.readTree(r.body());
    }
}
