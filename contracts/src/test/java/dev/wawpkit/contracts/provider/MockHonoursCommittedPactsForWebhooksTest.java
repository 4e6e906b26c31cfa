package dev.wawpkit.contracts.provider;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.provider.MessageAndMetadata;
import au.com.dius.pact.provider.PactVerifyProvider;
import au.com.dius.pact.provider.junit5.MessageTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.VerificationReports;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import com.sun.net.httpserver.HttpServer;
import dev.wawpkit.contracts.client.SessionStatusEvent;
import dev.wawpkit.mock.SessionStatus;
import dev.wawpkit.mock.WawpMockServer;
import dev.wawpkit.mock.junit5.WawpMockTest;
import dev.wawpkit.spec.WawpOpenApi;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Verifies the mock, as provider {@code wawp-api-webhooks}, against the committed message pact of
 * the {@code session.status} webhook: each message is a delivery the mock really sent, captured by a
 * JDK {@link HttpServer} on 127.0.0.1, and its signature is checked with the session's secret.
 *
 * <p>Runs in the {@code check-pacts} surefire execution, after the pacts may have been updated.
 */
@Provider("wawp-api-webhooks")
@PactFolder("${wawp.pacts.committed:pacts}")
@VerificationReports(
        value = {},
        reportDir = "target") // no console report; failures fail their test
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@WawpMockTest(token = MockHonoursCommittedPactsForWebhooksTest.TOKEN, bootDelayMillis = -1)
class MockHonoursCommittedPactsForWebhooksTest {
    static final String TOKEN = "test-token-1234";
    private static final String SECRET = "s3cret-for-tests";
    private static final BlockingQueue<Delivery> DELIVERIES = new LinkedBlockingQueue<>();
    // Static: Pact, not JUnit, calls the @PactVerifyProvider methods that use it.
    private static WawpMockServer mock;
    private static HttpServer receiver;

    private record Delivery(byte[] body, String contentType, String signature) {}

    @BeforeAll
    static void start(WawpMockServer server) throws IOException {
        mock = server;
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hooks", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                DELIVERIES.add(new Delivery(
                        in.readAllBytes(),
                        exchange.getRequestHeaders().getFirst("Content-Type"),
                        exchange.getRequestHeaders().getFirst(SessionStatusEvent.SIGNATURE_HEADER)));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stop() {
        receiver.stop(0);
    }

    @BeforeEach
    void target(PactVerificationContext context) {
        // scan this package only: the whole classpath takes tens of seconds
        context.setTarget(new MessageTestTarget(List.of(getClass().getPackageName())));
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void verify(PactVerificationContext context) {
        context.verifyInteraction();
    }

    @PactVerifyProvider("a session.status event for a session that is starting")
    MessageAndMetadata startingEvent() throws InterruptedException {
        return deliveryOf(SessionStatus.STOPPED, SessionStatus.STARTING);
    }

    @PactVerifyProvider("a session.status event for a session that is logged in")
    MessageAndMetadata workingEvent() throws InterruptedException {
        return deliveryOf(SessionStatus.SCAN_QR_CODE, SessionStatus.WORKING);
    }

    /** Seeds a session with this receiver as its webhook, moves it, and returns what the mock sent. */
    private static MessageAndMetadata deliveryOf(SessionStatus from, SessionStatus to) throws InterruptedException {
        mock.reset();
        DELIVERIES.clear();
        String id = mock.seedSession().token(TOKEN).status(from).create().instanceId();
        URI hooks = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks");
        mock.session(id).webhooks(List.of(hooks), SECRET);

        mock.session(id).moveTo(to);

        Delivery delivery = DELIVERIES.poll(10, TimeUnit.SECONDS);
        assertThat(delivery)
                .as("a delivery of the move %s -> %s within 10 s", from, to)
                .isNotNull();
        assertThat(SessionStatusEvent.signatureMatches(delivery.body(), delivery.signature(), SECRET))
                .as("X-Wawp-Signature %s of the delivery", delivery.signature())
                .isTrue();
        assertThat(SessionStatusEvent.parse(delivery.body()).status()).isEqualTo(to.name());
        assertThat(WawpOpenApi.validateSchema("SessionStatusEvent", new String(delivery.body(), StandardCharsets.UTF_8))
                        .getMessages())
                .as("the delivery against the OpenAPI SessionStatusEvent schema")
                .isEmpty();
        return new MessageAndMetadata(delivery.body(), Map.of("contentType", delivery.contentType()));
    }
}
