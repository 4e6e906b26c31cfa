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

/** Writes a report as {@code report.md} and {@code report.json}, and renders its console summary. */
public final class ReportWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportWriter() {
    }

    /** Writes both files into the directory, creating it; every line masked. */
    public static void write(Report report, Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("report.md"), Masking.mask(markdown(report)), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("report.json"), Masking.mask(JSON.writeValueAsString(report)) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the conformance report to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Renders the Markdown report. */
    public static String markdown(Report r) {
        StringBuilder md = new StringBuilder("# Wawp conformance report\n\n");
        md.append("- Target: ").append(r.target()).append('\n');
        md.append("- Run: ").append(r.started()).append(" to ").append(r.finished()).append('\n');
        md.append("- Result: **").append(r.summary()).append("**\n\n");
        md.append("| behaviour | spec | expected | observed | outcome |\n|---|---|---|---|---|\n");
        for (Report.Row row : r.rows()) {
            String outcome = row.outcome().label();
            if (!row.drift().isEmpty()) {
                outcome += ": " + String.join("; ", row.drift());
            } else if (!row.reason().isEmpty()) {
                outcome += ": " + row.reason();
            }
            md.append("| `").append(row.id()).append("` ").append(cell(row.title()))
                    .append(" | ").append(cell(row.section()))
                    .append(" | ").append(cell(row.expected()))
                    .append(" | ").append(cell(row.observed()))
                    .append(" | ").append(cell(outcome)).append(" |\n");
        }
        return md.toString();
    }

    /** Renders the console summary: the summary line, each failure with its drift, and where the report is. */
    public static List<String> consoleLines(Report r, Path dir) {
        List<String> lines = new ArrayList<>();
        lines.add("Wawp conformance: " + r.summary());
        for (Report.Row row : r.rows()) {
            if (row.outcome() == Outcome.FAIL) {
                lines.add("  FAIL " + row.id() + " (" + row.title() + ")");
                row.drift().forEach(d -> lines.add("       " + d));
                if (row.drift().isEmpty() && !row.reason().isEmpty()) {
                    lines.add("       " + row.reason());
                }
            } else if (r.dryRun()) {
                lines.add("  " + row.outcome().label() + " " + row.id() + (row.reason().isEmpty() ? "" : ": " + row.reason()));
            }
        }
        lines.add("Report: " + dir.resolve("report.md") + " and report.json");
        return lines.stream().map(Masking::mask).toList();
    }

    private static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", "<br>");
    }
}
