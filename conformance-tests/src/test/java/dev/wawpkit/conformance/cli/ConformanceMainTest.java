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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ConformanceMainTest {
    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ConformanceMain.run(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                args);
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
        assertThat(out.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo("wawp-conformance " + System.getProperty("wawp.version"));
    }

    @Test
    void refusesTargetAndBaseUrlTogetherWithOneLine() {
        assertThat(run("--target", "mock", "--base-url", "http://127.0.0.1:1")).isEqualTo(2);
        assertThat(err())
                .isEqualTo(
                        "wawp-conformance: Expected --target or --base-url, but got both: use --base-url alone to test a URL."
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
        assertThat(run("--target", "mock", "--dry-run", "--report-dir", dir.toString()))
                .isZero();
        assertThat(out())
                .startsWith(
                        "Wawp conformance: DRY RUN against embedded Wawp mock: 158 behaviours: 158 would run, 0 would be skipped")
                .contains("  would run create-200")
                .contains(
                        "  would run state-stop", "  would run request-code-400-not-scanning", "  would run status-200")
                .contains("Report: " + dir.resolve("report.md"));
        assertThat(dir.resolve("report.json")).exists();
    }

    @Test
    void helpNamesEveryOption() {
        assertThat(run("--help")).isZero();
        assertThat(out())
                .contains(
                        "--target",
                        "--base-url",
                        "--dry-run",
                        "--report-dir",
                        "--allow-create",
                        "--instance-id",
                        "--capture",
                        "--observed");
    }

    /**
     * Every option that takes a value, given a bad one: nothing runs, and the one line on stderr names
     * that option, says what it expects and what came, without a stack trace; the exit code is 2.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "--target staging                          | --target       | Expected --target mock or --target live | 'staging'",
                "--base-url ftp://x                        | --base-url     | http(s) base URL like                   | 'ftp://x'",
                "--base-url not-a-url                      | --base-url     | http(s) base URL like                   | 'not-a-url'",
                "--boot-timeout abc                        | --boot-timeout | is not a long                           | 'abc'",
                "--boot-timeout 0                          | --boot-timeout | 1 or more seconds                       | 0",
                "--observed /proc/wawp-no-such-dir         | --observed     | a directory of captured answers         | /proc/wawp-no-such-dir",
                "--report-dir /proc/wawp-no-such-dir/r     | --report-dir   | a directory this user can write         | /proc/wawp-no-such-dir/r",
                "--base-url http://127.0.0.1:9 --capture /proc/wawp-no-such-dir/c | --capture | a directory this user can write | /proc/wawp-no-such-dir/c"
            })
    void aBadValueIsRefusedWithOneLineNamingItsOption(String args, String option, String expected, String got) {
        assertThat(run((args + " --dry-run").split(" +"))).isEqualTo(2);

        assertThat(err()).startsWith("wawp-conformance: ").contains(option, expected, got);
        assertThat(err().strip().lines()).hasSize(1);
        assertThat(err()).as("no stack trace").doesNotContain("\tat ", "Caused by");
        assertThat(out()).isEmpty();
    }
}
