package dev.wawpkit.mock;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Runs Debian's headless Chromium for browser tests, by itself or driven by Selenium through Debian's
 * chromedriver. Outside CI a missing browser or driver skips the test with one line; in CI
 * ({@code CI=true}, where {@code .ci/run} installs both) it fails the test.
 */
final class Chromium {
    private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");
    private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver");
    /** Each reason to skip is printed once per run, however many classes skip for it. */
    private static final Set<String> TOLD = ConcurrentHashMap.newKeySet();
    /** Kept so its level holds: Selenium warns it has no DevTools bindings for this Chromium; no test needs them. */
    private static final Logger CDP_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");
    /** Headless, and nothing that reaches another host: no sync, updates, QUIC or background fetches. */
    private static final List<String> FLAGS = List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync");

    private Chromium() {}

    static Path require() {
        return find(CANDIDATES, "No Chromium at " + CANDIDATES + ": install Debian's chromium package (.ci/run does).");
    }

    private static Path find(List<String> candidates, String why) {
        for (String c : candidates) {
            if (Files.isExecutable(Path.of(c))) {
                return Path.of(c);
            }
        }
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError(why);
        }
        if (TOLD.add(why)) {
            System.err.println("SKIPPED browser tests: " + why); // surefire shows no reason for a skipped class
        }
        Assumptions.abort(why);
        return null;
    }

    /**
     * Starts Chromium under Selenium with the system's chromedriver, so Selenium Manager never runs
     * (it would download a driver); the profile is a fresh folder the caller deletes with {@link #delete}.
     */
    static ChromeDriver driver(Path profile) {
        CDP_FINDER.setLevel(Level.OFF);
        Path browser = require();
        Path driver = find(
                DRIVERS,
                "No chromedriver at " + DRIVERS + ": install Debian's chromium-driver package (.ci/run does).");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.toFile())
                .usingAnyFreePort()
                .withLogOutput(OutputStream.nullOutputStream())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.toFile());
        options.addArguments(FLAGS);
        options.addArguments("--user-data-dir=" + profile, "--window-size=1200,900");
        return new ChromeDriver(service, options);
    }

    /** Deletes a profile folder; one left behind is harmless. */
    static void delete(Path dir) {
        deleteQuietly(dir);
    }

    /** Loads the page, lets its scripts run, and returns the DOM as the browser ends up with it. */
    static String dumpDom(String url) throws IOException, InterruptedException {
        Path browser = require();
        Path profile = Files.createTempDirectory("wawp-chromium");
        List<String> cmd = new ArrayList<>(List.of(browser.toString()));
        cmd.addAll(FLAGS);
        cmd.addAll(List.of("--user-data-dir=" + profile, "--virtual-time-budget=10000", "--dump-dom", url));
        Process p = new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                throw new AssertionError("Chromium did not finish loading " + url + " within 60 s");
            }
            return dom;
        } finally {
            p.destroyForcibly();
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }
}
