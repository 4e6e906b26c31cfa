package dev.wawpkit.mock;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's headless Chromium for browser tests. Outside CI a missing browser skips the test
 * with one line; in CI ({@code CI=true}, where {@code .ci/run} installs it) it fails the test.
 */
final class Chromium {
    private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");

    private Chromium() {
    }

    static Path require() {
        for (String c : CANDIDATES) {
            if (Files.isExecutable(Path.of(c))) {
                return Path.of(c);
            }
        }
        String why = "No Chromium at " + CANDIDATES + ": install Debian's chromium package (.ci/run does).";
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError(why);
        }
        Assumptions.abort(why);
        return null;
    }

    /** Loads the page, lets its scripts run, and returns the DOM as the browser ends up with it. */
    static String dumpDom(String url) throws IOException, InterruptedException {
        Path browser = require();
        Path profile = Files.createTempDirectory("wawp-chromium");
        List<String> cmd = new ArrayList<>(List.of(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--virtual-time-budget=10000", "--dump-dom", url));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
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
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }
}
