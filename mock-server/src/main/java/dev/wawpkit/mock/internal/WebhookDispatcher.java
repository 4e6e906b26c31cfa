package dev.wawpkit.mock.internal;

import dev.wawpkit.mock.SessionStatus;
import dev.wawpkit.mock.WebhookDelivery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends {@code session.status} events (spec section 6) to a session's webhook URLs, off the
 * request path, with bounded cost whatever the receivers do.
 *
 * <ul>
 *   <li>In order: each (session, URL) pair is a lane that sends one event at a time, so a receiver
 *       sees a session's changes in the order they happened; a lane keeps at most
 *       {@value #MAX_PER_LANE} events waiting (the oldest are dropped, and recorded as such).</li>
 *   <li>Bounded: at most {@value #MAX_IN_FLIGHT} requests in flight in all, on two client threads,
 *       each with a {@value #CONNECT_TIMEOUT_MS} ms connect and {@value #RESPONSE_TIMEOUT_MS} ms
 *       response timeout; at most {@value #MAX_WAITING} events waiting in all.</li>
 *   <li>Retried until a 2xx, up to {@code attempts} tries; the wait starts at {@code interval} and
 *       grows by half after each failure, up to 30 s, so a dead receiver costs less and less.</li>
 * </ul>
 */
final class WebhookDispatcher implements AutoCloseable {
    /** The header carrying the hex HMAC-SHA256 of the raw body, when the session has a secret. */
    static final String SIGNATURE_HEADER = "X-Wawp-Signature";

    static final int MAX_IN_FLIGHT = 32;
    static final int MAX_PER_LANE = 100;
    static final int MAX_WAITING = 10_000;
    static final int CONNECT_TIMEOUT_MS = 2_000;
    static final int RESPONSE_TIMEOUT_MS = 5_000;
    private static final long MAX_BACKOFF_MS = 30_000;

    private volatile HttpClient http; // made on the first delivery: building one loads TLS (~0.4 s)
    private final ExecutorService clientThreads = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "wawp-mock-webhooks");
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService timer;
    private final int attempts;
    private final Duration interval;
    private final Semaphore slots = new Semaphore(MAX_IN_FLIGHT);
    private final ConcurrentLinkedQueue<Runnable> waitingForSlot = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final Map<Lane.Key, Lane> lanes = new ConcurrentHashMap<>();
    private volatile boolean closed;

    WebhookDispatcher(ScheduledExecutorService timer, int attempts, Duration interval) {
        this.timer = timer;
        this.attempts = attempts;
        this.interval = interval;
    }

    private HttpClient http() {
        HttpClient client = http;
        if (client == null) {
            synchronized (this) {
                client = http;
                if (client == null) {
                    client = HttpClient.newBuilder()
                            .connectTimeout(Duration.ofMillis(CONNECT_TIMEOUT_MS))
                            .executor(clientThreads)
                            .build();
                    http = client;
                }
            }
        }
        return client;
    }

    /** One event for one URL. */
    private record Event(
            Session session, String eventId, SessionStatus status, URI url, byte[] body, String signature) {}

    /** The events of one (session, URL) pair, sent one at a time. */
    private static final class Lane {
        record Key(String instanceId, URI url) {}

        final Key key;
        final ArrayDeque<Event> queue = new ArrayDeque<>();
        boolean busy;

        Lane(Key key) {
            this.key = key;
        }
    }

    /** Queues the event for every URL of the session; returns at once. */
    void dispatch(Session session, SessionStatus status, boolean working) {
        List<URI> urls = session.webhookUrls();
        if (urls.isEmpty() || closed) {
            return;
        }
        String eventId =
                "evt_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        byte[] body = body(eventId, session.name, status, working);
        String signature = sign(session.webhookSecret(), body);
        for (URI url : urls) {
            enqueue(new Event(session, eventId, status, url, body, signature));
        }
    }

    private void enqueue(Event event) {
        Lane lane = lanes.computeIfAbsent(new Lane.Key(event.session().instanceId, event.url()), Lane::new);
        Event dropped = null;
        boolean start = false;
        synchronized (lane) {
            boolean full = lane.queue.size() >= MAX_PER_LANE || waiting.get() >= MAX_WAITING;
            if (full && lane.queue.size() >= 2) {
                Event inFlight = lane.queue.poll(); // the head is being sent: keep it
                dropped = lane.queue.poll(); // the oldest waiting one goes
                lane.queue.addFirst(inFlight);
                waiting.decrementAndGet();
            } else if (full) {
                dropped = event; // nothing older to drop: this one goes
            }
            if (dropped != event) {
                lane.queue.add(event);
                waiting.incrementAndGet();
                if (!lane.busy) {
                    lane.busy = true;
                    start = true;
                }
            }
        }
        if (dropped != null) {
            dropped.session()
                    .recordDelivery(new WebhookDelivery(
                            Instant.now(),
                            dropped.eventId(),
                            dropped.status(),
                            dropped.url().toString(),
                            0,
                            0,
                            "dropped: the receiver is too slow (more than " + MAX_PER_LANE
                                    + " events waiting for it, or " + MAX_WAITING + " in all)"));
        }
        if (start) {
            withSlot(() -> send(lane, 1));
        }
    }

    /** Runs the send when a slot is free, else queues it for the next free slot. */
    private void withSlot(Runnable send) {
        if (closed) {
            return;
        }
        if (slots.tryAcquire()) {
            send.run();
        } else {
            waitingForSlot.add(send);
            drainIfFree(); // a slot may have come free meanwhile
        }
    }

    private void release() {
        slots.release();
        drainIfFree();
    }

    private void drainIfFree() {
        while (!waitingForSlot.isEmpty() && slots.tryAcquire()) {
            Runnable next = waitingForSlot.poll();
            if (next == null) {
                slots.release();
                return;
            }
            next.run();
        }
    }

    static byte[] body(String eventId, String name, SessionStatus status, boolean working) {
        try {
            return Renderer.JSON.writeValueAsBytes(new ApiModel.StatusEvent(
                    eventId,
                    System.currentTimeMillis(),
                    name,
                    Map.of(),
                    "WEBJS",
                    "session.status",
                    new ApiModel.Payload(name, status.name()),
                    working ? WawpEngine.ME : null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the hex HMAC-SHA256 of the body with the secret, or null without a secret. */
    static String sign(String secret, byte[] body) {
        if (secret == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    /** Sends the lane's oldest event (holding a slot), then retries it or moves on to the next. */
    private void send(Lane lane, int attempt) {
        Event event;
        synchronized (lane) {
            event = lane.queue.peek();
        }
        if (event == null || closed) {
            release();
            return;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(event.url())
                .timeout(Duration.ofMillis(RESPONSE_TIMEOUT_MS))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(event.body()));
        if (event.signature() != null) {
            request.header(SIGNATURE_HEADER, event.signature());
        }
        CompletableFuture<HttpResponse<Void>> sent;
        try {
            sent = http().sendAsync(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((response, error) -> {
            release();
            int code = response == null ? 0 : response.statusCode();
            String why = error == null ? null : rootMessage(error);
            WebhookDelivery delivery = new WebhookDelivery(
                    Instant.now(), event.eventId(), event.status(), event.url().toString(), attempt, code, why);
            event.session().recordDelivery(delivery);
            if (!delivery.delivered() && attempt < attempts && !closed) {
                try {
                    timer.schedule(
                            () -> withSlot(() -> send(lane, attempt + 1)), backoff(attempt), TimeUnit.MILLISECONDS);
                    return;
                } catch (RejectedExecutionException stopped) {
                    // the mock is stopping: no more retries
                }
            }
            next(lane);
        });
    }

    /** The wait before try {@code attempt + 1}: the interval, growing by half per failure, at most 30 s. */
    long backoff(int attempt) {
        double wait = interval.toMillis() * Math.pow(1.5, attempt - 1);
        return (long) Math.min(wait, Math.max(MAX_BACKOFF_MS, interval.toMillis()));
    }

    private void next(Lane lane) {
        boolean more;
        synchronized (lane) {
            if (lane.queue.poll() != null) {
                waiting.decrementAndGet();
            }
            more = !lane.queue.isEmpty() && !closed;
            lane.busy = more;
            if (!more) {
                lanes.remove(lane.key, lane);
            }
        }
        if (more) {
            withSlot(() -> send(lane, 1));
        }
    }

    /** Stops sending: queued events are dropped, in-flight requests end with their timeouts. */
    @Override
    public void close() {
        closed = true;
        waitingForSlot.clear();
        clientThreads.shutdownNow();
    }

    /** Names the failure as the HTTP client reported it (ConnectException, HttpTimeoutException, ...). */
    private static String rootMessage(Throwable t) {
        Throwable e = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
