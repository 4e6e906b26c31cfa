package dev.wawpkit.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When the suite's summary reaches the console: the test command's own run is silent when it holds. */
class ReportListenerTest {
    private static Report report(boolean dryRun, String stopped, Outcome... outcomes) {
        List<Report.Row> rows = Arrays.stream(outcomes)
                .map(o -> new Report.Row(
                        "create-200",
                        "3 create",
                        "title",
                        "expected",
                        "-",
                        o,
                        "",
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of()))
                .toList();
        return new Report("embedded Wawp mock", "start", "end", dryRun, stopped, rows);
    }

    @Test
    void theEmbeddedMocksRunIsSilentWhenEveryRowHolds() {
        assertThat(ReportListener.printsSummary(true, report(false, null, Outcome.PASS, Outcome.SKIPPED)))
                .isFalse();
    }

    @Test
    void theEmbeddedMocksRunPrintsAFailureADifferenceAStopOrADryRun() {
        assertThat(ReportListener.printsSummary(true, report(false, null, Outcome.PASS, Outcome.FAIL)))
                .isTrue();
        assertThat(ReportListener.printsSummary(true, report(false, null, Outcome.DIFFERS)))
                .isTrue();
        assertThat(ReportListener.printsSummary(true, report(false, "no token", Outcome.SKIPPED)))
                .isTrue();
        assertThat(ReportListener.printsSummary(true, report(true, null, Outcome.WOULD_RUN)))
                .isTrue();
    }

    @Test
    void anyOtherTargetAlwaysPrints() {
        assertThat(ReportListener.printsSummary(false, report(false, null, Outcome.PASS)))
                .isTrue();
    }
}
