package dev.wawpkit.conformance;

import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import dev.wawpkit.conformance.internal.TargetSettings;
import dev.wawpkit.conformance.report.Report;
import dev.wawpkit.conformance.report.ReportListener;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** Runs the suite in-process against a stand-in, isolated from this JVM's environment. */
final class Runs {
    private Runs() {}

    /** One run's report and the launcher's own counts. */
    record Outcome(Report report, TestExecutionSummary summary) {
        Report.Row row(Behaviour b) {
            return report.rows().stream()
                    .filter(r -> r.id().equals(b.id()))
                    .findFirst()
                    .orElseThrow();
        }
    }

    /** Runs the suite with the parameters (the environment ignored) and writes the report into dir. */
    static Outcome run(Path dir, Map<String, String> parameters) {
        Map<String, String> p = new HashMap<>(parameters);
        p.put(TargetSettings.IGNORE_ENVIRONMENT, "true");
        // An empty value counts as unset and hides a system property the build may pass (-Dwawp.baseUrl=...).
        for (String key : new String[] {
            TargetSettings.TARGET,
            TargetSettings.BASE_URL,
            TargetSettings.TOKEN,
            TargetSettings.TOKEN_FILE,
            TargetSettings.INSTANCE_ID,
            TargetSettings.ALLOW_CREATE,
            TargetSettings.LIVE_BASE_URL_OVERRIDE,
            TargetSettings.DRY_RUN,
            TargetSettings.CAPTURE_DIR,
            TargetSettings.OBSERVED_DIR
        }) {
            p.putIfAbsent(key, "");
        }
        p.putIfAbsent(TargetSettings.BOOT_TIMEOUT_SECONDS, "5");
        ReportListener report = new ReportListener(dir, false);
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        LauncherFactory.create(LauncherConfig.builder()
                        .enableTestExecutionListenerAutoRegistration(false)
                        .build())
                .execute(
                        LauncherDiscoveryRequestBuilder.request()
                                .selectors(selectPackage(ConformanceSuite.PACKAGE))
                                .filters(includeClassNamePatterns(ConformanceSuite.CLASS_PATTERN))
                                .configurationParameters(p)
                                .build(),
                        report,
                        summary);
        return new Outcome(report.report().orElseThrow(), summary.getSummary());
    }
}
