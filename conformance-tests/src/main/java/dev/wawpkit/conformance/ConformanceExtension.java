package dev.wawpkit.conformance;

import dev.wawpkit.conformance.internal.ConformanceConfigException;
import dev.wawpkit.conformance.internal.Masking;
import dev.wawpkit.conformance.internal.Target;
import dev.wawpkit.conformance.internal.TargetSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.TestAbortedException;

/**
 * Runs the conformance tests against the run's one target: opens it once (in the root store, closed at
 * the end of the run), skips what the target cannot show with the reason, hands each test a
 * {@link Conformance}, and after each test publishes what it observed and fails it on any drift.
 *
 * <p>When the target cannot be used (a live run without a token, say), the first test class fails with
 * the one message that says how to fix it, and every later class is aborted with it: the run stops at
 * once instead of failing test by test.
 */
public final class ConformanceExtension implements ExecutionCondition, BeforeAllCallback, ParameterResolver, AfterEachCallback {
    /** Report-entry keys the report listener reads. */
    public static final String ENTRY_BEHAVIOUR = "wawp.behaviour";
    public static final String ENTRY_OBSERVED = "wawp.observed";
    public static final String ENTRY_DRIFT = "wawp.drift";
    public static final String ENTRY_TARGET = "wawp.target";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ConformanceExtension.class);

    /** Holds the run's target, or why there is none; closed with the root store. */
    private static final class RunTarget implements AutoCloseable {
        final TargetSettings settings;
        final Target target;
        final String error;
        final boolean controlApi;
        boolean errorReported;

        RunTarget(TargetSettings settings, Target target, String error, boolean controlApi) {
            this.settings = settings;
            this.target = target;
            this.error = error;
            this.controlApi = controlApi;
        }

        static RunTarget open(ExtensionContext root) {
            TargetSettings settings;
            try {
                boolean ignoreEnv = root.getConfigurationParameter(TargetSettings.IGNORE_ENVIRONMENT).map(Boolean::parseBoolean).orElse(false);
                settings = TargetSettings.resolve(root::getConfigurationParameter, ignoreEnv ? Map.of() : System.getenv());
            } catch (ConformanceConfigException e) {
                return new RunTarget(null, null, e.getMessage(), false);
            }
            if (settings.dryRun()) {
                boolean control = switch (settings.kind()) {
                    case MOCK -> true;
                    case URL -> Target.hasControlApi(settings.baseUrl());
                    case LIVE -> false;
                };
                return new RunTarget(settings, null, null, control);
            }
            try {
                Target target = Target.open(settings);
                return new RunTarget(settings, target, null, target.control().isPresent());
            } catch (RuntimeException e) {
                return new RunTarget(settings, null, Masking.mask("Expected to reach the target (" + settings.describe()
                        + "), but could not: " + e.getMessage()), false);
            }
        }

        String describe() {
            if (target != null) {
                return target.describe();
            }
            return settings == null ? "no target" : settings.describe() + (settings.dryRun() ? " (dry run; control API: "
                    + (controlApi ? "yes" : "no") + ")" : "");
        }

        @Override
        public void close() {
            if (target != null) {
                target.close();
            }
        }
    }

    private static RunTarget runTarget(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(RunTarget.class, k -> RunTarget.open(context.getRoot()), RunTarget.class);
    }

    private static Optional<Behaviour> behaviour(ExtensionContext context) {
        return context.getTestMethod().map(m -> m.getAnnotation(Covers.class)).map(Covers::value);
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<Behaviour> behaviour = behaviour(context);
        if (behaviour.isEmpty()) {
            return ConditionEvaluationResult.enabled("not a behaviour test");
        }
        RunTarget run = runTarget(context);
        if (run.error != null) {
            return ConditionEvaluationResult.enabled("the target's error is reported by the class");
        }
        Optional<String> skip = skipReason(behaviour.get(), run);
        if (run.settings.dryRun()) {
            return ConditionEvaluationResult.disabled(skip.map(r -> "dry run: would skip: " + r).orElse("dry run: would run"));
        }
        return skip.map(ConditionEvaluationResult::disabled).orElseGet(() -> ConditionEvaluationResult.enabled("runs on this target"));
    }

    /** Says why a behaviour cannot run on the target, or empty when it can. */
    private static Optional<String> skipReason(Behaviour b, RunTarget run) {
        TargetSettings s = run.settings;
        return switch (b.need()) {
            case NOTHING -> Optional.empty();
            case LATER -> b.notProvokableReason();
            case CONTROL_API -> run.controlApi ? Optional.empty() : Optional.of("not provokable on this target: "
                    + b.notProvokableReason().orElse("it needs the mock's control API")
                    + "; only a target with a control API (the Wawp mock) can show it on demand");
            case NEW_SESSION -> s.mayCreate() ? Optional.empty() : Optional.of("spends quota: this test creates a session; "
                    + "allow it with -Dwawp.live.allowCreate=true (the suite deletes what it creates)");
            case A_SESSION -> s.mayCreate() || s.instanceId() != null ? Optional.empty() : Optional.of("needs a session: "
                    + "set WAWP_INSTANCE_ID to an existing instance, or allow creates with -Dwawp.live.allowCreate=true");
            case OWN_SESSION -> s.mayCreate() ? Optional.empty() : Optional.of("destructive: "
                    + b.notProvokableReason().orElse("it changes a session")
                    + ", so on live it runs only on a session this run creates, never on WAWP_INSTANCE_ID or any other; "
                    + "allow creates with -Dwawp.live.allowCreate=true (the suite deletes what it creates)");
            case WORKING_SESSION -> run.controlApi || s.instanceId() != null ? Optional.empty() : Optional.of("needs a logged-in "
                    + "session: set WAWP_INSTANCE_ID to a WORKING instance (a new one would need a phone to scan its QR code)");
        };
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        RunTarget run = runTarget(context);
        if (run.error == null) {
            return;
        }
        synchronized (run) {
            if (!run.errorReported) {
                run.errorReported = true;
                throw new ConformanceConfigException(run.error);
            }
        }
        throw new TestAbortedException("not run: " + run.error);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == Conformance.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext context) {
        Behaviour behaviour = behaviour(context).orElseThrow(() -> new IllegalStateException(
                "Expected @Covers(Behaviour.X) on " + context.getDisplayName() + " to hand it a Conformance; add the annotation."));
        Conformance conformance = new Conformance(runTarget(context).target, behaviour);
        context.getStore(NAMESPACE).put(Conformance.class, conformance);
        return conformance;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Conformance c = context.getStore(NAMESPACE).remove(Conformance.class, Conformance.class);
        if (c == null) {
            return;
        }
        RunTarget run = runTarget(context);
        try {
            if (run.target.isLive()) {
                c.created().forEach(run.target::delete);
            }
        } finally {
            List<Drift> drifts = c.drifts();
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put(ENTRY_BEHAVIOUR, c.behaviour().id());
            entry.put(ENTRY_OBSERVED, c.observed().isEmpty() ? "-" : c.observed());
            if (!drifts.isEmpty()) {
                entry.put(ENTRY_DRIFT, drifts.stream().map(Drift::toString).collect(Collectors.joining("\n")));
            }
            entry.put(ENTRY_TARGET, run.describe());
            context.publishReportEntry(entry);
            if (context.getExecutionException().isEmpty()) {
                if (!c.checked()) {
                    throw new AssertionError("The test for " + c.behaviour().id() + " checked nothing: call wawp.expect(...) on its response.");
                }
                if (!drifts.isEmpty()) {
                    throw new AssertionError(Masking.mask("Expecting " + c.behaviour().id() + " (" + c.behaviour().title() + ") to show:\n  "
                            + c.behaviour().expected() + "\nbut observed:\n  " + c.observed() + "\nDrift:\n  "
                            + drifts.stream().map(Drift::toString).collect(Collectors.joining("\n  "))));
                }
            }
        }
    }
}
