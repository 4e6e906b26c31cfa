package dev.wawpkit.conformance.report;

import dev.wawpkit.conformance.Behaviour;
import dev.wawpkit.conformance.ConformanceExtension;
import dev.wawpkit.conformance.ConformanceSuite;
import dev.wawpkit.conformance.internal.ConformanceConfigException;
import dev.wawpkit.conformance.internal.Masking;
import dev.wawpkit.conformance.internal.TargetSettings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Collects one result per documented behaviour while the suite runs, and at the end writes {@code report.md} and
 * {@code report.json} (into {@code wawp.report.dir}, default {@code target/conformance}) and prints the summary.
 * A row is the test whose display name is its behaviour id, in a class marked {@link ConformanceSuite}.
 *
 * <p>Registered through {@code META-INF/services}, so Maven runs and the jar both write the report. It stays silent
 * in a run that has no conformance classes. Every string it writes is masked.
 */
public class ReportListener implements TestExecutionListener {
    private final Path dirOverride;
    private final boolean print;
    private final Map<String, Report.Row> rows = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> entries = new ConcurrentHashMap<>();
    private volatile boolean suite;
    private volatile String started;
    private volatile String stopped;
    private volatile String target;
    private volatile boolean dryRun;
    /** Whether the target is the embedded mock: the test command's self-check, silent when it holds. */
    private volatile boolean selfCheck;

    private volatile Report report;

    /** Creates the one the service loader registers: writes where {@code wawp.report.dir} says, and prints. */
    public ReportListener() {
        this(null, true);
    }

    /** Creates one that writes into the given directory (null: as configured), printing the summary or not. */
    public ReportListener(Path dir, boolean print) {
        this.dirOverride = dir;
        this.print = print;
    }

    /** Returns the report of the last run, once it has finished. */
    public Optional<Report> report() {
        return Optional.ofNullable(report);
    }

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        rows.clear();
        entries.clear();
        stopped = null;
        started = Instant.now().toString();
        suite = plan.getRoots().stream()
                .flatMap(r -> plan.getDescendants(r).stream())
                .anyMatch(ReportListener::isSuiteClass);
        boolean ignoreEnv = plan.getConfigurationParameters()
                .getBoolean(TargetSettings.IGNORE_ENVIRONMENT)
                .orElse(false);
        try {
            TargetSettings settings = TargetSettings.resolve(
                    plan.getConfigurationParameters()::get, ignoreEnv ? Map.of() : System.getenv());
            target = settings.describe();
            dryRun = settings.dryRun();
            selfCheck = settings.kind() == TargetSettings.Kind.MOCK;
        } catch (ConformanceConfigException e) {
            target = "no usable target";
            dryRun = false;
            selfCheck = false;
        }
    }

    private static boolean isSuiteClass(TestIdentifier id) {
        return id.getSource()
                .filter(ClassSource.class::isInstance)
                .map(s -> ((ClassSource) s).getJavaClass().isAnnotationPresent(ConformanceSuite.class))
                .orElse(false);
    }

    private Optional<Behaviour> behaviour(TestIdentifier id) {
        return suite && id.isTest() ? Behaviour.find(id.getDisplayName()) : Optional.empty();
    }

    @Override
    public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
        if (behaviour(id).isPresent()) {
            entries.computeIfAbsent(id.getUniqueId(), k -> new ConcurrentHashMap<>())
                    .putAll(entry.getKeyValuePairs());
            String t = entry.getKeyValuePairs().get(ConformanceExtension.ENTRY_TARGET);
            if (t != null && !dryRun) {
                target = t;
            }
        }
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        behaviour(id).ifPresent(b -> {
            String why = reason == null ? "" : reason;
            boolean dry = why.startsWith("dry run: would skip: ");
            rows.put(
                    b.id(),
                    row(b, "-", dry ? Outcome.WOULD_SKIP : Outcome.SKIPPED, dry ? why.substring(21) : why, Map.of()));
        });
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        Optional<Behaviour> b = behaviour(id);
        if (b.isEmpty()) {
            if (suite
                    && isSuiteClass(id)
                    && result.getStatus() == TestExecutionResult.Status.FAILED
                    && stopped == null) {
                stopped = Masking.mask(
                        result.getThrowable().map(Throwable::getMessage).orElse("the run stopped"));
            }
            return;
        }
        Map<String, String> e = entries.getOrDefault(id.getUniqueId(), Map.of());
        String message = result.getThrowable()
                .map(t -> String.valueOf(t.getMessage() == null ? t : t.getMessage())
                        .lines()
                        .findFirst()
                        .orElse(""))
                .orElse("");
        Outcome outcome = switch (result.getStatus()) {
            case SUCCESSFUL ->
                dryRun
                        ? Outcome.WOULD_RUN
                        : lines(e, ConformanceExtension.ENTRY_DIFFERS).isEmpty() ? Outcome.PASS : Outcome.DIFFERS;
            case ABORTED -> dryRun ? Outcome.WOULD_SKIP : Outcome.SKIPPED;
            case FAILED -> Outcome.FAIL;
        };
        boolean explained = outcome == Outcome.FAIL
                && !lines(e, ConformanceExtension.ENTRY_DRIFT).isEmpty();
        rows.put(
                b.get().id(),
                row(
                        b.get(),
                        e.getOrDefault(ConformanceExtension.ENTRY_OBSERVED, "-"),
                        outcome,
                        explained ? "" : message,
                        e));
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (!suite) {
            return;
        }
        List<Report.Row> all = Behaviour.ALL.stream()
                .map(b -> rows.getOrDefault(
                        b.id(),
                        row(
                                b,
                                "-",
                                dryRun ? Outcome.WOULD_SKIP : Outcome.SKIPPED,
                                stopped != null ? "not run: the run stopped before it" : "not selected in this run",
                                Map.of())))
                .toList();
        Report r = new Report(Masking.mask(target), started, Instant.now().toString(), dryRun, stopped, all);
        Path dir = dirOverride != null
                ? dirOverride
                : Path.of(plan.getConfigurationParameters()
                        .get(TargetSettings.REPORT_DIR)
                        .orElse("target/conformance"));
        ReportWriter.write(r, dir);
        report = r;
        if (print && printsSummary(selfCheck, r)) {
            ReportWriter.consoleLines(r, dir).forEach(System.out::println);
        }
    }

    /**
     * Whether the console gets the summary: always, but for the embedded mock's run (the test
     * command's self-check) when every row holds, which prints nothing, as a quiet build should;
     * its report is written anyway. A dry run always prints: its calls are what it is for.
     */
    static boolean printsSummary(boolean selfCheck, Report r) {
        return !selfCheck
                || r.dryRun()
                || r.stopped() != null
                || r.rows().stream().anyMatch(row -> row.outcome() == Outcome.FAIL || row.outcome() == Outcome.DIFFERS);
    }

    private static List<String> lines(Map<String, String> entry, String key) {
        return Arrays.stream(entry.getOrDefault(key, "").split("\n"))
                .filter(s -> !s.isBlank())
                .map(Masking::mask)
                .toList();
    }

    private static Report.Row row(Behaviour b, String observed, Outcome outcome, String reason, Map<String, String> e) {
        return new Report.Row(
                b.id(),
                b.section(),
                b.title(),
                b.expected(),
                Masking.mask(observed),
                outcome,
                Masking.mask(reason),
                lines(e, ConformanceExtension.ENTRY_DRIFT),
                lines(e, ConformanceExtension.ENTRY_DIFFERS),
                lines(e, ConformanceExtension.ENTRY_MOCK_DRIFT),
                lines(e, ConformanceExtension.ENTRY_CALLS));
    }
}
