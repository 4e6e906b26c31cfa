package dev.wawpkit.conformance;

import dev.wawpkit.conformance.internal.ConformanceConfigException;
import dev.wawpkit.conformance.internal.Masking;
import dev.wawpkit.conformance.internal.Target;
import dev.wawpkit.conformance.internal.TargetSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.TestAbortedException;

/**
 * Runs the suite's rows against the run's one target: opens it once (in the root store, closed at the end of the
 * run), skips what the target cannot show with the reason, hands each row a {@link Conformance}, and after each row
 * publishes what it observed and fails it on a drift that counts: any against a Wawp mock, a DOC or CLIENT one
 * against any other target. A row is found by its test's display name, the behaviour id.
 *
 * <p>When the target cannot be used (a live run without a token, say), the first class fails with the one message
 * that says how to fix it, and every later class is aborted with it.
 */
public final class ConformanceExtension
        implements ExecutionCondition, BeforeAllCallback, ParameterResolver, AfterEachCallback {
    /** Report-entry keys the report listener reads. */
    public static final String ENTRY_OBSERVED = "wawp.observed";

    public static final String ENTRY_DRIFT = "wawp.drift";
    public static final String ENTRY_DIFFERS = "wawp.differs";
    public static final String ENTRY_MOCK_DRIFT = "wawp.mockDrift";
    public static final String ENTRY_CALLS = "wawp.calls";
    public static final String ENTRY_TARGET = "wawp.target";

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(ConformanceExtension.class);

    /** Holds the run's target (and, for a target that is not a Wawp mock, the mock to compare with), or why there is none. */
    private record RunTarget(
            TargetSettings settings, Target target, Target shadow, String error, AtomicBoolean reported)
            implements AutoCloseable {
        static RunTarget open(ExtensionContext root) {
            TargetSettings settings = null;
            Target target = null;
            try {
                boolean ignoreEnv = root.getConfigurationParameter(TargetSettings.IGNORE_ENVIRONMENT)
                        .map(Boolean::parseBoolean)
                        .orElse(false);
                settings =
                        TargetSettings.resolve(root::getConfigurationParameter, ignoreEnv ? Map.of() : System.getenv());
                target = settings.dryRun() ? Target.dry(settings) : Target.open(settings);
                Target shadow = target.isMock() || target.dry() ? null : Target.open(settings.shadow());
                return new RunTarget(settings, target, shadow, null, new AtomicBoolean());
            } catch (ConformanceConfigException e) {
                return new RunTarget(settings, target, null, e.getMessage(), new AtomicBoolean());
            } catch (RuntimeException e) {
                return new RunTarget(
                        settings,
                        target,
                        null,
                        Masking.mask("Expected to reach the target ("
                                + (settings == null ? "none chosen" : settings.describe()) + "), but could not: "
                                + e.getMessage()),
                        new AtomicBoolean());
            }
        }

        @Override
        public void close() {
            Stream.of(target, shadow).filter(Objects::nonNull).forEach(Target::close);
        }
    }

    private static RunTarget runTarget(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(RunTarget.class, k -> RunTarget.open(context.getRoot()), RunTarget.class);
    }

    private static Optional<Behaviour> behaviour(ExtensionContext context) {
        return context.getTestMethod().isPresent() ? Behaviour.find(context.getDisplayName()) : Optional.empty();
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<Behaviour> behaviour = behaviour(context);
        RunTarget run = behaviour.isEmpty() ? null : runTarget(context);
        if (run == null || run.error() != null) {
            return ConditionEvaluationResult.enabled("not a row, or the class reports the target's error");
        }
        Optional<String> skip = skipReason(behaviour.get(), run);
        if (run.settings().dryRun()) {
            return skip.map(r -> ConditionEvaluationResult.disabled("dry run: would skip: " + r))
                    .orElseGet(() -> ConditionEvaluationResult.enabled("dry run: lists its calls"));
        }
        return skip.map(ConditionEvaluationResult::disabled)
                .orElseGet(() -> ConditionEvaluationResult.enabled("runs on this target"));
    }

    /** Says why a behaviour cannot run on the target, or empty when it can. */
    private static Optional<String> skipReason(Behaviour b, RunTarget run) {
        TargetSettings s = run.settings();
        String why = b.why();
        return Optional.ofNullable(
                switch (b.need()) {
                    case NOTHING -> null;
                    case CONTROL_API ->
                        run.target().isMock()
                                ? null
                                : "not provokable on this target: " + why
                                        + "; only a target with a control API (the Wawp mock) can show it on demand";
                    case NEW_SESSION ->
                        s.mayCreate()
                                ? null
                                : "spends quota: this test creates a session; "
                                        + "allow it with -Dwawp.live.allowCreate=true (the suite deletes what it creates)";
                    case A_SESSION ->
                        s.mayCreate() || s.instanceId() != null
                                ? null
                                : "needs a session: "
                                        + "set WAWP_INSTANCE_ID to an existing instance, or allow creates with -Dwawp.live.allowCreate=true";
                    case OWN_SESSION ->
                        s.mayCreate()
                                ? null
                                : "destructive: " + why
                                        + ", so on live it runs only on a session this run creates, never on WAWP_INSTANCE_ID or any other; "
                                        + "allow creates with -Dwawp.live.allowCreate=true (the suite deletes what it creates)";
                    case WORKING_SESSION ->
                        run.target().isMock() || s.instanceId() != null
                                ? null
                                : "needs a logged-in session: "
                                        + "set WAWP_INSTANCE_ID to a WORKING instance (a new one would need a phone to scan its QR code)";
                });
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        RunTarget run = runTarget(context);
        if (run.error() == null) {
            return;
        }
        if (run.reported().compareAndSet(false, true)) {
            throw new ConformanceConfigException(run.error());
        }
        throw new TestAbortedException("not run: " + run.error());
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == Conformance.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext context) {
        Behaviour behaviour = behaviour(context)
                .orElseThrow(() -> new IllegalStateException("Expected a row named by its behaviour id, " + "but got '"
                        + context.getDisplayName() + "': use @ParameterizedTest(name = \"{0}\") over Behaviour rows."));
        RunTarget run = runTarget(context);
        Conformance conformance = new Conformance(run.target(), run.shadow(), behaviour);
        context.getStore(NAMESPACE).put(Conformance.class, conformance);
        return conformance;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Conformance c = context.getStore(NAMESPACE).remove(Conformance.class, Conformance.class);
        if (c == null) {
            return;
        }
        boolean enforceAll = c.target.isMock();
        Map<Boolean, List<Drift>> counts = c.check.drifts.stream()
                .collect(Collectors.partitioningBy(d -> enforceAll || d.basis() != Basis.DECIDED));
        List<Drift> failing = counts.get(true);
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put(ENTRY_OBSERVED, c.check.observed().isEmpty() ? "-" : c.check.observed());
        entry.put(ENTRY_DRIFT, lines(failing));
        entry.put(ENTRY_DIFFERS, lines(counts.get(false)));
        entry.put(ENTRY_MOCK_DRIFT, String.join("\n", c.mockDrift));
        entry.put(ENTRY_CALLS, String.join("\n", c.calls));
        entry.put(ENTRY_TARGET, c.target.describe());
        entry.values().removeIf(String::isEmpty); // JUnit refuses blank values
        context.publishReportEntry(entry);
        if (context.getExecutionException().isEmpty()) {
            if (!c.check.checked) {
                throw new AssertionError("The row " + c.behaviour.id()
                        + " checked nothing: call wawp.check.expect(...) on its response.");
            }
            if (!failing.isEmpty()) {
                throw new AssertionError(Masking.mask("Expecting " + c.behaviour.id() + " (" + c.behaviour.title()
                        + ") to show:\n  " + c.behaviour.expected() + "\nbut observed:\n  " + c.check.observed()
                        + "\nDrift:\n  " + lines(failing).replace("\n", "\n  ")));
            }
        }
    }

    private static String lines(List<Drift> drifts) {
        return drifts.stream().map(Drift::toString).collect(Collectors.joining("\n"));
    }
}
