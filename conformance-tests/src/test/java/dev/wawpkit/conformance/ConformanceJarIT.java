package dev.wawpkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Runs the packaged jar as a user would: java -jar target/wawp-conformance.jar ... */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ConformanceJarIT {
    static final Path JAR = Path.of(System.getProperty("wawp.conformance.jar", "target/wawp-conformance.jar"));
    static final Path WORK = Path.of(System.getProperty("wawp.it.dir", "target/it"));
    static final String JAVA =
            Path.of(System.getProperty("java.home"), "bin", "java").toString();

    record Result(int exit, String out, String err) {}

    /** Runs the jar with a clean environment (no WAWP_ variables) plus the given ones. */
    static Result runJar(Map<String, String> env, List<String> jvm, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(JAVA));
        command.addAll(jvm);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("WAWP_"));
        pb.environment().putAll(env);
        Path out = Files.createTempFile("conformance", ".out");
        Path err = Files.createTempFile("conformance", ".err");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(240, TimeUnit.SECONDS)).as("the jar finishes").isTrue();
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void theJarSaysTheBuildVersionAndCarriesAModuleName() throws Exception {
        String version = System.getProperty("wawp.version");

        Result result = runJar(Map.of(), List.of(), "--version");

        assertThat(result.exit()).isZero();
        assertThat(result.out().strip()).isEqualTo("wawp-conformance " + version);
        for (Path built : List.of(JAR, JAR.resolveSibling("wawp-conformance-tests-" + version + ".jar"))) {
            try (JarFile file = new JarFile(built.toFile())) {
                assertThat(file.getManifest().getMainAttributes().getValue("Automatic-Module-Name"))
                        .as(built.toString())
                        .isEqualTo("dev.wawpkit.conformance");
            }
        }
        assertThat(JAR.resolveSibling("wawp-conformance-tests-" + version + "-sources.jar"))
                .isNotEmptyFile();
        assertThat(JAR.resolveSibling("wawp-conformance-tests-" + version + "-javadoc.jar"))
                .isNotEmptyFile();
    }

    @Test
    void passesAgainstTheEmbeddedMock() throws Exception {
        Path dir = WORK.resolve("mock");

        Result r = runJar(Map.of(), List.of(), "--target", "mock", "--report-dir", dir.toString());

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.err())
                .as("stderr of a passing run (no SLF4J provider warning, no logging)")
                .isEmpty();
        assertThat(r.out())
                .startsWith("Wawp conformance: PASS against embedded Wawp mock at http://127.0.0.1:")
                .contains("158 behaviours: 158 pass, 0 fail, 0 differ, 0 skipped");
        assertThat(Files.readString(dir.resolve("report.md")))
                .contains("| `create-200` 200 Success - Session Created | 3 create |");
    }

    @Test
    void passesAgainstTheStandaloneMockStartedAsTheReadmeSays() throws Exception {
        Path mockJar = Path.of(System.getProperty("wawp.mock.jar", "../mock-server/target/wawp-mock-server.jar"));
        assumeTrue(Files.exists(mockJar), "build the mock first: mvn -pl conformance-tests -am verify");
        Process mock = new ProcessBuilder(JAVA, "-jar", mockJar.toString(), "--port", "0")
                .redirectErrorStream(true)
                .start();
        try {
            String banner =
                    new BufferedReader(new InputStreamReader(mock.getInputStream(), StandardCharsets.UTF_8)).readLine();
            Matcher m = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)")
                    .matcher(String.valueOf(banner));
            assertThat(m.find()).as(banner).isTrue();
            Path dir = WORK.resolve("standalone");

            Result r = runJar(Map.of(), List.of(), "--base-url", m.group(1), "--report-dir", dir.toString());

            assertThat(r.exit()).as(r.out() + r.err()).isZero();
            assertThat(r.out())
                    .startsWith("Wawp conformance: PASS against base URL " + m.group(1)
                            + " (token conf...; control API: yes)");
        } finally {
            mock.destroy();
            mock.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void failsAgainstAWrongServerAndNamesEachDefect() throws Exception {
        WireMockServer wrong = WrongServerTest.wrongServer();
        try {
            Path dir = WORK.resolve("wrong");

            Result r = runJar(
                    Map.of("WAWP_TOKEN", WrongServerTest.TOKEN),
                    List.of(),
                    "--base-url",
                    WrongServerTest.base(wrong),
                    "--report-dir",
                    dir.toString());

            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.out())
                    .startsWith("Wawp conformance: FAIL against base URL " + WrongServerTest.base(wrong))
                    .contains(
                            "  FAIL start-200 ",
                            "  FAIL create-200 ",
                            "  FAIL create-401 ",
                            "  FAIL state-delete ",
                            "  FAIL status-200 ")
                    .contains("  DIFFERS start-400-xml ", "  DIFFERS me-400-not-working ", "  DIFFERS status-401-json ")
                    .contains(
                            "differs from the mock's choice: content type: expected application/xml, observed application/json")
                    .contains("status: expected 401, observed 403")
                    .contains("field: expected \"status\": \"STARTING\", observed \"status\": \"STARTED\"")
                    .contains("field: expected instance_id of 12 letters or digits, observed \"3EB0BCB2E3\"")
                    .doesNotContain(WrongServerTest.TOKEN);
        } finally {
            wrong.stop();
        }
    }

    @Test
    void liveRunWithoutTokenStopsAtOnceWithOneLine() throws Exception {
        Result r = runJar(Map.of(), List.of(), "--target", "live");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines())
                .containsExactly("wawp-conformance: The live target needs an access token, but none was found: "
                        + "export WAWP_ACCESS_TOKEN=your-token, or put the token in a file and set WAWP_ACCESS_TOKEN_FILE=path "
                        + "(or -Dwawp.tokenFile=path). Nothing was run.");
    }

    @Test
    void dryRunOnLiveListsWhatWouldRunAndMasksTheToken() throws Exception {
        // The live base URL points at a closed local port: a dry run must not call it anyway.
        Result r = runJar(
                Map.of("WAWP_ACCESS_TOKEN", "dry-run-live-token-42"),
                List.of("-Dwawp.live.baseUrl=http://127.0.0.1:9"),
                "--target",
                "live",
                "--dry-run",
                "--report-dir",
                WORK.resolve("dry").toString());

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out())
                .startsWith(
                        "Wawp conformance: DRY RUN against live Wawp API at http://127.0.0.1:9 (token dry-..., creates not allowed)")
                .contains("  would run start-400-xml")
                .contains("  would skip create-200: spends quota")
                .contains(
                        "  would skip start-500-html: not provokable on this target: a 500 happens only when the server fails")
                .doesNotContain("dry-run-live-token-42");
    }
}
