package dev.wawpkit.conformance.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Holds one run's results: one row per documented behaviour. Immutable.
 *
 * @param target   the target, token masked
 * @param started  when the run started (ISO-8601)
 * @param finished when it finished (ISO-8601)
 * @param dryRun   whether nothing was sent
 * @param stopped  why the run stopped before any row ran, or null
 * @param rows     one per behaviour, in catalogue order
 */
public record Report(String target, String started, String finished, boolean dryRun, String stopped, List<Row> rows) {

    /**
     * Holds one behaviour's result.
     *
     * @param id        the behaviour id, such as {@code start-400-xml}
     * @param section   the specification section, such as {@code 3 start}
     * @param title     the documented title
     * @param expected  what the specification says, in one line
     * @param observed  what the target did, tokens masked; "-" when it did not run
     * @param outcome   pass, fail, differs, skipped (or, in a dry run, would run / would skip)
     * @param reason    why it was skipped, or what broke; "" otherwise
     * @param drift     for a failure, each drift that counts, one line each
     * @param differs   each DECIDED fact a target that is not a Wawp mock does not hold, one line each
     * @param mockDrift where the target's answers differ from the mock's (status, content type, fields, body shape)
     * @param calls     in a dry run, the calls a real run would make
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Row(
            String id,
            String section,
            String title,
            String expected,
            String observed,
            Outcome outcome,
            String reason,
            List<String> drift,
            List<String> differs,
            List<String> mockDrift,
            List<String> calls) {}

    /** Counts the rows with the outcome. */
    public long count(Outcome outcome) {
        return rows.stream().filter(r -> r.outcome() == outcome).count();
    }

    /** Returns whether every behaviour that ran passed or only differs from the mock's choice, and the run was not stopped. */
    public boolean passed() {
        return stopped == null && count(Outcome.FAIL) == 0;
    }

    /** Returns the one-line summary, such as "PASS against ...: 145 behaviours: 140 pass, 0 fail, 3 differ, 2 skipped". */
    public String summary() {
        if (stopped != null) {
            return "STOPPED: " + stopped;
        }
        if (dryRun) {
            return "DRY RUN against " + target + ": " + rows.size() + " behaviours: " + count(Outcome.WOULD_RUN)
                    + " would run, " + count(Outcome.WOULD_SKIP) + " would be skipped; "
                    + rows.stream().mapToLong(r -> r.calls().size()).sum() + " calls";
        }
        return (passed() ? "PASS" : "FAIL") + " against " + target + ": " + rows.size() + " behaviours: "
                + count(Outcome.PASS) + " pass, " + count(Outcome.FAIL) + " fail, " + count(Outcome.DIFFERS)
                + " differ, " + count(Outcome.SKIPPED) + " skipped";
    }
}
