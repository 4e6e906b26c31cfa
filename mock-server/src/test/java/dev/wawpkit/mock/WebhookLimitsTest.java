package dev.wawpkit.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.wawpkit.mock.junit5.WawpMockTest;
import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * A hanging or slow webhook receiver costs the mock bounded threads, sockets and memory, and no order.
 * Isolated: it counts the JVM's threads and memory, which other classes running beside it would move.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@Isolated
@WawpMockTest(token = WebhookLimitsTest.TOKEN, bootDelayMillis = -1)
class WebhookLimitsTest {
    static final String TOKEN = "limits-token-001";

    @Test
    void aHangingReceiverCostsBoundedThreadsSocketsAndMemory() throws Exception {
        List<Socket> accepted = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger connections = new AtomicInteger();
        // Its own mock: fifteen retries 100 ms apart are builder options that @WawpMockTest does not offer.
        try (ServerSocket hanging = new ServerSocket(0, 1000, InetAddress.getLoopbackAddress());
                WawpMockServer mock = WawpMockServer.builder()
                        .token(TOKEN)
                        .manualBoot()
                        .webhookRetries(15, Duration.ofMillis(100))
                        .build()
                        .start()) {
            Thread acceptor = new Thread(() -> {
                while (!hanging.isClosed()) {
                    try {
                        accepted.add(hanging.accept()); // accepts, never answers
                        connections.incrementAndGet();
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            Calls.create(mock, TOKEN); // warm-up: server and client threads that exist anyway
            int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
            long directBefore = directBufferKb();
            long liveBefore = liveHeapMb();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                String id = mock.seedSession().token(TOKEN).create().instanceId();
                List<URI> urls = new ArrayList<>();
                for (int u = 0; u < 5; u++) {
                    urls.add(URI.create("http://127.0.0.1:" + hanging.getLocalPort() + "/hook/" + u));
                }
                mock.session(id).webhooks(urls, null);
                ids.add(id);
            }

            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(6);
            int moves = 0;
            while (System.nanoTime() < end) {
                for (String id : ids) {
                    SessionStatus now = mock.session(id).status();
                    mock.session(id)
                            .moveTo(now == SessionStatus.STOPPED ? SessionStatus.STARTING : SessionStatus.STOPPED);
                    moves++;
                }
            }
            long t0 = System.nanoTime();
            assertThat(Calls.create(mock, TOKEN).status()).isEqualTo(200);
            long createMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);

            assertThat(moves).as("status changes made").isGreaterThan(1000);
            assertThat(connections.get())
                    .as("connections opened to the hanging receiver")
                    .isLessThanOrEqualTo(200);
            assertThat(ManagementFactory.getThreadMXBean().getThreadCount() - threadsBefore)
                    .as("threads added while webhooks hang (unbounded, it was one per request)")
                    .isLessThan(50);
            // The unbounded dispatcher ran out of memory. What stays live after a collection gets a
            // tight bound, and so do direct buffers (each sending thread's socket copies). RSS is not
            // bounded: it counts heap pages the collector first touches, garbage or not (it grew
            // 480-530 MB here; less the heap it committed, 8-165 MB, by what the suite ran before).
            assertThat(directBufferKb() - directBefore)
                    .as("direct buffer growth, KiB")
                    .isLessThan(64 * 1024);
            assertThat(liveHeapMb() - liveBefore).as("live heap growth in MB").isLessThan(64);
            assertThat(createMillis).as("a create while webhooks hang, ms").isLessThan(1000);
            assertThat(mock.session(ids.get(0)).deliveries()).isNotEmpty();
        } finally {
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    @Test
    void aSessionsEventsArriveInTheOrderTheyHappened(WawpMockServer mock) throws Exception {
        List<String> statuses = Collections.synchronizedList(new ArrayList<>());
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            try {
                Thread.sleep(30); // a receiver slower than the changes
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            statuses.add(Http.JSON.readTree(body).path("payload").path("status").asText());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.setExecutor(Executors.newFixedThreadPool(8));
        receiver.start();
        try {
            String id = mock.seedSession().token(TOKEN).create().instanceId();
            mock.session(id)
                    .webhooks(
                            List.of(URI.create(
                                    "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks")),
                            null);
            List<SessionStatus> moves = List.of(
                    SessionStatus.STARTING,
                    SessionStatus.SCAN_QR_CODE,
                    SessionStatus.WORKING,
                    SessionStatus.STOPPED,
                    SessionStatus.STARTING,
                    SessionStatus.WORKING,
                    SessionStatus.FAILED);
            for (SessionStatus s : moves) {
                mock.session(id).moveTo(s);
            }

            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (statuses.size() < moves.size() && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            assertThat(statuses)
                    .containsExactlyElementsOf(moves.stream().map(Enum::name).toList());
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void moreThanTenUrlsAreRefused(WawpMockServer mock) {
        String id = mock.seedSession().token(TOKEN).create().instanceId();
        List<URI> urls = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            urls.add(URI.create("http://127.0.0.1:9/hook/" + i));
        }

        assertThatThrownBy(() -> mock.session(id).webhooks(urls, null))
                .isInstanceOfSatisfying(WawpMockException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("too_many_webhook_urls");
                });
    }

    private static long liveHeapMb() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) >> 20;
    }

    private static long directBufferKb() {
        long used = 0;
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            used += pool.getMemoryUsed();
        }
        return used >> 10;
    }
}
