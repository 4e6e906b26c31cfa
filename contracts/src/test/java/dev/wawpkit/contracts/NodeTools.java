package dev.wawpkit.contracts;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the command-line tools of {@code tools/} (the Rust-core Pact verifier, Redocly and
 * Spectral), which {@code .ci/run} installs with {@code npm ci --prefix tools}.
 *
 * <p>A missing tool skips the test with one line on stderr outside CI, and fails it when the
 * environment variable {@code CI} is {@code true}, so CI can never pass without running them.
 * Every tool runs with its telemetry and update checks off: the tests reach no network.
 */
public final class NodeTools {
    private static final AtomicBoolean SKIP_REPORTED = new AtomicBoolean();
    private static final Map<String, String> OFFLINE = Map.of(
            "PACT_DO_NOT_TRACK", "true",
            "REDOCLY_TELEMETRY", "off",
            "REDOCLY_SUPPRESS_UPDATE_NOTICE", "true",
            "NO_UPDATE_NOTIFIER", "1");

    private NodeTools() {}

    /** Returns the tools folder: system property {@code wawp.tools.dir}, else {@code ../tools}. */
    public static Path dir() {
        return Path.of(System.getProperty("wawp.tools.dir", "../tools"))
                .toAbsolutePath()
                .normalize();
    }

    /**
     * Returns the installed executable {@code tools/node_modules/.bin/<name>}; when it is missing,
     * skips the calling test (outside CI) or fails it (CI=true) with the command that installs it.
     */
    public static Path require(String name) {
        Path bin = dir().resolve("node_modules/.bin").resolve(name);
        if (Files.isExecutable(bin)) {
            return bin;
        }
        String install = "run `npm ci --prefix tools` (.ci/run does it before the build)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("Expected " + name + " at " + bin + ", since the test command runs it, but it is missing: " + install
                    + ".");
        }
        String message = name + " is missing from " + bin.getParent() + "; " + install + " (in CI this fails)";
        if (SKIP_REPORTED.compareAndSet(false, true)) {
            System.err.println("SKIPPED the tests that need tools/: " + message + ".");
        }
        Assumptions.abort(message);
        return bin;
    }

    /** What a tool printed and how it ended. */
    public record Result(int exitCode, String output) {}

    /**
     * Runs a command in the tools folder with telemetry off, stdout and stderr together, and
     * returns its exit code and output; the output is also kept in {@code log}.
     */
    public static Result run(Path log, Duration timeout, List<String> command) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(dir().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(OFFLINE);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                fail("Expected " + command.get(0) + " to finish within " + timeout + ", but it did not; its output "
                        + "so far is in " + log);
            }
            return new Result(process.exitValue(), Files.readString(log));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command.get(0), e);
        }
    }
}
