package dev.wawpkit.bench;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one server under test in its own JVM, so its startup and RSS are its own. Startup is
 * the time from forking the JVM to the first 200 answer to a create. Closing it sends SIGTERM,
 * then SIGKILL after 10 s.
 */
final class ServerProcess implements AutoCloseable {
    /** The servers under test, in the order a round visits them. */
    enum Kind {
        MOCK("Wawp mock", "mock"),
        WIREMOCK_DEFAULT("WireMock default", "wiremock-default"),
        WIREMOCK_TUNED("WireMock tuned", "wiremock-tuned"),
        MOCKSERVER("MockServer 5.15", "mockserver"),
        JETTY_ALONE("Jetty alone", "jetty-alone");

        final String title;
        final String key;

        Kind(String title, String key) {
            this.title = title;
            this.key = key;
        }

        static Kind byKey(String key) {
            for (Kind k : values()) {
                if (k.key.equals(key)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("Expected a server among mock, wiremock-default, wiremock-tuned, "
                    + "mockserver, jetty-alone, but got '" + key + "'. Pass e.g. --servers mock,wiremock-tuned");
        }
    }

    static final String TOKEN = "bench-token";
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(60);

    private final Kind kind;
    private final Process process;
    private final int port;
    private final Duration startup;

    private ServerProcess(Kind kind, Process process, int port, Duration startup) {
        this.kind = kind;
        this.process = process;
        this.port = port;
        this.startup = startup;
    }

    /**
     * Returns the JVM options of the README's start command when the build's class-data archive
     * lies beside the jar (it only matches the jar at the path it was recorded with): the mock is
     * measured as a newcomer starts it.
     */
    static List<String> readmeOptions(Path mockJar) {
        Path archive = mockJar.resolveSibling("wawp-mock-server.jsa");
        return Files.exists(archive)
                ? List.of("-XX:SharedArchiveFile=" + archive, "-XX:+UseSerialGC", "-Xmx160m")
                : List.of();
    }

    /** Starts the server on a free loopback port and waits for its first 200 to a create. */
    static ServerProcess start(Kind kind, Path mockJar, List<String> jvmOptions, Path log) throws IOException {
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>();
        command.add(java);
        if (kind == Kind.MOCK) {
            command.addAll(readmeOptions(mockJar));
        } else if (kind == Kind.JETTY_ALONE) {
            command.addAll(List.of("-XX:+UseSerialGC", "-Xmx160m")); // the mock's heap settings
        }
        command.addAll(jvmOptions);
        switch (kind) {
            case MOCK ->
                command.addAll(List.of(
                        "-jar",
                        mockJar.toString(),
                        "--port",
                        String.valueOf(port),
                        "--token",
                        TOKEN,
                        "--boot-delay",
                        "manual"));
            case WIREMOCK_DEFAULT, WIREMOCK_TUNED ->
                command.addAll(List.of(
                        "-cp",
                        classPath(true),
                        BareWireMock.class.getName(),
                        String.valueOf(port),
                        kind == Kind.WIREMOCK_TUNED ? "tuned" : "default"));
            case JETTY_ALONE ->
                command.addAll(List.of("-cp", classPath(true), JettyAlone.class.getName(), String.valueOf(port)));
            case MOCKSERVER ->
                command.addAll(List.of("-cp", classPath(false), MockServerPeer.class.getName(), String.valueOf(port)));
        }
        Files.createDirectories(log.getParent());
        Path workDir = log.getParent().resolve("cwd"); // empty, so WireMock finds no mapping files
        Files.createDirectories(workDir);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        long forked = System.nanoTime();
        Process process = builder.start();
        ServerProcess server = null;
        try {
            Duration startup = awaitFirstCreate(process, port, forked, log);
            server = new ServerProcess(kind, process, port, startup);
            return server;
        } finally {
            if (server == null) {
                process.destroyForcibly();
            }
        }
    }

    int port() {
        return port;
    }

    Duration startup() {
        return startup;
    }

    /** Answers the resident set size now, in bytes, from /proc. */
    long rssBytes() throws IOException {
        return procStatus("VmRSS:");
    }

    /**
     * Answers the CPU time the server's process has used so far (all threads, user and kernel, at
     * the clock tick's resolution), in nanoseconds; -1 when the platform does not tell.
     */
    long cpuNanos() {
        return process.toHandle()
                .info()
                .totalCpuDuration()
                .map(Duration::toNanos)
                .orElse(-1L);
    }

    /** Answers the peak resident set size, in bytes, from /proc. */
    long peakRssBytes() throws IOException {
        return procStatus("VmHWM:");
    }

    /**
     * Answers the live heap in bytes, from {@code jcmd PID GC.class_histogram} (which runs a
     * full GC first), or -1 where jcmd is missing or fails.
     */
    long liveHeapBytes() {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(process.pid()), "GC.class_histogram")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            for (String line : out.split("\n")) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length == 3 && parts[0].equals("Total")) {
                    return Long.parseLong(parts[2]);
                }
            }
            return -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private long procStatus(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(
                                line.substring(field.length()).replace("kB", "").trim())
                        * 1024;
            }
        }
        throw new IOException("no " + field + " in /proc/" + process.pid() + "/status");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return kind.title
                + (process.isAlive() ? " running on port " + port + " (pid " + process.pid() + ")" : " stopped");
    }

    private static Duration awaitFirstCreate(Process process, int port, long forked, Path log) throws IOException {
        byte[] request = ("POST " + WawpAnswers.CREATE_PATH + "?access_token=" + TOKEN + " HTTP/1.1\r\n"
                        + "Host: 127.0.0.1:" + port + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        long deadline = forked + STARTUP_LIMIT.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("The server exited with " + process.exitValue() + " before answering a create; "
                        + "see " + log);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                socket.setSoTimeout(5000);
                OutputStream out = socket.getOutputStream();
                out.write(request);
                out.flush();
                InputStream in = socket.getInputStream();
                byte[] head = in.readNBytes(12);
                last = new String(head, StandardCharsets.US_ASCII);
                if (last.startsWith("HTTP/1.1 200")) {
                    return Duration.ofNanos(System.nanoTime() - forked);
                }
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the server", e);
            }
        }
        throw new IOException("Expected a 200 to a create within " + STARTUP_LIMIT.toSeconds()
                + " s, but the last try got: " + last + "; see " + log);
    }

    /**
     * Answers the class path for a peer, with absolute entries as the peer runs in another
     * directory: WireMock gets only its standalone jar, MockServer everything but it (the
     * standalone jar carries resources, such as json-schema-validator's messages, that would
     * shadow MockServer's own).
     */
    private static String classPath(boolean wireMock) {
        StringBuilder absolute = new StringBuilder();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            boolean standalone = entry.contains("wiremock-standalone");
            boolean ours = !entry.endsWith(".jar");
            if (!entry.isEmpty() && (ours || (wireMock == standalone))) {
                absolute.append(absolute.length() == 0 ? "" : File.pathSeparator)
                        .append(Path.of(entry).toAbsolutePath());
            }
        }
        return absolute.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
