package dev.wawpkit.bench;

import java.time.Duration;
import java.util.Locale;

/**
 * Drives a server that is already running with the bench's request mix, for profiling it by
 * hand (JFR, jcmd) outside a full run. Stops after the duration or the request count.
 *
 * <p>Usage: {@code Drive PORT [CONNECTIONS=8] [DURATION=30s] [REQUESTS=unbounded] [TOKEN=bench-token]}
 */
public final class Drive {
    private Drive() {}

    public static void main(String[] args) throws Exception {
        int port = WawpAnswers.port(args, "Drive PORT [CONNECTIONS=8] [DURATION=30s] [REQUESTS] [TOKEN=bench-token]");
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        Duration duration =
                args.length > 2 ? Duration.ofSeconds(Long.parseLong(args[2].replace("s", ""))) : Duration.ofSeconds(30);
        long requests = args.length > 3 ? Long.parseLong(args[3]) : Long.MAX_VALUE;
        String token = args.length > 4 ? args[4] : ServerProcess.TOKEN;
        LoadGenerator.Result r = new LoadGenerator(port, token)
                .run(connections, Duration.ZERO, duration, requests, LoadGenerator.NO_SERVER_CPU);
        System.out.printf(
                Locale.ROOT,
                "%,d requests in %.1f s: %.0f req/s, p50 %.2f ms, p99 %.2f ms, non-200 %d %s; "
                        + "load generator %.1f us of CPU per request%n",
                r.requests(),
                r.seconds(),
                r.throughput(),
                Bench.ms(r.latency(), 50),
                Bench.ms(r.latency(), 99),
                r.errors(),
                r.statuses(),
                r.clientMicrosPerRequest());
    }
}
