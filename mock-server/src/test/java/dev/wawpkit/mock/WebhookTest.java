package dev.wawpkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code session.status} webhooks, received by a real HTTP server on loopback. */
class WebhookTest {
    private static final String TOKEN = "hook-token-1";
    private static final String SECRET = "hook-secret";
    private WawpMockServer mock;
    private HttpServer receiver;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final AtomicInteger failFirst = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean hold;

    record Received(byte[] body, String signature) {
        JsonNode json() throws Exception {
            return Http.JSON.readTree(body);
        }
    }

    @BeforeEach
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hooks", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(body, exchange.getRequestHeaders().getFirst("X-Wawp-Signature")));
            if (hold) {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int status = failFirst.getAndDecrement() > 0 ? 500 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.setExecutor(Executors.newCachedThreadPool());
        receiver.start();
        // Its own mock: four retries 20 ms apart are builder options that @WawpMockTest does not offer.
        mock = WawpMockServer.builder()
                .token(TOKEN)
                .bootDelay(Duration.ofMillis(100))
                .webhookRetries(4, Duration.ofMillis(20))
                .build()
                .start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        mock.close();
        receiver.stop(0);
    }

    private URI hookUrl() {
        return URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks");
    }

    private Received next() throws InterruptedException {
        Received r = received.poll(10, TimeUnit.SECONDS);
        assertThat(r).as("a webhook within 10 s").isNotNull();
        return r;
    }

    @Test
    void everyStatusChangeIsSentSignedWithTheDocumentedShape() throws Exception {
        String id = Calls.createdId(mock, TOKEN);
        mock.session(id).webhooks(List.of(hookUrl()), SECRET);

        Calls.start(mock, id, TOKEN);
        Received a = next();
        Received b = next(); // the boot happens on its own: nobody polls info
        // deliveries run in parallel and may arrive out of order; each event carries its timestamp
        boolean inOrder = a.json().get("payload").get("status").asText().equals("STARTING");
        Received starting = inOrder ? a : b;
        Received scanning = inOrder ? b : a;

        JsonNode event = starting.json();
        assertThat(event.get("id").asText()).startsWith("evt_");
        assertThat(event.get("timestamp").asLong()).isPositive();
        assertThat(event.get("session").asText()).matches("wawp-\\d{8}");
        assertThat(event.get("metadata").isObject()).isTrue();
        assertThat(event.get("engine").asText()).isEqualTo("WEBJS");
        assertThat(event.get("event").asText()).isEqualTo("session.status");
        assertThat(event.get("payload").get("name").asText())
                .isEqualTo(event.get("session").asText());
        assertThat(event.get("payload").get("status").asText()).isEqualTo("STARTING");
        assertThat(event.get("me").isNull()).isTrue();
        assertThat(scanning.json().get("payload").get("status").asText()).isEqualTo("SCAN_QR_CODE");
        assertThat(starting.signature()).isEqualTo(hmac(SECRET, starting.body()));
        assertThat(scanning.signature()).isEqualTo(hmac(SECRET, scanning.body()));

        mock.session(id).moveTo(SessionStatus.WORKING);
        JsonNode working = next().json();
        assertThat(working.get("payload").get("status").asText()).isEqualTo("WORKING");
        assertThat(working.get("me").get("id").asText()).isEqualTo("201012345678@c.us");
    }

    @Test
    void withoutASecretWebhooksAreUnsigned() throws Exception {
        String id = mock.seedSession()
                .token(TOKEN)
                .status(SessionStatus.WORKING)
                .create()
                .instanceId();
        mock.session(id).webhooks(List.of(hookUrl()), null);

        Http.to(mock, "/v2/session/stop?instance_id=" + id + "&access_token=" + TOKEN)
                .send();

        Received r = next();
        assertThat(r.signature()).isNull();
        assertThat(r.json().get("payload").get("status").asText()).isEqualTo("STOPPED");
    }

    @Test
    void aFailedDeliveryIsRetriedUntilTheReceiverAccepts() throws Exception {
        failFirst.set(2);
        String id = mock.seedSession()
                .token(TOKEN)
                .status(SessionStatus.SCAN_QR_CODE)
                .create()
                .instanceId();
        mock.session(id).webhooks(List.of(hookUrl()), SECRET);

        mock.session(id).moveTo(SessionStatus.WORKING);
        String first = next().json().get("id").asText();
        String second = next().json().get("id").asText();
        String third = next().json().get("id").asText();

        assertThat(List.of(second, third)).containsOnly(first);
        awaitDeliveries(id, 3);
        assertThat(mock.session(id).deliveries())
                .extracting(WebhookDelivery::attempt, WebhookDelivery::response)
                .containsExactly(Tuple.tuple(1, 500), Tuple.tuple(2, 500), Tuple.tuple(3, 200));
        assertThat(mock.session(id).deliveries().get(2).delivered()).isTrue();
        assertThat(received.poll(200, TimeUnit.MILLISECONDS))
                .as("no attempt after success")
                .isNull();
    }

    @Test
    void retriesStopAfterTheConfiguredAttempts() throws Exception {
        failFirst.set(100);
        String id = mock.seedSession()
                .token(TOKEN)
                .status(SessionStatus.WORKING)
                .create()
                .instanceId();
        mock.session(id).webhooks(List.of(hookUrl()), null);

        mock.session(id).moveTo(SessionStatus.FAILED);

        awaitDeliveries(id, 4);
        Thread.sleep(200);
        assertThat(mock.session(id).deliveries()).hasSize(4).noneMatch(WebhookDelivery::delivered);
    }

    @Test
    void anUnreachableReceiverIsLoggedWithTheReason() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        String id = mock.seedSession()
                .token(TOKEN)
                .status(SessionStatus.WORKING)
                .create()
                .instanceId();
        mock.session(id).webhooks(List.of(URI.create("http://127.0.0.1:" + closedPort + "/gone")), null);

        mock.session(id).moveTo(SessionStatus.STOPPED);

        awaitDeliveries(id, 4);
        assertThat(mock.session(id).deliveries()).allSatisfy(d -> {
            assertThat(d.response()).isZero();
            assertThat(d.error()).contains("ConnectException");
        });
    }

    @Test
    void aSlowReceiverDoesNotHoldUpTheApiCall() throws Exception {
        hold = true;
        String id = mock.seedSession()
                .token(TOKEN)
                .status(SessionStatus.WORKING)
                .create()
                .instanceId();
        mock.session(id).webhooks(List.of(hookUrl()), null);

        Http.Response r = Http.to(mock, "/v2/session/stop?instance_id=" + id + "&access_token=" + TOKEN)
                .send();

        assertThat(r.status()).isEqualTo(200);
        assertThat(next().json().get("payload").get("status").asText()).isEqualTo("STOPPED");
        assertThat(release.getCount())
                .as("the receiver was still holding the delivery")
                .isEqualTo(1);
    }

    @Test
    void theControlApiSetsAndShowsWebhooksWithoutTheSecret() throws Exception {
        String id = mock.seedSession()
                .token(TOKEN)
                .status(SessionStatus.WORKING)
                .create()
                .instanceId();

        Http.Response put = Http.to(mock, "/__admin/wawp/sessions/" + id + "/webhooks")
                .method("PUT")
                .json("{\"urls\": [\"" + hookUrl() + "\"], \"secret\": \"" + SECRET + "\"}")
                .send();
        mock.session(id).moveTo(SessionStatus.STOPPED);
        next();
        awaitDeliveries(id, 1);
        Http.Response get = Http.to(mock, "/__admin/wawp/sessions/" + id + "/webhooks")
                .method("GET")
                .send();

        assertThat(put.status()).isEqualTo(200);
        assertThat(get.json().get("urls").get(0).asText()).isEqualTo(hookUrl().toString());
        assertThat(get.json().get("signed").asBoolean()).isTrue();
        assertThat(get.json().get("deliveries").get(0).get("response").asInt()).isEqualTo(200);
        assertThat(get.json().get("deliveries").get(0).get("status").asText()).isEqualTo("STOPPED");
        assertThat(get.body()).doesNotContain(SECRET);
    }

    @Test
    void aBadWebhookUrlIsRefused() {
        String id = mock.seedSession().token(TOKEN).create().instanceId();

        Http.Response r = Http.to(mock, "/__admin/wawp/sessions/" + id + "/webhooks")
                .method("PUT")
                .json("{\"urls\": [\"ftp://example/hooks\"]}")
                .send();

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).isEqualTo("invalid_webhook_url");
    }

    @Test
    void anOversizedWebhookUrlOrSecretIsRefusedAndTheSettingsStay() {
        String id = mock.seedSession().token(TOKEN).create().instanceId();
        mock.session(id).webhooks(List.of(hookUrl()), SECRET);
        String longUrl = "http://127.0.0.1:9/" + "a".repeat(2_000);

        Http.Response url = Http.to(mock, "/__admin/wawp/sessions/" + id + "/webhooks")
                .method("PUT")
                .json("{\"urls\": [\"" + longUrl + "\"]}")
                .send();
        Http.Response secret = Http.to(mock, "/__admin/wawp/sessions/" + id + "/webhooks")
                .method("PUT")
                .json("{\"urls\": [\"" + hookUrl() + "\"], \"secret\": \"" + "s".repeat(513) + "\"}")
                .send();

        assertThat(url.status()).isEqualTo(400);
        assertThat(url.json().get("error").asText()).isEqualTo("invalid_webhook_url");
        assertThat(url.json().get("message").asText())
                .contains(
                        "of at most 2000 characters, but got one of 2019 characters starting 'http://127.0.0.1:9/aaa");
        assertThat(secret.status()).isEqualTo(400);
        assertThat(secret.json().get("error").asText()).isEqualTo("invalid_webhook_secret");
        assertThat(secret.json().get("message").asText()).contains("1 to 512 characters", "but got 513");
        Http.Response kept = Http.to(mock, "/__admin/wawp/sessions/" + id + "/webhooks")
                .method("GET")
                .send();
        assertThat(kept.json().get("urls").get(0).asText()).isEqualTo(hookUrl().toString());
        assertThat(kept.json().get("signed").asBoolean()).isTrue();
    }

    private void awaitDeliveries(String id, int n) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (mock.session(id).deliveries().size() < n && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertThat(mock.session(id).deliveries()).hasSizeGreaterThanOrEqualTo(n);
    }

    private static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
