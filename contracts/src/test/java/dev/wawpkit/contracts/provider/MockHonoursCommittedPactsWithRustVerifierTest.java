package dev.wawpkit.contracts.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wawpkit.contracts.NodeTools;
import dev.wawpkit.contracts.pact.PactDirs;
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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Verifies the standalone mock (its jar) against every committed pact with the Rust-core Pact verifier (npm
 * {@code @pact-foundation/pact-cli}, installed in {@code tools/}), as a provider team outside the
 * JVM would: with {@code --state-change-teardown}, without it (so every provider state must be
 * self-contained), and with {@code --state-change-as-query}.
 *
 * <p>Each run must pass, and its JSON report must list every interaction of the pacts as OK, so a
 * run that verified nothing cannot pass. Reports and output go to {@code target/rust-verifier/}.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class MockHonoursCommittedPactsWithRustVerifierTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path OUT = Path.of("target/rust-verifier").toAbsolutePath();
    /** The standalone mock, as a provider team runs it: the jar the mock-server module builds. */
    private static final Path JAR = Path.of("../mock-server/target/wawp-mock-server.jar");

    private static Process mock;
    private static URI base;

    @BeforeAll
    static void startMock() throws Exception {
        assertThat(JAR)
                .as("the standalone mock's jar; build it first with mvn -pl mock-server -am package")
                .exists();
        Files.createDirectories(OUT);
        Path log = OUT.resolve("mock.log");
        mock = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        JAR.toString(),
                        "--port",
                        "0",
                        "--boot-delay",
                        "manual")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Pattern listening = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (base == null && System.nanoTime() < end && mock.isAlive()) {
            Matcher m = listening.matcher(Files.readString(log));
            if (m.find()) {
                base = URI.create(m.group(1));
            } else {
                Thread.sleep(50);
            }
        }
        assertThat(base)
                .as("the standalone mock's banner within 60 s:%n%s", Files.readString(log))
                .isNotNull();
    }

    @AfterAll
    static void stopMock() throws InterruptedException {
        if (mock != null) {
            mock.destroy();
            mock.waitFor(20, TimeUnit.SECONDS);
        }
    }

    private static void reset() throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(base.resolve("/__admin/wawp/reset"))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @ParameterizedTest(name = "pact verifier {0}")
    @ValueSource(strings = {"--state-change-teardown", "without teardown", "--state-change-as-query"})
    void theRustVerifierPassesEveryCommittedInteraction(String mode) throws IOException, InterruptedException {
        Path verifier = NodeTools.require("pact-verifier");
        reset();
        String name = mode.replaceAll("[^a-z]+", "-").replaceAll("^-|-$", "");
        Path report = OUT.resolve(name + ".json");
        List<String> command = new ArrayList<>(List.of(
                verifier.toString(),
                "--dir",
                PactDirs.committed().toAbsolutePath().toString(),
                "--provider-name",
                "wawp-api",
                "--hostname",
                base.getHost(),
                "--port",
                String.valueOf(base.getPort()),
                "--state-change-url",
                base.resolve("/__admin/wawp/provider-states").toString(),
                "--no-colour",
                "--json",
                report.toString()));
        if (mode.startsWith("--")) {
            command.add(mode);
        }
        int interactions = PactDirs.interactions(PactDirs.committedPact()).size();

        NodeTools.Result result = NodeTools.run(OUT.resolve(name + ".txt"), Duration.ofSeconds(240), command);

        assertThat(result.exitCode())
                .as("pact verifier %s exit code; failures:%n%s", mode, failures(result.output()))
                .isZero();
        JsonNode results = JSON.readTree(report.toFile()).path("interactionResults");
        assertThat(results).as("interactions the verifier checked").hasSize(interactions);
        assertThat(results)
                .allSatisfy(r -> assertThat(r.path("result").asText())
                        .as(r.path("description").asText())
                        .isEqualTo("OK"));
    }

    @Test
    void theReadmeShowsTheCommandThisTestRuns() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));

        assertThat(readme)
                .contains("tools/node_modules/.bin/pact-verifier --dir contracts/pacts --provider-name wawp-api \\\n"
                        + "      --hostname 127.0.0.1 --port 8080 \\\n"
                        + "      --state-change-url http://127.0.0.1:8080/__admin/wawp/provider-states\n");
    }

    private static String failures(String output) {
        int at = output.indexOf("Failures:");
        return at < 0 ? output : output.substring(at);
    }
}
