package dev.wawpkit.conformance.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Chooses the run's target once, from configuration parameters (system properties, or what the CLI
 * passes) and the environment, and refuses a setting that cannot work with one clear message.
 *
 * @param kind         mock, url or live
 * @param baseUrl      the API's base URL; null for the embedded mock (known once it starts)
 * @param token        the access token; null when the suite makes its own (mock, or a URL with a control API)
 * @param allowCreate  whether tests that create sessions (and so spend quota) may run on live
 * @param instanceId   an existing instance to read on live, or null
 * @param dryRun       list what would run, run nothing
 * @param bootTimeout  how long to wait for a timed transition
 * @param captureDir   where to save what a target that is not a Wawp mock answers, one file per behaviour; or null
 * @param observedDir  a capture the run's embedded mock answers with, in place of its own decided shapes; or null
 */
public record TargetSettings(
        Kind kind,
        URI baseUrl,
        String token,
        boolean allowCreate,
        String instanceId,
        boolean dryRun,
        Duration bootTimeout,
        Path captureDir,
        Path observedDir) {

    /** The live API's base URL. */
    public static final URI LIVE_BASE_URL = URI.create("https://api.wawp.net");

    /** Configuration keys, in one place. */
    public static final String TARGET = "wawp.target";

    public static final String BASE_URL = "wawp.baseUrl";
    public static final String TOKEN = "wawp.token";
    public static final String TOKEN_FILE = "wawp.tokenFile";
    public static final String INSTANCE_ID = "wawp.instanceId";
    public static final String ALLOW_CREATE = "wawp.live.allowCreate";
    /** Hidden: points the live target at a local stand-in, for the suite's own tests. */
    public static final String LIVE_BASE_URL_OVERRIDE = "wawp.live.baseUrl";

    public static final String DRY_RUN = "wawp.dryRun";
    public static final String BOOT_TIMEOUT_SECONDS = "wawp.bootTimeoutSeconds";
    public static final String REPORT_DIR = "wawp.report.dir";
    public static final String CAPTURE_DIR = "wawp.capture.dir";
    public static final String OBSERVED_DIR = "wawp.observed.dir";
    /** Hidden: ignore the process environment, for the suite's own tests. */
    public static final String IGNORE_ENVIRONMENT = "wawp.internal.ignoreEnvironment";

    /** Where a run points: the Wawp mock started in-process, any base URL (the standalone mock, a staging server), or live. */
    public enum Kind {
        MOCK,
        URL,
        LIVE
    }

    /**
     * Resolves the settings.
     *
     * @param parameter looks up a configuration parameter (JUnit's, which falls back to system properties)
     * @param env       the environment
     * @throws ConformanceConfigException naming what is wrong and how to fix it
     */
    public static TargetSettings resolve(Function<String, Optional<String>> parameter, Map<String, String> env) {
        Function<String, Optional<String>> p =
                key -> parameter.apply(key).map(String::trim).filter(v -> !v.isEmpty());
        Function<String, Optional<String>> e =
                key -> Optional.ofNullable(env.get(key)).map(String::trim).filter(v -> !v.isEmpty());

        Optional<String> baseUrl = p.apply(BASE_URL).or(() -> e.apply("WAWP_BASE_URL"));
        String target = p.apply(TARGET)
                .or(() -> e.apply("WAWP_TARGET"))
                .orElse(baseUrl.isPresent() ? "url" : "mock")
                .toLowerCase(Locale.ROOT);
        boolean dryRun = p.apply(DRY_RUN).map(Boolean::parseBoolean).orElse(false);
        Duration bootTimeout = Duration.ofSeconds(
                p.apply(BOOT_TIMEOUT_SECONDS).map(Long::parseLong).orElse(60L));
        String instanceId =
                p.apply(INSTANCE_ID).or(() -> e.apply("WAWP_INSTANCE_ID")).orElse(null);
        Path capture = p.apply(CAPTURE_DIR).map(Path::of).orElse(null);
        Path observed = p.apply(OBSERVED_DIR).map(Path::of).orElse(null);

        switch (target) {
            case "mock" -> {
                if (baseUrl.isPresent()) {
                    throw new ConformanceConfigException(
                            "Expected either the embedded mock (-Dwawp.target=mock) or a base URL, "
                                    + "but got both: drop -Dwawp.target=mock to test " + baseUrl.get() + ".");
                }
                if (capture != null) {
                    throw new ConformanceConfigException(
                            "Expected a target to learn from for -Dwawp.capture.dir (--capture), but got the "
                                    + "embedded mock, whose answers are the mock's own: add -Dwawp.baseUrl=URL or -Dwawp.target=live.");
                }
                return new TargetSettings(Kind.MOCK, null, null, true, null, dryRun, bootTimeout, null, observed);
            }
            case "url" -> {
                URI uri = parseUrl(
                        baseUrl.orElseThrow(
                                () -> new ConformanceConfigException(
                                        "Expected a base URL for -Dwawp.target=url, but none was given: add -Dwawp.baseUrl=http://127.0.0.1:8080.")));
                String token = p.apply(TOKEN).or(() -> e.apply("WAWP_TOKEN")).orElse(null);
                Masking.register(token);
                return new TargetSettings(
                        Kind.URL, uri, token, true, instanceId, dryRun, bootTimeout, capture, observed);
            }
            case "live" -> {
                if (baseUrl.isPresent()) {
                    throw new ConformanceConfigException(
                            "Expected either the live API (-Dwawp.target=live) or a base URL, "
                                    + "but got both: drop -Dwawp.baseUrl, or drop -Dwawp.target=live to test "
                                    + baseUrl.get() + ".");
                }
                if (p.apply(TOKEN).isPresent()) {
                    throw new ConformanceConfigException(
                            "Refusing the live token from -Dwawp.token: a token on the command line "
                                    + "ends up in shell history and process lists. Pass it in the environment (export WAWP_ACCESS_TOKEN=...) "
                                    + "or in a file (WAWP_ACCESS_TOKEN_FILE=path or -Dwawp.tokenFile=path). Nothing was run.");
                }
                String token = liveToken(p, e);
                Masking.register(token);
                URI uri = p.apply(LIVE_BASE_URL_OVERRIDE)
                        .map(TargetSettings::parseUrl)
                        .orElse(LIVE_BASE_URL);
                boolean allowCreate =
                        p.apply(ALLOW_CREATE).map(Boolean::parseBoolean).orElse(false);
                return new TargetSettings(
                        Kind.LIVE, uri, token, allowCreate, instanceId, dryRun, bootTimeout, capture, observed);
            }
            default ->
                throw new ConformanceConfigException(
                        "Expected -Dwawp.target to be mock, url or live, but got '" + target
                                + "'. Example: -Dwawp.target=live, or -Dwawp.baseUrl=http://127.0.0.1:8080 for a URL.");
        }
    }

    private static String liveToken(Function<String, Optional<String>> p, Function<String, Optional<String>> e) {
        Optional<String> direct = e.apply("WAWP_ACCESS_TOKEN");
        if (direct.isPresent()) {
            return direct.get();
        }
        Optional<String> file = p.apply(TOKEN_FILE).or(() -> e.apply("WAWP_ACCESS_TOKEN_FILE"));
        if (file.isEmpty()) {
            throw new ConformanceConfigException("The live target needs an access token, but none was found: "
                    + "export WAWP_ACCESS_TOKEN=your-token, or put the token in a file and set WAWP_ACCESS_TOKEN_FILE=path "
                    + "(or -Dwawp.tokenFile=path). Nothing was run.");
        }
        Path path = Path.of(file.get());
        try {
            String token = Files.readString(path, StandardCharsets.UTF_8).trim();
            if (token.isEmpty()) {
                throw new ConformanceConfigException("Expected an access token in " + path + ", but the file is empty. "
                        + "Write the token into it, or export WAWP_ACCESS_TOKEN. Nothing was run.");
            }
            return token;
        } catch (IOException ex) {
            throw new ConformanceConfigException("Expected to read the live access token from " + path
                    + ", but could not: " + ex.getClass().getSimpleName()
                    + ". Check the path, or export WAWP_ACCESS_TOKEN. Nothing was run.");
        }
    }

    private static URI parseUrl(String text) {
        try {
            URI uri = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
            return uri;
        } catch (IllegalArgumentException ex) {
            throw new ConformanceConfigException(
                    "Expected a base URL like http://127.0.0.1:8080, but got '" + text + "'.");
        }
    }

    public TargetSettings shadow() {
        return new TargetSettings(Kind.MOCK, null, null, true, null, false, bootTimeout, null, observedDir);
    }

    public boolean mayCreate() {
        return kind != Kind.LIVE || allowCreate;
    }

    /** Describes the target in one line, token masked. */
    public String describe() {
        return switch (kind) {
            case MOCK -> "embedded Wawp mock";
            case URL -> "base URL " + baseUrl;
            case LIVE ->
                "live Wawp API at " + baseUrl + " (token " + Masking.token(token) + ", creates "
                        + (allowCreate ? "allowed" : "not allowed")
                        + (instanceId == null ? "" : ", instance " + instanceId) + ")";
        };
    }

    @Override
    public String toString() {
        return "TargetSettings[" + describe() + "]";
    }
}
