package dev.wawpkit.conformance.report;

import dev.wawpkit.conformance.Behaviour;
import dev.wawpkit.conformance.ConformanceExtension;
import dev.wawpkit.conformance.Covers;
import dev.wawpkit.conformance.Need;
import dev.wawpkit.conformance.internal.ConformanceConfigException;
import dev.wawpkit.conformance.internal.Masking;
import dev.wawpkit.conformance.internal.TargetSettings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Collects one result per documented behaviour while the suite runs, and at the end writes
 * {@code report.md} and {@code report.json} (into {@code wawp.report.dir}, default
 * {@code target/conformance}) and prints the summary.
 *
 * <p>Registered through {@code META-INF/services}, so Maven runs and the jar both write the report. It
 * stays silent in a run that has no conformance tests. Every string it writes is masked.
 */
public class ReportListener implements TestExecutionListener {
    private final Path dirOverride;
    private final boolean print;

    private final Map<String, Behaviour> covered = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> entries = new ConcurrentHashMap<>();
    private final Map<Behaviour, Report.Row> rows = new EnumMap<>(Behaviour.class);
    private volatile TestPlan plan;
    private volatile String started;
    private volatile String stopped;
    private volatile String target;
    private volatile boolean dryRun;
    private volatile Report report;
    private volatile Path writtenTo;

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

    /** Returns where the last report was written. */
    public Optional<Path> directory() {
        return Optional.ofNullable(writtenTo);
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        covered.clear();
        entries.clear();
        synchronized (rows) {
            rows.clear();
        }
        stopped = null;
        dryRun = false;
        started = Instant.now().toString();
        for (TestIdentifier root : testPlan.getRoots()) {
            for (TestIdentifier id : testPlan.getDescendants(root)) {
                coverOf(id).ifPresent(b -> covered.put(id.getUniqueId(), b));
            }
        }
        boolean ignoreEnv = testPlan.getConfigurationParameters().getBoolean(TargetSettings.IGNORE_ENVIRONMENT).orElse(false);
        try {
            TargetSettings settings = TargetSettings.resolve(testPlan.getConfigurationParameters()::get,
                    ignoreEnv ? Map.of() : System.getenv());
            target = settings.describe();
            dryRun = settings.dryRun();
        } catch (ConformanceConfigException e) {
            target = "no usable target";
        }
    }

    private static Optional<Behaviour> coverOf(TestIdentifier id) {
        if (!id.isTest() || id.getSource().isEmpty() || !(id.getSource().get() instanceof MethodSource source)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(source.getJavaMethod().getAnnotation(Covers.class)).map(Covers::value);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
        if (covered.containsKey(id.getUniqueId())) {
            entries.computeIfAbsent(id.getUniqueId(), k -> new ConcurrentHashMap<>()).putAll(entry.getKeyValuePairs());
            String t = entry.getKeyValuePairs().get(ConformanceExtension.ENTRY_TARGET);
            if (t != null) {
                target = t;
            }
        }
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        if (covered.isEmpty()) {
            return;
        }
        List<TestIdentifier> tests = new ArrayList<>();
        if (id.isTest()) {
            tests.add(id);
        } else {
            tests.addAll(plan.getDescendants(id));
        }
        for (TestIdentifier test : tests) {
            Behaviour b = covered.get(test.getUniqueId());
            if (b == null) {
                continue;
            }
            String why = reason == null ? "" : reason;
            Outcome outcome = Outcome.SKIPPED;
            if (why.equals("dry run: would run")) {
                dryRun = true;
                outcome = Outcome.WOULD_RUN;
                why = "";
            } else if (why.startsWith("dry run: would skip: ")) {
                dryRun = true;
                outcome = Outcome.WOULD_SKIP;
                why = why.substring("dry run: would skip: ".length());
            }
            put(b, row(b, "-", outcome, why, List.of()));
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (covered.isEmpty()) {
            return;
        }
        Behaviour b = covered.get(id.getUniqueId());
        if (b == null) {
            boolean suiteClass = plan.getDescendants(id).stream().anyMatch(t -> covered.containsKey(t.getUniqueId()));
            if (!id.isTest() && suiteClass && result.getStatus() == TestExecutionResult.Status.FAILED && stopped == null) {
                stopped = Masking.mask(result.getThrowable().map(Throwable::getMessage).orElse("the run stopped"));
            }
            return;
        }
        Map<String, String> e = entries.getOrDefault(id.getUniqueId(), Map.of());
        String observed = e.getOrDefault(ConformanceExtension.ENTRY_OBSERVED, "-");
        List<String> drift = Arrays.stream(e.getOrDefault(ConformanceExtension.ENTRY_DRIFT, "").split("\n"))
                .filter(s -> !s.isBlank()).toList();
        String message = result.getThrowable().map(t -> firstLine(t.getMessage() == null ? t.toString() : t.getMessage())).orElse("");
        Report.Row row = switch (result.getStatus()) {
            case SUCCESSFUL -> row(b, observed, Outcome.PASS, "", List.of());
            case ABORTED -> row(b, observed, Outcome.SKIPPED, message, List.of());
            case FAILED -> row(b, observed, Outcome.FAIL, drift.isEmpty() ? message : "", drift);
        };
        put(b, row);
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (covered.isEmpty()) {
            return;
        }
        List<Report.Row> all = new ArrayList<>();
        Map<Behaviour, Boolean> inPlan = new HashMap<>();
        covered.values().forEach(b -> inPlan.put(b, true));
        synchronized (rows) {
            for (Behaviour b : Behaviour.values()) {
                Report.Row row = rows.get(b);
                if (row == null) {
                    Outcome skipped = dryRun ? Outcome.WOULD_SKIP : Outcome.SKIPPED;
                    if (stopped != null) {
                        row = row(b, "-", Outcome.SKIPPED, "not run: the run stopped before it", List.of());
                    } else if (b.need() == Need.LATER) {
                        row = row(b, "-", skipped, b.notProvokableReason().orElse("not covered yet"), List.of());
                    } else {
                        row = row(b, "-", skipped, inPlan.containsKey(b) ? "did not finish" : "not selected in this run", List.of());
                    }
                }
                all.add(row);
            }
        }
        Report r = new Report(Masking.mask(target), started, Instant.now().toString(), dryRun, stopped, List.copyOf(all));
        Path dir = dirOverride != null ? dirOverride
                : Path.of(testPlan.getConfigurationParameters().get(TargetSettings.REPORT_DIR).orElse("target/conformance"));
        ReportWriter.write(r, dir);
        report = r;
        writtenTo = dir;
        if (print) {
            ReportWriter.consoleLines(r, dir).forEach(System.out::println);
        }
    }

    private void put(Behaviour b, Report.Row row) {
        synchronized (rows) {
            rows.put(b, row);
        }
    }

    private static Report.Row row(Behaviour b, String observed, Outcome outcome, String reason, List<String> drift) {
        return new Report.Row(b.id(), b.section(), b.title(), b.expected(), Masking.mask(observed), outcome,
                Masking.mask(reason), drift.stream().map(Masking::mask).toList());
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
