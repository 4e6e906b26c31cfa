package dev.wawpkit.mock.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wawpkit.mock.SessionStatus;
import dev.wawpkit.mock.WebhookDelivery;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Sends {@code session.status} events (spec section 6) to a session's webhook URLs, off the
 * request path: the body is built when the status changes, then sent by the HTTP client's own
 * threads, with up to {@code attempts} tries {@code interval} apart until one answers 2xx.
 */
final class WebhookDispatcher {
    /** The header carrying the hex HMAC-SHA256 of the raw body, when the session has a secret. */
    static final String SIGNATURE_HEADER = "X-Wawp-Signature";

    private volatile HttpClient http; // made on the first delivery: building one loads TLS (~0.4 s)
    private final ScheduledExecutorService timer;
    private final int attempts;
    private final Duration interval;

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
                    client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                    http = client;
                }
            }
        }
        return client;
    }

    /** Queues the event for every URL of the session; returns at once. */
    void dispatch(Session session, SessionStatus status, boolean working) {
        List<URI> urls = session.webhookUrls();
        if (urls.isEmpty()) {
            return;
        }
        String eventId = "evt_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        byte[] body = body(eventId, session.name, status, working);
        String signature = sign(session.webhookSecret(), body);
        for (URI url : urls) {
            send(session, eventId, status, url, body, signature, 1);
        }
    }

    static byte[] body(String eventId, String name, SessionStatus status, boolean working) {
        ObjectNode event = Renderer.JSON.createObjectNode()
                .put("id", eventId)
                .put("timestamp", System.currentTimeMillis())
                .put("session", name);
        event.putObject("metadata");
        event.put("engine", "WEBJS").put("event", "session.status");
        event.putObject("payload").put("name", name).put("status", status.name());
        if (working) {
            event.putObject("me").put("id", WawpEngine.ME_ID).put("pushName", WawpEngine.ME_NAME);
        } else {
            event.putNull("me");
        }
        try {
            return Renderer.JSON.writeValueAsBytes(event);
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

    private void send(Session session, String eventId, SessionStatus status, URI url, byte[] body, String signature,
                      int attempt) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header(SIGNATURE_HEADER, signature);
        }
        http().sendAsync(request.build(), HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            int code = response == null ? 0 : response.statusCode();
            String why = error == null ? null : rootMessage(error);
            WebhookDelivery delivery = new WebhookDelivery(Instant.now(), eventId, status, url.toString(), attempt,
                    code, why);
            session.recordDelivery(delivery);
            if (!delivery.delivered() && attempt < attempts && !timer.isShutdown()) {
                try {
                    timer.schedule(() -> send(session, eventId, status, url, body, signature, attempt + 1),
                            interval.toMillis(), TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.RejectedExecutionException stopped) {
                    // the mock is stopping: no more retries
                }
            }
        });
    }

    /** Names the failure as the HTTP client reported it (ConnectException, HttpTimeoutException, ...). */
    private static String rootMessage(Throwable t) {
        Throwable e = t instanceof java.util.concurrent.CompletionException && t.getCause() != null ? t.getCause() : t;
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
