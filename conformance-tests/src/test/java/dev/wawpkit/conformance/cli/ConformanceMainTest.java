package dev.wawpkit.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ConformanceMainTest {
    @TempDir
    Path dir;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ConformanceMain.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void versionIsTheOneTheBuildMade() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).strip()).isEqualTo("wawp-conformance " + System.getProperty("wawp.version"));
    }

    @Test
    void refusesTargetAndBaseUrlTogetherWithOneLine() {
        assertThat(run("--target", "mock", "--base-url", "http://127.0.0.1:1")).isEqualTo(2);
        assertThat(err()).isEqualTo("wawp-conformance: Expected --target or --base-url, but got both: use --base-url alone to test a URL."
                + System.lineSeparator());
        assertThat(out()).isEmpty();
    }

    @Test
    void refusesAnUnknownTargetOrOption() {
        assertThat(run("--target", "staging")).isEqualTo(2);
        assertThat(err()).startsWith("wawp-conformance: Expected --target mock or --target live, but got 'staging'.");
        assertThat(run("--bogus")).isEqualTo(2);
        assertThat(err()).contains("wawp-conformance: Unknown option: '--bogus' (see --help)");
    }

    @Test
    void dryRunListsWhatWouldRunAndExitsZero() {
        assertThat(run("--target", "mock", "--dry-run", "--report-dir", dir.toString())).isZero();
        assertThat(out()).startsWith("Wawp conformance: DRY RUN against embedded Wawp mock: 158 behaviours: 158 would run, 0 would be skipped")
                .contains("  would run create-200").contains("  would run state-stop", "  would run request-code-400-not-scanning", "  would run status-200")
                .contains("Report: " + dir.resolve("report.md"));
        assertThat(dir.resolve("report.json")).exists();
    }

    @Test
    void helpNamesEveryOption() {
        assertThat(run("--help")).isZero();
        assertThat(out()).contains("--target", "--base-url", "--dry-run", "--report-dir", "--allow-create", "--instance-id", "--capture",
                "--observed");
    }
}
