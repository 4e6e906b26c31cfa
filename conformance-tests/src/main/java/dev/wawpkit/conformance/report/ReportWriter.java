package dev.wawpkit.conformance.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.wawpkit.conformance.internal.Masking;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Writes a report as {@code report.md} and {@code report.json}, and renders its console summary. */
public final class ReportWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportWriter() {}

    /** Writes both files into the directory, creating it; every line masked. */
    public static void write(Report report, Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("report.md"), Masking.mask(markdown(report)), StandardCharsets.UTF_8);
            Files.writeString(
                    dir.resolve("report.json"),
                    Masking.mask(JSON.writeValueAsString(report)) + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not write the conformance report to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Renders the Markdown report: the table, then where the target differs from the mock, then a dry run's calls. */
    public static String markdown(Report r) {
        StringBuilder md = new StringBuilder("# Wawp conformance report\n\n");
        md.append("- Target: ").append(r.target()).append('\n');
        md.append("- Run: ")
                .append(r.started())
                .append(" to ")
                .append(r.finished())
                .append('\n');
        md.append("- Result: **").append(r.summary()).append("**\n\n");
        md.append("| behaviour | spec | expected | observed | outcome |\n|---|---|---|---|---|\n");
        for (Report.Row row : r.rows()) {
            List<String> why = !row.drift().isEmpty()
                    ? row.drift()
                    : !row.differs().isEmpty() ? row.differs() : List.of(row.reason());
            String outcome =
                    row.outcome().label() + (String.join("", why).isEmpty() ? "" : ": " + String.join("; ", why));
            md.append("| `")
                    .append(row.id())
                    .append("` ")
                    .append(cell(row.title()))
                    .append(" | ")
                    .append(cell(row.section()))
                    .append(" | ")
                    .append(cell(row.expected()))
                    .append(" | ")
                    .append(cell(row.observed()))
                    .append(" | ")
                    .append(cell(outcome))
                    .append(" |\n");
        }
        section(
                md,
                r,
                "Drift from the mock",
                "Where the target's answers differ from what the Wawp mock answers to the same row: "
                        + "change the mock (a capture, `--observed`) or your client where it relied on the mock's shape.",
                Report.Row::mockDrift);
        section(
                md,
                r,
                "Calls a real run would make",
                "Each row's calls, in order; `{token}` is the run's token.",
                Report.Row::calls);
        return md.toString();
    }

    private static void section(
            StringBuilder md, Report r, String title, String intro, Function<Report.Row, List<String>> lines) {
        if (r.rows().stream().allMatch(row -> lines.apply(row).isEmpty())) {
            return;
        }
        md.append("\n## ").append(title).append("\n\n").append(intro).append("\n");
        for (Report.Row row : r.rows()) {
            if (!lines.apply(row).isEmpty()) {
                md.append("\n- `").append(row.id()).append("`\n");
                lines.apply(row)
                        .forEach(l ->
                                md.append("  - ").append(l.replace("|", "\\|")).append('\n'));
            }
        }
    }

    /** Renders the console summary: the summary line, each failure and difference, the drift count, and where the report is. */
    public static List<String> consoleLines(Report r, Path dir) {
        List<String> lines = new ArrayList<>();
        lines.add("Wawp conformance: " + r.summary());
        for (Report.Row row : r.rows()) {
            if (row.outcome() == Outcome.FAIL || row.outcome() == Outcome.DIFFERS) {
                lines.add("  " + row.outcome().label().toUpperCase(Locale.ROOT) + " " + row.id() + " (" + row.title()
                        + ")");
                List<String> why =
                        row.drift().isEmpty() && row.differs().isEmpty() ? List.of(row.reason()) : row.drift();
                why.forEach(d -> lines.add("       " + d));
                row.differs().forEach(d -> lines.add("       differs from the mock's choice: " + d));
            } else if (r.dryRun()) {
                lines.add("  " + row.outcome().label() + " " + row.id()
                        + (row.reason().isEmpty() ? "" : ": " + row.reason()));
                row.calls().forEach(c -> lines.add("       " + c));
            }
        }
        long drifting =
                r.rows().stream().filter(row -> !row.mockDrift().isEmpty()).count();
        if (drifting > 0) {
            lines.add("Drift from the mock in " + drifting + " behaviours: see \"Drift from the mock\" in report.md");
        }
        lines.add("Report: " + dir.resolve("report.md") + " and report.json");
        return lines.stream().map(Masking::mask).toList();
    }

    private static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", "<br>");
    }
}
