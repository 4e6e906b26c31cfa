package dev.wawpkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wawpkit.conformance.internal.TargetSettings;
import dev.wawpkit.conformance.report.Outcome;
import dev.wawpkit.conformance.report.Report;
import dev.wawpkit.conformance.report.ReportWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live smoke check against a local stand-in that follows the documentation but answers its own error bodies
 * and never XML: it passes, reporting the mock's own choices as "differs" and where it differs from the mock; it
 * still fails on a documented status or field; a dry run lists exactly the calls the real run makes.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class LiveSmokeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static DocumentedStandIn standIn;
    static Runs.Outcome run;

    static Map<String, String> live(DocumentedStandIn server, String... more) throws Exception {
        Path token = Files.writeString(Files.createTempFile(dir, "token", ""), DocumentedStandIn.TOKEN);
        Map<String, String> p = new HashMap<>(Map.of(
                TargetSettings.TARGET,
                "live",
                TargetSettings.LIVE_BASE_URL_OVERRIDE,
                server.baseUrl(),
                TargetSettings.TOKEN_FILE,
                token.toString(),
                TargetSettings.INSTANCE_ID,
                DocumentedStandIn.INSTANCE));
        for (int i = 0; i < more.length; i += 2) {
            p.put(more[i], more[i + 1]);
        }
        return p;
    }

    @BeforeAll
    static void runAgainstTheDocumentedStandIn() throws Exception {
        standIn = new DocumentedStandIn(401, true);
        run = Runs.run(
                dir.resolve("report"),
                live(standIn, TargetSettings.CAPTURE_DIR, dir.resolve("capture").toString()));
    }

    @AfterAll
    static void stop() {
        standIn.close();
    }

    @Test
    void passesWhenOnlyTheMocksOwnChoicesDiffer() {
        assertThat(run.report().passed()).as(run.report().summary()).isTrue();
        assertThat(run.report().summary())
                .startsWith("PASS against live Wawp API")
                .contains(" 0 fail, ");
        assertThat(run.report().rows()).noneMatch(r -> r.outcome() == Outcome.FAIL);
        assertThat(run.row(Behaviour.of("info-200")).outcome()).isEqualTo(Outcome.PASS);
        assertThat(run.row(Behaviour.of("me-200")).outcome()).isEqualTo(Outcome.PASS);
        assertThat(run.row(Behaviour.of("status-200")).outcome()).isEqualTo(Outcome.PASS);
        assertThat(run.row(Behaviour.of("status-404-malformed")).outcome())
                .isEqualTo(Outcome.DIFFERS); // its own error body
        assertThat(run.row(Behaviour.of("status-404-malformed")).differs())
                .contains("field: expected \"status\": 404, observed \"status\": none");
    }

    @Test
    void reportsTheMocksChoicesThatDoNotHoldAsDiffersWithTheObservedValue() {
        Report.Row xml = run.row(Behaviour.of("start-400-xml"));
        Report.Row json = run.row(Behaviour.of("info-401-json"));

        assertThat(xml.outcome()).isEqualTo(Outcome.DIFFERS);
        assertThat(xml.differs()).contains("content type: expected application/xml, observed application/json");
        assertThat(json.outcome()).isEqualTo(Outcome.DIFFERS);
        assertThat(json.differs()).contains("field: expected \"status\": 401, observed \"status\": none");
        assertThat(ReportWriter.consoleLines(run.report(), dir))
                .contains(
                        "  DIFFERS info-401-json (401 Unauthorized - Invalid or Missing Access Token)",
                        "       differs from the mock's choice: field: expected \"status\": 401, observed \"status\": none");
    }

    @Test
    void listsWhereTheTargetDiffersFromTheMockInADriftSection() throws Exception {
        assertThat(run.row(Behaviour.of("info-401-json")).mockDrift())
                .containsExactlyInAnyOrder(
                        "field error: string in the mock's answer, object in the target's",
                        "field message: only in the mock's answer (string)",
                        "field status: only in the mock's answer (number)",
                        "field success: only in the target's answer (boolean)");
        assertThat(run.row(Behaviour.of("info-401-xml")).mockDrift())
                .contains("content type: the mock sends application/xml, the target application/json");
        assertThat(Files.readString(dir.resolve("report/report.md")))
                .contains(
                        "## Drift from the mock",
                        "- `info-401-json`",
                        "  - field success: only in the target's answer (boolean)")
                .doesNotContain(DocumentedStandIn.TOKEN);
    }

    @Test
    void theReadmeQuotesThisRunsCaptureAndSummary() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        List<String> console = ReportWriter.consoleLines(run.report(), dir);
        String summary = run.report().summary();

        assertThat(readme)
                .contains(Files.readString(dir.resolve("capture/start-401-json.json"))
                        .strip());
        assertThat(readme).contains(summary.substring(summary.indexOf(": 158 behaviours")));
        assertThat(console)
                .contains(
                        "  DIFFERS info-401-json (401 Unauthorized - Invalid or Missing Access Token)",
                        "       differs from the mock's choice: field: expected \"status\": 401, observed \"status\": none");
        assertThat(readme)
                .contains(
                        "\n      DIFFERS info-401-json (401 Unauthorized - Invalid or Missing Access Token)\n",
                        "\n           differs from the mock's choice: field: expected \"status\": 401, observed \"status\": none\n");
        assertThat(readme)
                .contains(console.stream()
                        .filter(l -> l.startsWith("Drift from the mock in "))
                        .findFirst()
                        .orElseThrow());
    }

    @Test
    void aMockFedTheCaptureAnswersTheObservedErrorBodiesAndNoDifferenceIsLeft() throws Exception {
        Runs.Outcome learnt = Runs.run(
                dir.resolve("learnt"),
                live(
                        standIn,
                        TargetSettings.OBSERVED_DIR,
                        dir.resolve("capture").toString()));

        assertThat(learnt.report().passed()).isTrue();
        assertThat(learnt.row(Behaviour.of("info-401-json")).mockDrift()).isEmpty();
        assertThat(learnt.row(Behaviour.of("start-400-xml")).mockDrift()).isEmpty();
        // Left: the stand-in's instance is WORKING, the mock's new one is not, so the "me" of info and status is a
        // state, not a shape.
        assertThat(learnt.report().rows())
                .filteredOn(r -> !r.mockDrift().isEmpty())
                .extracting(Report.Row::id)
                .containsExactly("info-200", "status-200");
        assertThat(learnt.row(Behaviour.of("info-200")).mockDrift())
                .containsExactly("field me: only in the target's answer (object)");
        assertThat(learnt.row(Behaviour.of("status-200")).mockDrift())
                .containsExactly(
                        "POST /v2/status: field me: only in the target's answer (object)",
                        "GET /v2/status: field me: only in the target's answer (object)");
        assertThat(run.report().rows())
                .filteredOn(r -> !r.mockDrift().isEmpty())
                .hasSizeGreaterThan(70); // before it learnt
    }

    @Test
    void stillFailsOnAWrongDocumentedStatus() throws Exception {
        try (DocumentedStandIn wrong = new DocumentedStandIn(403, true)) {
            Runs.Outcome failed = Runs.run(dir.resolve("wrong-status"), live(wrong));

            assertThat(failed.report().passed()).isFalse();
            assertThat(failed.row(Behaviour.of("start-401-json")).outcome()).isEqualTo(Outcome.FAIL);
            assertThat(failed.row(Behaviour.of("start-401-json")).drift())
                    .containsExactly("status: expected 401, observed 403");
        }
    }

    @Test
    void stillFailsOnAMissingDocumentedField() throws Exception {
        try (DocumentedStandIn wrong = new DocumentedStandIn(401, false)) {
            Runs.Outcome failed = Runs.run(dir.resolve("missing-field"), live(wrong));

            assertThat(failed.report().passed()).isFalse();
            assertThat(failed.row(Behaviour.of("info-200")).outcome()).isEqualTo(Outcome.FAIL);
            assertThat(failed.row(Behaviour.of("info-200")).drift())
                    .contains("field: expected an object \"config\", observed none");
        }
    }

    @Test
    void capturesEachAnswerReadablyWithTokensAndInstanceIdsMasked() throws Exception {
        Path capture = dir.resolve("capture");
        String file = Files.readString(capture.resolve("start-401-json.json"));

        assertThat(JSON.readTree(file))
                .isEqualTo(
                        JSON.readTree(
                                "{\"behaviour\": \"start-401-json\", \"status\": 401,"
                                        + "\"request\": {\"method\": \"POST\", \"path\": \"/v2/session/start\", \"accept\": \"application/json\"},"
                                        + "\"headers\": {\"Content-Type\": \"application/json\"},"
                                        + "\"body\": {\"success\": false, \"error\": {\"code\": 401, \"text\": \"Invalid or missing access token\"}}}"));
        assertThat(file).startsWith("{\n  \"behaviour\" : \"start-401-json\",\n  \"body\" : {\n    \"error\" : {");
        assertThat(Files.readString(capture.resolve("info-200.json"))).contains("\"name\" : \"wawp-12345678\"");
        long ran = run.report().rows().stream()
                .filter(r -> r.outcome() != Outcome.SKIPPED)
                .count();
        try (Stream<Path> files = Files.list(capture)) {
            List<String> all = files.map(f -> f.getFileName().toString()).toList();
            assertThat(all).hasSize((int) ran).allMatch(f -> f.endsWith(".json"));
        }
        try (Stream<Path> files = Files.list(capture)) {
            assertThat(files.map(LiveSmokeTest::read))
                    .allSatisfy(text -> assertThat(text)
                            .doesNotContain(DocumentedStandIn.TOKEN)
                            .doesNotContain(DocumentedStandIn.INSTANCE));
        }
    }

    @Test
    void aDryRunListsExactlyTheCallsARealRunMakesAndSpendsNothing() throws Exception {
        try (DocumentedStandIn counting = new DocumentedStandIn(401, true)) {
            Runs.Outcome dry = Runs.run(dir.resolve("dry"), live(counting, TargetSettings.DRY_RUN, "true"));
            assertThat(counting.calls()).as("a dry run sends nothing").isEmpty();

            Runs.run(dir.resolve("real"), live(counting));

            List<String> listed = dry.report().rows().stream()
                    .flatMap(r -> r.calls().stream())
                    .sorted()
                    .toList();
            List<String> made = counting.calls().stream()
                    .map(c -> Request.describe(c.method(), c.path(), c.query(), c.accept(), LiveSmokeTest::placeholder))
                    .sorted()
                    .toList();
            assertThat(made).isNotEmpty().containsExactlyElementsOf(listed);
            assertThat(made)
                    .noneMatch(c -> c.startsWith("POST /v2/session/create?access_token={token}"))
                    .noneMatch(
                            c -> c.matches(
                                    "\\S+ /v2/session/(stop|restart|logout|delete)\\?access_token=\\{token}&instance_id=LIVE.*"));
        }
    }

    private static String placeholder(String value) {
        return value.equals(DocumentedStandIn.TOKEN)
                ? "{token}"
                : value.equals("conformance-invalid-token")
                        ? "{invalid token}"
                        : value.startsWith("ZZ") ? "{unknown instance}" : value;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
