package dev.wawpkit.conformance.cli;

import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import dev.wawpkit.conformance.ConformanceSuite;
import dev.wawpkit.conformance.internal.ConformanceConfigException;
import dev.wawpkit.conformance.internal.Masking;
import dev.wawpkit.conformance.internal.TargetSettings;
import dev.wawpkit.conformance.report.Report;
import dev.wawpkit.conformance.report.ReportListener;
import dev.wawpkit.conformance.report.ReportWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the conformance suite from the command line: {@code java -jar wawp-conformance.jar --target live}.
 *
 * <p>Exit codes: 0 when every behaviour that ran passed or only differs from the mock's choice, 1 when one failed, 2 when the run could not
 * start (a bad option, a live run without a token); then one line on stderr says how to fix it.
 */
@Command(
        name = "wawp-conformance",
        mixinStandardHelpOptions = true,
        versionProvider = ConformanceMain.BuildVersion.class,
        description = {
            "Checks a Wawp session API (the mock, any base URL, or the live API) against the specification,",
            "one result per documented behaviour. The live token comes from WAWP_ACCESS_TOKEN or a file",
            "(WAWP_ACCESS_TOKEN_FILE), never from the command line."
        })
public final class ConformanceMain implements Callable<Integer> {
    @Option(
            names = "--target",
            paramLabel = "mock|live",
            description = "mock (default: starts the mock in-process) or live (https://api.wawp.net).")
    String target;

    @Option(
            names = "--base-url",
            paramLabel = "URL",
            description =
                    "Test this base URL instead, e.g. http://127.0.0.1:8080; token from WAWP_TOKEN unless it is a Wawp mock.")
    String baseUrl;

    @Option(
            names = "--instance-id",
            paramLabel = "ID",
            description = "Live: an existing instance to read (or WAWP_INSTANCE_ID).")
    String instanceId;

    @Option(
            names = "--allow-create",
            description = {
                "Live: run the tests that create sessions (spends quota), and those that stop, restart,",
                "log out or delete one: they do that only to sessions the run created, and delete what they create."
            })
    boolean allowCreate;

    @Option(names = "--dry-run", description = "List what would run on the target; run nothing.")
    boolean dryRun;

    @Option(
            names = "--report-dir",
            paramLabel = "DIR",
            defaultValue = "target/conformance",
            description = "Where report.md and report.json go (default: ${DEFAULT-VALUE}).")
    Path reportDir;

    @Option(
            names = "--capture",
            paramLabel = "DIR",
            description = {
                "Save what a target that is not a Wawp mock answers, one JSON file per",
                "behaviour (tokens and instance ids masked), for the mock's --observed."
            })
    Path capture;

    @Option(
            names = "--observed",
            paramLabel = "DIR",
            description = "Compare with a mock that answers with this capture's shapes.")
    Path observed;

    @Option(
            names = "--boot-timeout",
            paramLabel = "SECONDS",
            description = "How long to wait for a timed transition (default 60).")
    Long bootTimeout;

    private final PrintStream out;
    private final PrintStream err;

    ConformanceMain(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    /** Runs the command line and returns the exit code, printing to the given streams. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        CommandLine cli = new CommandLine(new ConformanceMain(out, err));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("wawp-conformance: " + ex.getMessage() + " (see --help)");
            return 2;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (target != null && baseUrl != null) {
            return fail("Expected --target or --base-url, but got both: use --base-url alone to test a URL.");
        }
        if (target != null && !target.equals("mock") && !target.equals("live")) {
            return fail(
                    "Expected --target mock or --target live, but got '" + target + "'. For a URL use --base-url URL.");
        }
        String refused = refusedValue();
        if (refused != null) {
            return fail(refused);
        }
        if (target != null) {
            parameters.put(TargetSettings.TARGET, target);
            parameters.put(TargetSettings.BASE_URL, ""); // empty counts as unset: --target wins over -Dwawp.baseUrl
        }
        if (baseUrl != null) {
            parameters.put(TargetSettings.TARGET, "url");
            parameters.put(TargetSettings.BASE_URL, baseUrl);
        }
        Map<String, Object> options = new LinkedHashMap<>();
        options.put(TargetSettings.INSTANCE_ID, instanceId);
        options.put(TargetSettings.ALLOW_CREATE, allowCreate ? true : null);
        options.put(TargetSettings.DRY_RUN, dryRun ? true : null);
        options.put(TargetSettings.BOOT_TIMEOUT_SECONDS, bootTimeout);
        options.put(TargetSettings.CAPTURE_DIR, capture);
        options.put(TargetSettings.OBSERVED_DIR, observed);
        options.forEach((key, value) -> {
            if (value != null) {
                parameters.put(key, value.toString());
            }
        });
        parameters.put(TargetSettings.REPORT_DIR, reportDir.toString());
        try {
            // The same check the suite makes, made first: a run that cannot start stops here, at once.
            TargetSettings.resolve(
                    key -> Optional.ofNullable(parameters.get(key))
                            .or(() -> Optional.ofNullable(System.getProperty(key))),
                    System.getenv());
        } catch (ConformanceConfigException e) {
            return fail(e.getMessage());
        }
        ReportListener listener = new ReportListener(reportDir, false);
        LauncherFactory.create(LauncherConfig.builder()
                        .enableTestExecutionListenerAutoRegistration(false)
                        .build())
                .execute(
                        LauncherDiscoveryRequestBuilder.request()
                                .selectors(selectPackage(ConformanceSuite.PACKAGE))
                                .filters(includeClassNamePatterns(ConformanceSuite.CLASS_PATTERN))
                                .configurationParameters(parameters)
                                .build(),
                        listener);
        Report report = listener.report()
                .orElseThrow(
                        () -> new IllegalStateException("Expected the conformance classes (" + ConformanceSuite.PACKAGE
                                + "." + ConformanceSuite.CLASS_PATTERN + ") on the classpath, but found none."));
        ReportWriter.consoleLines(report, reportDir).forEach(out::println);
        return report.passed() ? 0 : 1;
    }

    /** Checks the values a run would only trip over later (or after its work); null when all fit. */
    private String refusedValue() {
        if (baseUrl != null) {
            URI uri = null;
            try {
                uri = URI.create(baseUrl);
            } catch (IllegalArgumentException e) {
                // refused below
            }
            if (uri == null
                    || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    || uri.getHost() == null) {
                return "Expected --base-url to be an http(s) base URL like http://127.0.0.1:8080, but got '" + baseUrl
                        + "'.";
            }
        }
        if (bootTimeout != null && bootTimeout < 1) {
            return "Expected --boot-timeout to be 1 or more seconds, but got " + bootTimeout + ".";
        }
        if (observed != null && !Files.isDirectory(observed)) {
            return "Expected --observed to be a directory of captured answers, but " + observed
                    + " is not one: make one with --capture DIR against the server to learn from.";
        }
        String unwritable = unwritable("--report-dir", reportDir);
        return unwritable != null || capture == null ? unwritable : unwritable("--capture", capture);
    }

    private static String unwritable(String option, Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException | UnsupportedOperationException e) {
            return "Expected " + option + " to be a directory this user can write, but " + dir + " cannot be created ("
                    + e.getClass().getSimpleName() + "). Pick another " + option + ".";
        }
        return null;
    }

    private int fail(String message) {
        err.println("wawp-conformance: " + Masking.mask(message));
        return 2;
    }

    /** Reads the version the build wrote into {@code version.properties} beside this class; "unknown" from unfiltered sources. */
    static final class BuildVersion implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = ConformanceMain.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            String v = p.getProperty("version", "");
            return new String[] {"wawp-conformance " + (v.isEmpty() || v.startsWith("${") ? "unknown" : v)};
        }
    }
}
