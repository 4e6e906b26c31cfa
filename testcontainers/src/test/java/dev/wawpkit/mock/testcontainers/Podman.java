package dev.wawpkit.mock.testcontainers;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The podman engine these tests drive: checks it is there (skip outside CI, fail in CI), builds the
 * image once per test JVM as the README says, and serves Docker's API for Testcontainers.
 */
final class Podman {
    /** The base .ci/run makes with mmdebstrap and imports: no registry is reachable here. */
    static final String LOCAL_BASE = "localhost/wawp-jre17";

    static final String VERSION = System.getProperty("wawp.version");
    /** What the README's build command tags, and WawpMockContainer's default image. */
    static final String IMAGE = "wawp-mock-server:" + VERSION;
    /** The README's build command, run from the repository root; the tests add only the local base. */
    static final String README_BUILD = "docker build -t " + IMAGE + " -f mock-server/Containerfile mock-server";

    static final Path ROOT =
            Path.of(System.getProperty("wawp.root", "..")).toAbsolutePath().normalize();

    private static boolean built;
    private static boolean skipReported;
    private static Process service;

    private Podman() {}

    /** Skips the calling test outside CI when podman or the local base is missing; fails in CI (CI=true). */
    static synchronized void assumeAvailable() {
        String missing = null;
        if (run(10, "podman", "--version").exit() != 0) {
            missing = "podman is not installed";
        } else if (run(30, "podman", "image", "exists", LOCAL_BASE).exit() != 0) {
            missing = "the local base image " + LOCAL_BASE + " does not exist";
        }
        if (missing == null) {
            return;
        }
        String line = "Container tests skipped: " + missing + "; bash .ci/run installs podman and builds the base.";
        if ("true".equals(System.getenv("CI"))) {
            fail(line.replace("skipped", "cannot run in CI"));
        }
        if (!skipReported) { // one line for the whole run, however many classes skip
            skipReported = true;
            System.err.println(line);
        }
        Assumptions.abort(line);
    }

    /** Builds the image with the README's command (podman for docker, the local base) once per JVM. */
    static synchronized String image() {
        assumeAvailable();
        if (!built) {
            Path jar = ROOT.resolve("mock-server/target/wawp-mock-server.jar");
            if (!Files.isRegularFile(jar)) {
                fail("Expecting " + jar + " to exist; build it first: mvn -B -ntp -pl mock-server -am package");
            }
            List<String> command = new ArrayList<>(
                    List.of(README_BUILD.replaceFirst("^docker ", "podman ").split(" ")));
            command.addAll(2, List.of("--format", "docker", "--build-arg", "BASE=" + LOCAL_BASE));
            Result result = run(600, command.toArray(String[]::new));
            if (result.exit() != 0) {
                fail("Expecting the image to build, but podman build exited " + result.exit() + ":\n"
                        + result.output());
            }
            built = true;
        }
        return IMAGE;
    }

    /**
     * Serves Docker's API for Testcontainers on the socket named by DOCKER_HOST (the pom sets it
     * under target/), until the test JVM exits.
     */
    static synchronized void serveDockerApi() throws Exception {
        if (service != null) {
            return;
        }
        String dockerHost = System.getenv("DOCKER_HOST");
        if (dockerHost == null || !dockerHost.startsWith("unix://")) {
            fail("Expecting DOCKER_HOST=unix://... (set by testcontainers/pom.xml), but got " + dockerHost);
        }
        Path socket = Path.of(dockerHost.substring("unix://".length()));
        Files.createDirectories(socket.getParent());
        Files.deleteIfExists(socket);
        service = new ProcessBuilder("podman", "system", "service", "--time=0", dockerHost)
                .redirectErrorStream(true)
                .redirectOutput(socket.resolveSibling("podman-service.log").toFile())
                .start();
        Process started = service;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroy, "podman-service-stop"));
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(socket)) {
            if (!started.isAlive() || System.nanoTime() > end) {
                fail("Expecting podman system service to open " + socket + " within 30 s, but it "
                        + (started.isAlive() ? "did not" : "exited " + started.exitValue()) + "; see "
                        + socket.resolveSibling("podman-service.log"));
            }
            Thread.sleep(100);
        }
    }

    record Result(int exit, String output) {}

    /** Runs podman (or any command) with a time limit; output is stdout and stderr together. */
    static Result run(int seconds, String... command) {
        try {
            Path out = Files.createTempFile("podman", ".out");
            try {
                Process p = new ProcessBuilder(command)
                        .directory(ROOT.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(out.toFile())
                        .start();
                if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return new Result(-1, "timed out after " + seconds + " s: " + String.join(" ", command));
                }
                return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }
}
