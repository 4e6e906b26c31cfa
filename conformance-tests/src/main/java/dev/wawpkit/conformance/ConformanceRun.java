package dev.wawpkit.conformance;

import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import dev.wawpkit.conformance.report.Report;
import dev.wawpkit.conformance.report.ReportListener;
import java.nio.file.Path;
import java.util.Map;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs the whole suite once through the JUnit Platform launcher and returns its report; what the jar
 * does, and what the suite's own tests use to run it against stand-ins.
 */
public final class ConformanceRun {
    /** The package the suite's classes live in. */
    public static final String PACKAGE = "dev.wawpkit.conformance";
    /** Which classes in it are the suite. */
    public static final String CLASS_PATTERN = ".*\\.[A-Z][A-Za-z]*[a-z]Conformance";

    private ConformanceRun() {
    }

    /**
     * Runs the suite with the given configuration parameters (they win over system properties) and
     * writes the report into the directory.
     *
     * @return the report; never null
     */
    public static Report run(Map<String, String> parameters, Path reportDir) {
        ReportListener listener = new ReportListener(reportDir, false);
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage(PACKAGE))
                .filters(includeClassNamePatterns(CLASS_PATTERN))
                .configurationParameters(parameters)
                .build();
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .build());
        launcher.execute(request, listener);
        return listener.report().orElseThrow(() -> new IllegalStateException(
                "Expected the launcher to find the conformance classes (" + PACKAGE + "." + CLASS_PATTERN
                        + "), but it found none: is the suite on the classpath?"));
    }
}
