package dev.wawpkit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * Runs the benchmark: for each connection count, rounds that visit the mock, WireMock at its
 * defaults, WireMock tuned and MockServer in turn (A B C D A B C D, so drift hits all alike),
 * each in a fresh JVM; then, optionally, a long run of the mock for its RSS. Prints a table per
 * connection count, the ratios of the mock to each peer, and PASS/FAIL per requirement.
 *
 * <p>Usage: {@code Bench [--connections 8,64] [--rounds 2] [--warmup 10s] [--duration 20s]
 * [--requests 1000000] [--long-connections 64] [--long-limit 600s] [--servers mock,...]
 * [--mock-jar PATH] [--logs DIR] [--jvm-opt OPT]...}
 */
public final class Bench {
    private static final double MB = 1024.0 * 1024.0;
    private static final AtomicReference<ServerProcess> RUNNING = new AtomicReference<>();

    /** One measured round of one server. */
    record Round(ServerProcess.Kind kind, int connections, LoadGenerator.Result result, Duration startup, long rss) {}

    private Bench() {}

    public static void main(String[] args) throws Exception {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            ServerProcess s = RUNNING.get();
                            if (s != null) {
                                s.close();
                            }
                        },
                        "bench-cleanup"));

        System.out.printf(
                Locale.ROOT,
                "wawp-bench: %d cores, Java %s; servers %s; connections %s; rounds: %d; "
                        + "%ds warm-up + %ds measured per round%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                o.servers,
                o.connections,
                o.rounds,
                o.warmup.toSeconds(),
                o.duration.toSeconds());
        System.out.println(
                "load average at start: " + loadAverage() + " (1 min; above 1 here, or above about 4 during a "
                        + "round, which counts the bench's own threads, means other processes compete for the cores and every "
                        + "figure below is lower and noisier)");
        System.out.println(
                "mix per connection: POST create, POST start, GET info (instance_id and access_token in the query)");

        List<Round> rounds = new ArrayList<>();
        int seq = 0;
        for (int connections : o.connections) {
            for (int r = 1; r <= o.rounds; r++) {
                for (ServerProcess.Kind kind : o.servers) {
                    seq++;
                    Path log =
                            o.logs.resolve(String.format(Locale.ROOT, "%02d-%s-%dc.log", seq, kind.key, connections));
                    try (ServerProcess server = ServerProcess.start(kind, o.mockJar, o.jvmOptions, log)) {
                        RUNNING.set(server);
                        LoadGenerator.Result result = new LoadGenerator(server.port(), ServerProcess.TOKEN)
                                .run(connections, o.warmup, o.duration, Long.MAX_VALUE, server::cpuNanos);
                        long rss = server.rssBytes();
                        Round round = new Round(kind, connections, result, server.startup(), rss);
                        rounds.add(round);
                        System.out.printf(
                                Locale.ROOT,
                                "  round %d/%d %3d conns  %-17s %9.0f req/s  p50 %7.2f ms  "
                                        + "p99 %7.2f ms  CPU %5.1f us/req (load generator %4.1f)  startup %5.2f s  RSS %5.0f MB  "
                                        + "non-200 %d  load %s%s%n",
                                r,
                                o.rounds,
                                connections,
                                kind.title,
                                result.throughput(),
                                ms(result.latency(), 50),
                                ms(result.latency(), 99),
                                result.serverMicrosPerRequest(),
                                result.clientMicrosPerRequest(),
                                seconds(server.startup()),
                                rss / MB,
                                result.errors(),
                                loadAverage(),
                                result.errors() > 0 ? " " + result.statuses() : "");
                    } finally {
                        RUNNING.set(null);
                    }
                }
            }
        }

        List<String> verdicts = new ArrayList<>();
        for (int connections : o.connections) {
            printTable(connections, rounds, o, verdicts);
        }
        startupVerdict(rounds, verdicts);

        if (o.requests > 0 && o.servers.contains(ServerProcess.Kind.MOCK)) {
            longRun(o, verdicts);
        } else {
            verdicts.add("NOT RUN  RSS < 300 MB after 1,000,000 requests (run with --requests 1000000)");
        }
        System.out.println();
        verdicts.forEach(System.out::println);
    }

    private static void printTable(int connections, List<Round> rounds, Options o, List<String> verdicts) {
        Map<ServerProcess.Kind, Summary> summaries = new EnumMap<>(ServerProcess.Kind.class);
        for (ServerProcess.Kind kind : o.servers) {
            List<Round> mine = rounds.stream()
                    .filter(r -> r.kind == kind && r.connections == connections)
                    .toList();
            if (!mine.isEmpty()) {
                summaries.put(kind, Summary.of(mine));
            }
        }
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "%d connections (rounds: %d; req/s is the mean of rounds, p50/p99 over all "
                        + "measured requests, startup the median, RSS the largest after a round)%n",
                connections,
                o.rounds);
        System.out.printf(
                Locale.ROOT,
                "  %-18s %10s %9s %9s %11s %10s %8s %8s%n",
                "server",
                "req/s",
                "p50 ms",
                "p99 ms",
                "CPU us/req",
                "startup s",
                "RSS MB",
                "non-200");
        summaries.forEach((kind, s) -> System.out.printf(
                Locale.ROOT,
                "  %-18s %10.0f %9.2f %9.2f %11.1f %10.2f %8.0f %8d%n",
                kind.title,
                s.throughput,
                s.p50,
                s.p99,
                s.cpu,
                s.startup,
                s.rss / MB,
                s.errors));
        Summary mock = summaries.get(ServerProcess.Kind.MOCK);
        if (mock == null) {
            return;
        }
        System.out.println("  mock / peer        (req/s: higher is better for the mock; the rest: lower is better)");
        summaries.forEach((kind, peer) -> {
            if (kind != ServerProcess.Kind.MOCK) {
                System.out.printf(
                        Locale.ROOT,
                        "  vs %-15s %9.2fx %8.2fx %8.2fx %10.2fx %9.2fx %7.2fx%n",
                        kind.title,
                        mock.throughput / peer.throughput,
                        mock.p50 / peer.p50,
                        mock.p99 / peer.p99,
                        mock.cpu / peer.cpu,
                        mock.startup / peer.startup,
                        (double) mock.rss / peer.rss);
            }
        });
        Summary tuned = summaries.get(ServerProcess.Kind.WIREMOCK_TUNED);
        if (tuned != null) {
            verdicts.add(verdict(
                    mock.throughput / tuned.throughput >= 1.0,
                    String.format(
                            Locale.ROOT,
                            "throughput >= 1.0x tuned WireMock at %d connections: %.2fx (%.0f vs %.0f req/s)",
                            connections,
                            mock.throughput / tuned.throughput,
                            mock.throughput,
                            tuned.throughput)));
            verdicts.add(verdict(
                    mock.p99 / tuned.p99 <= 1.0,
                    String.format(
                            Locale.ROOT,
                            "p99 <= 1.0x tuned WireMock at %d connections: %.2fx (%.2f vs %.2f ms)",
                            connections,
                            mock.p99 / tuned.p99,
                            mock.p99,
                            tuned.p99)));
        }
        Summary mockServer = summaries.get(ServerProcess.Kind.MOCKSERVER);
        if (mockServer != null) {
            // issue 10's target: twice MockServer's throughput, at a p99 no worse than its
            verdicts.add(verdict(
                    mock.throughput >= 2.0 * mockServer.throughput && mock.p99 <= mockServer.p99,
                    String.format(
                            Locale.ROOT,
                            "throughput >= 2.0x and p99 <= 1.0x MockServer at %d connections: "
                                    + "%.2fx (%.0f vs %.0f req/s), p99 %.2fx",
                            connections,
                            mock.throughput / mockServer.throughput,
                            mock.throughput,
                            mockServer.throughput,
                            mock.p99 / mockServer.p99)));
        }
        Summary jetty = summaries.get(ServerProcess.Kind.JETTY_ALONE);
        if (jetty != null) {
            // not a requirement: what any mock on WireMock's Jetty could serve here at most
            verdicts.add(String.format(
                    Locale.ROOT,
                    "NOTE  ceiling at %d connections: Jetty alone %.0f req/s; the mock serves %.0f%% of it%s",
                    connections,
                    jetty.throughput,
                    100 * mock.throughput / jetty.throughput,
                    mockServer == null
                            ? ""
                            : String.format(
                                    Locale.ROOT,
                                    ", and twice MockServer would be %.0f%% of it",
                                    200 * mockServer.throughput / jetty.throughput)));
        }
        if (mockServer != null) {
            // not a requirement: the same comparison by what each server spends, which does not
            // depend on how the two cores are shared with the load generator
            verdicts.add(String.format(
                    Locale.ROOT,
                    "NOTE  CPU per request at %d connections: the mock %.1f us, MockServer %.1f us (%.2fx)",
                    connections,
                    mock.cpu,
                    mockServer.cpu,
                    mock.cpu / mockServer.cpu));
            // the load generator shares the cores: what is left of them per request at twice MockServer's rate
            double client = summaries.values().stream()
                    .mapToDouble(Summary::clientCpu)
                    .min()
                    .orElse(Double.NaN);
            int cores = Runtime.getRuntime().availableProcessors();
            double target = 2 * mockServer.throughput;
            verdicts.add(String.format(
                    Locale.ROOT,
                    "NOTE  budget at %d connections: twice MockServer is %.0f req/s; beside the load generator's %.1f us "
                            + "of CPU per request (its one thread, the least over all servers), %d cores leave a server "
                            + "%.1f us per request%s",
                    connections,
                    target,
                    client,
                    cores,
                    cores * 1e6 / target - client,
                    jetty == null ? "" : String.format(Locale.ROOT, "; Jetty alone spends %.1f", jetty.cpu)));
        }
    }

    private static void startupVerdict(List<Round> rounds, List<String> verdicts) {
        double[] startups = rounds.stream()
                .filter(r -> r.kind == ServerProcess.Kind.MOCK)
                .mapToDouble(r -> seconds(r.startup))
                .sorted()
                .toArray();
        if (startups.length == 0) {
            return;
        }
        double worst = startups[startups.length - 1];
        verdicts.add(verdict(
                worst < 1.5,
                String.format(
                        Locale.ROOT,
                        "startup < 1.5 s (fork to first 200 of a create), worst of %d: %.2f s (median %.2f s)",
                        startups.length,
                        worst,
                        median(startups))));
    }

    private static void longRun(Options o, List<String> verdicts) throws IOException {
        System.out.printf(
                Locale.ROOT,
                "%nlong run: the mock, %d connections, until %,d requests (at most %d s)%n",
                o.longConnections,
                o.requests,
                o.longLimit.toSeconds());
        Path log = o.logs.resolve("long-mock.log");
        try (ServerProcess server = ServerProcess.start(ServerProcess.Kind.MOCK, o.mockJar, o.jvmOptions, log)) {
            RUNNING.set(server);
            long before = server.rssBytes();
            LoadGenerator.Result result = new LoadGenerator(server.port(), ServerProcess.TOKEN)
                    .run(o.longConnections, Duration.ZERO, o.longLimit, o.requests, server::cpuNanos);
            long rss = server.rssBytes();
            long peak = server.peakRssBytes();
            System.out.printf(
                    Locale.ROOT,
                    "  %,d requests in %.1f s (%.0f req/s, p50 %.2f ms, p99 %.2f ms, CPU %.1f us/req, non-200 %d), "
                            + "about %,d sessions created%n",
                    result.requests(),
                    result.seconds(),
                    result.throughput(),
                    ms(result.latency(), 50),
                    ms(result.latency(), 99),
                    result.serverMicrosPerRequest(),
                    result.errors(),
                    result.requests() / 3);
            System.out.printf(
                    Locale.ROOT,
                    "  RSS %.0f MB after startup, %.0f MB after the run, peak %.0f MB%n",
                    before / MB,
                    rss / MB,
                    peak / MB);
            long live = server.liveHeapBytes();
            if (live >= 0) {
                System.out.printf(
                        Locale.ROOT,
                        "  live heap after a full GC %.0f MB (about %.2f KB per session kept; the cap keeps 100,000); "
                                + "RSS after that GC %.0f MB%n",
                        live / MB,
                        live / 1024.0 / Math.max(1, Math.min(result.requests() / 3, 100_000)), // kept: the cap
                        server.rssBytes() / MB);
            }
            boolean complete = result.requests() >= o.requests;
            verdicts.add(verdict(
                    complete && rss < 300 * MB,
                    String.format(
                            Locale.ROOT,
                            "RSS < 300 MB after %,d requests: %.0f MB (peak %.0f MB)%s",
                            result.requests(),
                            rss / MB,
                            peak / MB,
                            complete ? "" : "; the run stopped at its time limit before " + o.requests + " requests")));
        } finally {
            RUNNING.set(null);
        }
    }

    /** Answers the 1-minute load average, or "?" where /proc does not tell. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static String verdict(boolean pass, String text) {
        return (pass ? "PASS  " : "FAIL  ") + text;
    }

    static double ms(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1e6;
    }

    /** Answers the median of sorted values. */
    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    /** Folds the rounds of one server at one connection count. */
    /** A server's rounds at one connection count; cpu and clientCpu in microseconds per request. */
    private record Summary(
            double throughput,
            double p50,
            double p99,
            double cpu,
            double clientCpu,
            double startup,
            long rss,
            long errors) {
        static Summary of(List<Round> rounds) {
            Histogram all = new Histogram(rounds.get(0).result.latency().getHighestTrackableValue(), 3);
            double throughput = 0;
            double cpu = 0;
            double clientCpu = 0;
            long rss = 0;
            long errors = 0;
            double[] startups = new double[rounds.size()];
            for (int i = 0; i < rounds.size(); i++) {
                Round r = rounds.get(i);
                all.add(r.result.latency());
                throughput += r.result.throughput();
                cpu += r.result.serverMicrosPerRequest();
                clientCpu += r.result.clientMicrosPerRequest();
                rss = Math.max(rss, r.rss);
                errors += r.result.errors();
                startups[i] = seconds(r.startup);
            }
            Arrays.sort(startups);
            int n = rounds.size();
            return new Summary(
                    throughput / n, ms(all, 50), ms(all, 99), cpu / n, clientCpu / n, median(startups), rss, errors);
        }
    }

    /** The command line, with the defaults bench/run.sh uses. */
    private record Options(
            List<Integer> connections,
            int rounds,
            Duration warmup,
            Duration duration,
            long requests,
            int longConnections,
            Duration longLimit,
            List<ServerProcess.Kind> servers,
            Path mockJar,
            Path logs,
            List<String> jvmOptions) {
        static Options parse(String[] args) {
            Map<String, String> values = new LinkedHashMap<>();
            List<String> jvm = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (!name.startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("Expected --option VALUE pairs, but got '" + name
                            + "'. Run e.g.: Bench --connections 8,64 --rounds 2 --warmup 10s --duration 20s");
                }
                String value = args[++i];
                if (name.equals("--jvm-opt")) {
                    jvm.add(value);
                } else {
                    values.put(name, value);
                }
            }
            List<String> known = List.of(
                    "--connections",
                    "--rounds",
                    "--warmup",
                    "--duration",
                    "--requests",
                    "--long-connections",
                    "--long-limit",
                    "--servers",
                    "--mock-jar",
                    "--logs");
            for (String name : values.keySet()) {
                if (!known.contains(name)) {
                    throw new IllegalArgumentException(
                            "Unknown option " + name + "; expected one of " + known + " or --jvm-opt");
                }
            }
            List<ServerProcess.Kind> servers = Arrays.stream(values.getOrDefault(
                                    "--servers", "mock,wiremock-default,wiremock-tuned,mockserver,jetty-alone")
                            .split(","))
                    .map(String::trim)
                    .map(ServerProcess.Kind::byKey)
                    .toList();
            return new Options(
                    Arrays.stream(values.getOrDefault("--connections", "8,64").split(","))
                            .map(String::trim)
                            .map(Integer::parseInt)
                            .toList(),
                    Integer.parseInt(values.getOrDefault("--rounds", "2")),
                    duration(values.getOrDefault("--warmup", "10s")),
                    duration(values.getOrDefault("--duration", "20s")),
                    Long.parseLong(values.getOrDefault("--requests", "0")
                            .replace("_", "")
                            .replace(",", "")),
                    Integer.parseInt(values.getOrDefault("--long-connections", "64")),
                    duration(values.getOrDefault("--long-limit", "600s")),
                    servers,
                    Path.of(values.getOrDefault("--mock-jar", "../mock-server/target/wawp-mock-server.jar"))
                            .toAbsolutePath(),
                    Path.of(values.getOrDefault("--logs", "target/bench-logs")).toAbsolutePath(),
                    jvm);
        }

        static Duration duration(String text) {
            String t = text.trim().toLowerCase(Locale.ROOT);
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            if (t.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(t.endsWith("s") ? t.substring(0, t.length() - 1) : t));
        }
    }
}
