package dev.wawpkit.mock.cli;

import dev.wawpkit.mock.WawpMockServer;
import dev.wawpkit.mock.internal.Secrets;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Starts the Wawp mock from the command line: {@code java -jar wawp-mock-server.jar [options]}.
 *
 * <p>Exit codes: 0 after Ctrl-C, 1 when the server cannot start, 2 for bad options. Errors are one
 * line on stderr, never a stack trace.
 */
@Command(
        name = "wawp-mock-server",
        mixinStandardHelpOptions = true,
        versionProvider = WawpMockMain.BuildVersion.class,
        sortOptions = false,
        description = "Serves a stateful mock of the Wawp session API (/v2/session/*) and its control API "
                + "(/__admin/wawp/*) until Ctrl-C.",
        footer = {
            "",
            "Tokens also come from env WAWP_MOCK_TOKENS (comma-separated). With none, the dev token "
                    + WawpMockServer.DEFAULT_TOKEN + " is valid.",
            "Every other option not given also comes from env WAWP_MOCK_<OPTION> (--boot-delay: WAWP_MOCK_BOOT_DELAY,"
                    + " --open-control-api: WAWP_MOCK_OPEN_CONTROL_API=true), as in the container image."
        })
public final class WawpMockMain implements Callable<Integer> {
    @Option(
            names = "--port",
            paramLabel = "PORT",
            description = "Port to listen on (0 = any free port). Default: 8080.")
    int port = 8080;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "Address to listen on. Default: 127.0.0.1.")
    String bind = "127.0.0.1";

    @Option(names = "--token", paramLabel = "TOKEN", description = "A valid access token (repeatable).")
    List<String> tokens = new ArrayList<>();

    @Option(
            names = "--quota",
            paramLabel = "N",
            description = "Sessions each token may create (then 403). Default: no limit.")
    Integer quota;

    @Option(
            names = "--boot-delay",
            paramLabel = "DELAY",
            description =
                    "How long STARTING lasts: 500ms, 3s, 1m, or 'manual' (move it through the control API). Default: 3s.")
    String bootDelay = "3s";

    @Option(
            names = "--qr-rotation",
            paramLabel = "PERIOD",
            description = "How often the QR code changes while a session waits for a scan: 20s, 1m. Default: 30s.")
    String qrRotation = "30s";

    @Option(
            names = "--state-file",
            paramLabel = "PATH",
            description = "Keep sessions and quotas in this JSON file across restarts (written atomically).")
    Path stateFile;

    @Option(
            names = "--observed",
            paramLabel = "DIR",
            description = "Answer with the shapes a conformance capture (--capture DIR) observed on another server.")
    Path observed;

    @Option(
            names = "--max-sessions",
            paramLabel = "N",
            description = "Sessions kept in all; beyond it the least recently used are forgotten. Default: 100000.")
    int maxSessions = WawpMockServer.DEFAULT_MAX_SESSIONS;

    @Option(
            names = "--admin-token",
            paramLabel = "TOKEN",
            description = "Lock the control API with this token (also env WAWP_MOCK_ADMIN_TOKEN). "
                    + "Required with a --bind beyond loopback.")
    String adminToken;

    @Option(
            names = "--open-control-api",
            description =
                    "Allow a --bind beyond loopback without an admin token (anyone reaching it can steer the mock).")
    boolean openControlApi;

    @Option(
            names = "--cors-origins",
            paramLabel = "ORIGINS",
            description = "Web origins that may call the API from a browser (CORS), comma-separated; * for any, "
                    + "'none' for no CORS. Never the control API. Default: *.")
    String corsOrigins = "*";

    @Option(
            names = "--wiremock-admin",
            description = "Turn on WireMock's own admin routes a mock keeps off (shutdown, files, settings, "
                    + "recordings) and stubs that proxy, read files or fire WireMock's webhook.")
    boolean wireMockAdmin;

    @Option(
            names = "--journal-size",
            paramLabel = "N",
            description = "Requests the journal keeps per access token (oldest go first). Default: 1000.")
    int journalSize = WawpMockServer.DEFAULT_JOURNAL_PER_TOKEN;

    @Option(
            names = "--journal-cap",
            paramLabel = "N",
            description = "Requests the journal keeps in all tokens together. Default: 20000.")
    int journalCap = WawpMockServer.DEFAULT_JOURNAL_MAX;

    /** Picocli's model of this command, to tell an option given on the command line from one taken from env. */
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Map<String, String> env;
    private final PrintWriter out;

    WawpMockMain(Map<String, String> env, PrintWriter out) {
        this.env = env;
        this.out = out;
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        CommandLine cli =
                commandLine(System.getenv(), new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        int code = cli.execute(args);
        if (code != 0 || cli.isUsageHelpRequested() || cli.isVersionHelpRequested()) {
            System.exit(code);
        }
        // code 0 after a normal run means Ctrl-C already stopped the server
    }

    static CommandLine commandLine(Map<String, String> env, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new WawpMockMain(env, out));
        cli.setOut(out);
        cli.setErr(err);
        cli.setDefaultValueProvider(
                option -> option instanceof CommandLine.Model.OptionSpec o && ENV_OPTIONS.contains(o.longestName())
                        ? blankToNull(env.get(envName(o.longestName())))
                        : null);
        cli.setParameterExceptionHandler((ex, args) -> {
            String source = ex.getArgSpec() instanceof CommandLine.Model.OptionSpec o
                            && ENV_OPTIONS.contains(o.longestName())
                            && Arrays.stream(args).noneMatch(a -> a.startsWith(o.longestName()))
                    ? " (from env " + envName(o.longestName()) + ")"
                    : "";
            err.println("wawp-mock-server: " + ex.getMessage().replace('\n', ' ') + source + " (try --help)");
            err.flush();
            return 2;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            err.println("wawp-mock-server: " + ex.getMessage());
            err.flush();
            return ex instanceof UsageError ? 2 : 1;
        });
        return cli;
    }

    @Override
    public Integer call() throws InterruptedException {
        WawpMockServer server = build(); // a corrupt state file stops here, with its one-line reason
        try {
            server.start();
        } catch (IllegalStateException e) {
            Throwable root = rootCause(e);
            if (root instanceof BindException
                    && String.valueOf(root.getMessage()).contains("in use")) {
                throw new IllegalStateException("cannot listen on " + bind + ":" + port + " (" + rootMessage(e)
                        + "). Is another mock running? Pick another " + named("--port") + ".");
            }
            throw new IllegalStateException("cannot listen on " + bind + ":" + port + " (" + rootMessage(e) + "). "
                    + named("--bind") + " expects an address of this machine, such as 127.0.0.1 or 0.0.0.0.");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.stop();
                            out.println("Wawp mock stopped.");
                            stopped.countDown();
                        },
                        "wawp-mock-shutdown"));
        out.println("Wawp mock listening on " + server.baseUrl() + " (Ctrl-C to stop)");
        out.println("  tokens: " + tokenHint() + quotaHint() + "; boot delay: " + bootDelay);
        String admin = adminToken != null ? adminToken : env.get("WAWP_MOCK_ADMIN_TOKEN");
        if (admin != null) {
            out.println("  control API locked: send X-Wawp-Admin-Token: " + Secrets.mask(admin));
        } else if (openControlApi) {
            out.println("  WARNING: the control API is open to anyone who can reach " + server.baseUrl());
        }
        out.println("  try:    curl -s -X POST '" + server.baseUrl() + "/v2/session/create?access_token=...'");
        out.println("  control API: " + server.baseUrl() + "/__admin/wawp/sessions"
                + (stateFile == null ? "" : "; state file: " + stateFile.toAbsolutePath()));
        out.println("  dashboard: " + server.baseUrl() + "/__admin/wawp/ui");
        stopped.await();
        return 0;
    }

    WawpMockServer build() {
        WawpMockServer.Builder b = WawpMockServer.builder();
        option("--port", () -> b.port(port));
        option("--bind", () -> b.bindAddress(bind));
        option("--max-sessions", () -> b.maxSessions(maxSessions));
        if (quota != null) {
            option("--quota", () -> b.quota(quota));
        }
        for (String t : tokens) {
            option("--token", () -> b.token(t));
        }
        for (String t : envTokens()) {
            try {
                b.token(t);
            } catch (IllegalArgumentException e) {
                throw new UsageError("WAWP_MOCK_TOKENS: " + e.getMessage());
            }
        }
        if (wireMockAdmin) {
            b.wireMockAdminRoutes();
        }
        if (journalSize < 1) {
            throw new UsageError(
                    named("--journal-size") + " expects 1 or more requests per token, but got " + journalSize + ".");
        }
        option("--journal-cap", () -> b.journal(journalSize, journalCap));
        option(
                "--cors-origins",
                () -> b.corsOrigins(
                        corsOrigins.equalsIgnoreCase("none")
                                ? new String[0]
                                : Arrays.stream(corsOrigins.split(","))
                                        .map(String::trim)
                                        .toArray(String[]::new)));
        Duration delay = parseDelay(named("--boot-delay"), bootDelay);
        if (delay == null) {
            b.manualBoot();
        } else {
            b.bootDelay(delay);
        }
        String admin = adminToken != null ? adminToken : env.get("WAWP_MOCK_ADMIN_TOKEN");
        if (admin != null) {
            option("--admin-token", () -> b.adminToken(admin));
        }
        if (openControlApi) {
            b.openControlApi();
        }
        Duration rotation = qrRotation.trim().equalsIgnoreCase("manual")
                ? Duration.ZERO
                : parseDelay(named("--qr-rotation"), qrRotation);
        if (rotation == null || rotation.isZero()) {
            throw new UsageError(
                    named("--qr-rotation") + " expects a period above 0 like 20s or 1m, but got '" + qrRotation + "'");
        }
        b.qrRotation(rotation);
        if (stateFile != null) {
            b.stateFile(stateFile);
        }
        if (observed != null) {
            b.observed(observed);
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
    }

    List<String> allTokens() {
        List<String> all = new ArrayList<>(tokens);
        all.addAll(envTokens());
        return all;
    }

    private List<String> envTokens() {
        List<String> all = new ArrayList<>();
        String fromEnv = env.get("WAWP_MOCK_TOKENS");
        if (fromEnv != null) {
            for (String t : fromEnv.split(",")) {
                if (!t.isBlank()) {
                    all.add(t.trim());
                }
            }
        }
        return all;
    }

    /** Sets one option on the builder; a refusal becomes a usage error that names the option. */
    private void option(String name, Runnable set) {
        try {
            set.run();
        } catch (IllegalArgumentException e) {
            throw new UsageError(named(name) + ": " + e.getMessage());
        }
    }

    /** The option as the user gave it: its name, and the env var when the value came from there. */
    private String named(String option) {
        boolean fromEnv = spec != null
                && ENV_OPTIONS.contains(option)
                && !spec.commandLine().getParseResult().hasMatchedOption(option)
                && blankToNull(env.get(envName(option))) != null;
        return fromEnv ? option + " (from env " + envName(option) + ")" : option;
    }

    private String tokenHint() {
        List<String> all = allTokens();
        if (all.isEmpty()) {
            return WawpMockServer.DEFAULT_TOKEN + " (the documented dev token; set your own with --token)";
        }
        return String.join(", ", all.stream().map(Secrets::mask).toList());
    }

    private String quotaHint() {
        return quota == null ? "" : " (quota " + quota + " creates each)";
    }

    /** The options a container sets through env vars; --token has WAWP_MOCK_TOKENS, a list. */
    private static final Set<String> ENV_OPTIONS = Set.of(
            "--port",
            "--bind",
            "--quota",
            "--boot-delay",
            "--qr-rotation",
            "--state-file",
            "--max-sessions",
            "--admin-token",
            "--open-control-api",
            "--cors-origins",
            "--journal-size",
            "--journal-cap",
            "--wiremock-admin");

    /** WAWP_MOCK_BOOT_DELAY for --boot-delay. */
    static String envName(String option) {
        return "WAWP_MOCK_" + option.substring(2).toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static final Pattern DELAY = Pattern.compile("(\\d{1,7})(ms|s|m)?");

    /** Parses 500ms, 3s, 1m or a number of milliseconds given to the named option; null for 'manual'. */
    static Duration parseDelay(String option, String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("manual")) {
            return null;
        }
        Matcher m = DELAY.matcher(t);
        if (!m.matches()) {
            throw new UsageError(option + " expects a duration like 500ms, 3s or 1m"
                    + (option.startsWith("--boot-delay") ? ", or 'manual'" : "") + ", but got '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "ms" : m.group(2);
        return switch (unit) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofMillis(n);
        };
    }

    private static String rootMessage(Throwable e) {
        Throwable t = rootCause(e);
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** A bad option value found after parsing; exits 2 like a parse error. */
    static final class UsageError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageError(String message) {
            super(message, null, false, false);
        }
    }

    /** Reads the version the build wrote into {@code version.properties} beside this class. */
    static final class BuildVersion implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"wawp-mock-server " + version()};
        }

        /** The project version this jar was built as, or "unknown" when run from unfiltered sources. */
        static String version() {
            try (InputStream in = WawpMockMain.class.getResourceAsStream("version.properties")) {
                Properties p = new Properties();
                if (in != null) {
                    p.load(in);
                }
                String v = p.getProperty("version", "");
                return v.isEmpty() || v.startsWith("${") ? "unknown" : v;
            } catch (IOException e) {
                return "unknown";
            }
        }
    }
}
