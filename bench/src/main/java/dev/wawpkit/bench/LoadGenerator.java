package dev.wawpkit.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;

/**
 * Drives a server with a closed loop of N HTTP/1.1 keep-alive connections from one thread, like
 * one wrk thread: each connection sends create, then start and info for the session it got, and
 * again. Latency runs from the first byte written to the last byte of the response parsed, into
 * an HdrHistogram (no coordinated-omission correction: a closed loop waits for the server).
 *
 * <p>Not thread-safe; one run per instance. Every run is bounded in time and in requests.
 */
final class LoadGenerator {
    /**
     * Counts of one measured run; latencies in nanoseconds. CPU times cover the measured part only:
     * the load generator's one thread, and the server's process (-1 when not known).
     */
    record Result(
            long requests,
            long errors,
            double seconds,
            Histogram latency,
            TreeMap<Integer, Long> statuses,
            long reconnects,
            long clientCpuNanos,
            long serverCpuNanos) {
        double throughput() {
            return requests / seconds;
        }

        /** Microseconds of the load generator's thread per request. */
        double clientMicrosPerRequest() {
            return clientCpuNanos / 1e3 / requests;
        }

        /** Microseconds of the server's CPU (all its threads, user and kernel) per request; NaN when not known. */
        double serverMicrosPerRequest() {
            return serverCpuNanos < 0 ? Double.NaN : serverCpuNanos / 1e3 / requests;
        }
    }

    /** A server whose CPU time is not known. */
    static final LongSupplier NO_SERVER_CPU = () -> -1;

    private static final long MAX_LATENCY_NANOS = Duration.ofSeconds(60).toNanos();

    private final int port;
    private final String token;
    private final byte[] create;

    LoadGenerator(int port, String token) {
        this.port = port;
        this.token = token;
        this.create = ("POST " + WawpAnswers.CREATE_PATH + "?access_token=" + token + " HTTP/1.1\r\n"
                        + "Host: 127.0.0.1:" + port + "\r\nUser-Agent: wawp-bench\r\nContent-Length: 0\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Runs {@code warmup} unmeasured, then measures until {@code measure} has passed or
     * {@code maxRequests} measured requests completed, whichever comes first.
     */
    Result run(int connections, Duration warmup, Duration measure, long maxRequests, LongSupplier serverCpuNanos)
            throws IOException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long clientCpuFrom = 0;
        long serverCpuFrom = 0;
        Histogram histogram = new Histogram(MAX_LATENCY_NANOS, 3);
        TreeMap<Integer, Long> statuses = new TreeMap<>();
        List<Connection> all = new ArrayList<>();
        long requests = 0;
        long errors = 0;
        long reconnects = 0;
        try (Selector selector = Selector.open()) {
            for (int i = 0; i < connections; i++) {
                Connection c = new Connection();
                c.open(selector);
                all.add(c);
            }
            long start = System.nanoTime();
            long measureFrom = start + warmup.toNanos();
            long measureUntil = measureFrom + measure.toNanos();
            boolean measuring = warmup.isZero();
            if (measuring) {
                clientCpuFrom = threads.getCurrentThreadCpuTime();
                serverCpuFrom = serverCpuNanos.getAsLong();
            }
            for (Connection c : all) {
                c.send();
            }
            while (true) {
                long now = System.nanoTime();
                if (!measuring && now >= measureFrom) {
                    measuring = true;
                    clientCpuFrom = threads.getCurrentThreadCpuTime();
                    serverCpuFrom = serverCpuNanos.getAsLong();
                }
                if (now >= measureUntil || requests >= maxRequests) {
                    break;
                }
                selector.select(50);
                for (SelectionKey key : selector.selectedKeys()) {
                    Connection c = (Connection) key.attachment();
                    try {
                        if (key.isValid() && key.isWritable()) {
                            c.flush();
                        }
                        if (key.isValid() && key.isReadable()) {
                            // a closed loop never has a second response waiting behind the first
                            int status = c.receive();
                            if (status != 0) {
                                long latency = System.nanoTime() - c.sentAt;
                                if (measuring) {
                                    requests++;
                                    histogram.recordValue(Math.min(latency, MAX_LATENCY_NANOS));
                                    statuses.merge(status, 1L, Long::sum);
                                    if (status != 200) {
                                        errors++;
                                    }
                                }
                                c.next(status);
                                c.send();
                            }
                        }
                    } catch (IOException e) {
                        if (measuring) {
                            errors++;
                            reconnects++;
                        }
                        c.close();
                        c.open(selector);
                        c.send();
                    }
                }
                selector.selectedKeys().clear();
            }
            double seconds =
                    (Math.min(System.nanoTime(), measureUntil) - (warmup.isZero() ? start : measureFrom)) / 1e9;
            long clientCpu = threads.getCurrentThreadCpuTime() - clientCpuFrom;
            long serverCpuTo = serverCpuNanos.getAsLong();
            long serverCpu = serverCpuTo < 0 || serverCpuFrom < 0 ? -1 : serverCpuTo - serverCpuFrom;
            return new Result(requests, errors, seconds, histogram, statuses, reconnects, clientCpu, serverCpu);
        } finally {
            for (Connection c : all) {
                c.close();
            }
        }
    }

    /** One keep-alive connection with its place in the create, start, info cycle. */
    private final class Connection {
        private SocketChannel channel;
        private SelectionKey key;
        private int step; // 0 create, 1 start, 2 info
        private String instanceId;
        private ByteBuffer out;
        private ByteBuffer in = ByteBuffer.allocate(16 * 1024);
        private final byte[] body = new byte[4096];
        private int bodyLength;
        long sentAt;

        void open(Selector selector) throws IOException {
            channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.configureBlocking(false);
            key = channel.register(selector, SelectionKey.OP_READ, this);
            in.clear();
            step = 0;
        }

        void close() {
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException ignored) {
                // closing a socket we are done with
            }
        }

        void send() throws IOException {
            byte[] request = switch (step) {
                case 0 -> create;
                case 1 ->
                    ("POST " + WawpAnswers.START_PATH + "?instance_id=" + instanceId + "&access_token=" + token
                                    + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                                    + "\r\nUser-Agent: wawp-bench\r\nContent-Length: 0\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII);
                default ->
                    ("GET " + WawpAnswers.INFO_PATH + "?instance_id=" + instanceId + "&access_token=" + token
                                    + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUser-Agent: wawp-bench\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII);
            };
            out = ByteBuffer.wrap(request);
            sentAt = System.nanoTime();
            flush();
        }

        void flush() throws IOException {
            channel.write(out);
            key.interestOps(out.hasRemaining() ? SelectionKey.OP_WRITE | SelectionKey.OP_READ : SelectionKey.OP_READ);
        }

        /** Moves to the next call; a failed create is retried, a failed start or info goes on. */
        void next(int status) {
            if (step == 0) {
                String id = status == 200 ? instanceId() : null;
                if (id == null) {
                    return;
                }
                instanceId = id;
            }
            step = (step + 1) % 3;
        }

        /** Reads what is there; answers the status of one complete response, or 0 for not yet. */
        int receive() throws IOException {
            int status = parse();
            if (status != 0) {
                return status;
            }
            if (!in.hasRemaining()) {
                ByteBuffer bigger = ByteBuffer.allocate(in.capacity() * 2);
                in.flip();
                bigger.put(in);
                in = bigger;
            }
            int n = channel.read(in);
            if (n < 0) {
                throw new IOException("server closed the connection");
            }
            return n == 0 ? 0 : parse();
        }

        /** Parses one response from the buffer and consumes it; 0 when it is not complete yet. */
        private int parse() throws IOException {
            byte[] a = in.array();
            int limit = in.position();
            int headerEnd = indexOf(a, 0, limit, "\r\n\r\n");
            if (headerEnd < 0) {
                return 0;
            }
            if (limit < 12 || a[0] != 'H') {
                throw new IOException("not an HTTP response");
            }
            int status = (a[9] - '0') * 100 + (a[10] - '0') * 10 + (a[11] - '0');
            long contentLength = -1;
            boolean chunked = false;
            boolean close = false;
            int line = indexOf(a, 0, headerEnd, "\r\n") + 2;
            while (line < headerEnd + 2) {
                int eol = indexOf(a, line, headerEnd + 2, "\r\n");
                String header = new String(a, line, eol - line, StandardCharsets.US_ASCII);
                int colon = header.indexOf(':');
                if (colon > 0) {
                    String name = header.substring(0, colon).trim();
                    String value = header.substring(colon + 1).trim();
                    if (name.equalsIgnoreCase("content-length")) {
                        contentLength = Long.parseLong(value);
                    } else if (name.equalsIgnoreCase("transfer-encoding")
                            && value.toLowerCase().contains("chunked")) {
                        chunked = true;
                    } else if (name.equalsIgnoreCase("connection") && value.equalsIgnoreCase("close")) {
                        close = true;
                    }
                }
                line = eol + 2;
            }
            int p = headerEnd + 4;
            bodyLength = 0;
            int end;
            if (chunked) {
                while (true) {
                    int eol = indexOf(a, p, limit, "\r\n");
                    if (eol < 0) {
                        return 0;
                    }
                    String sizeText = new String(a, p, eol - p, StandardCharsets.US_ASCII);
                    int semi = sizeText.indexOf(';');
                    int size = Integer.parseInt((semi < 0 ? sizeText : sizeText.substring(0, semi)).trim(), 16);
                    p = eol + 2;
                    if (size == 0) {
                        int trailerEnd = limit - p >= 2 && a[p] == '\r' && a[p + 1] == '\n' ? p + 2 : -1;
                        if (trailerEnd < 0) {
                            int t = indexOf(a, p, limit, "\r\n\r\n");
                            if (t < 0) {
                                return 0;
                            }
                            trailerEnd = t + 4;
                        }
                        end = trailerEnd;
                        break;
                    }
                    if (limit - p < size + 2) {
                        return 0;
                    }
                    keepBody(a, p, size);
                    p += size + 2;
                }
            } else {
                long length = Math.max(contentLength, 0);
                if (limit - p < length) {
                    return 0;
                }
                keepBody(a, p, (int) length);
                end = p + (int) length;
            }
            // consume the response, keep whatever follows it
            int rest = limit - end;
            System.arraycopy(a, end, a, 0, rest);
            in.position(rest);
            if (close) {
                throw new IOException("server asked to close the connection after status " + status);
            }
            return status;
        }

        private void keepBody(byte[] a, int from, int length) {
            int n = Math.min(length, body.length - bodyLength);
            System.arraycopy(a, from, body, bodyLength, n);
            bodyLength += n;
        }

        private String instanceId() {
            String text = new String(body, 0, bodyLength, StandardCharsets.UTF_8);
            String key = "\"instance_id\":\"";
            int i = text.indexOf(key);
            if (i < 0) {
                return null;
            }
            int from = i + key.length();
            int to = text.indexOf('"', from);
            return to < 0 ? null : text.substring(from, to);
        }
    }

    private static int indexOf(byte[] a, int from, int to, String needle) {
        int n = needle.length();
        outer:
        for (int i = from; i <= to - n; i++) {
            for (int j = 0; j < n; j++) {
                if (a[i + j] != needle.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
