package dev.wawpkit.contracts.pact;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MessagePactBuilder;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.consumer.junit5.ProviderType;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Interaction;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.wawpkit.contracts.client.Me;
import dev.wawpkit.contracts.client.SessionStatusEvent;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Records, as a V4 message pact, the {@code session.status} webhook event a receiver expects
 * (spec section 6): consumer {@code wawp-webhook-receiver}, provider {@code wawp-api-webhooks},
 * so HTTP verifiers of {@code wawp-api} never see these messages. The mock is verified against it
 * by {@code MockHonoursCommittedPactsForWebhooksTest}, with deliveries it really sends.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(
        providerName = WawpPacts.WEBHOOK_PROVIDER,
        providerType = ProviderType.ASYNCH,
        pactVersion = PactSpecVersion.V4)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SessionStatusWebhookPactTest {
    static final String STARTING = "a session.status event for a session that is starting";
    static final String WORKING = "a session.status event for a session that is logged in";
    private static final String STATUSES = "^(STOPPED|STARTING|SCAN_QR_CODE|WORKING|FAILED)$";

    /** The event's envelope: the id by pattern, the rest by type, the event name exactly. */
    private static PactDslJsonBody event(String status) {
        PactDslJsonBody body = new PactDslJsonBody()
                .stringMatcher("id", "^evt_[0-9A-Za-z]+$", "evt_4f3c2a1b0e9d8c7b")
                .integerType("timestamp", 1767225600000L)
                .stringType("session", "wawp-84729105")
                .object("metadata")
                .closeObject()
                .asBody()
                .stringType("engine", "WEBJS")
                .stringValue("event", "session.status");
        body.object("payload")
                .stringType("name", "wawp-84729105")
                .stringMatcher("status", STATUSES, status)
                .closeObject();
        return body;
    }

    @Pact(consumer = WawpPacts.WEBHOOK_CONSUMER)
    V4Pact startingEventPact(MessagePactBuilder builder) {
        return builder.expectsToReceive(STARTING)
                .withMetadata(Map.of("contentType", WawpPacts.JSON))
                .withContent(event("STARTING").nullValue("me"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "startingEventPact")
    void readsAStartingEvent(V4Interaction.AsynchronousMessage message) {
        SessionStatusEvent event =
                SessionStatusEvent.parse(message.getContents().getContents().getValue());

        assertThat(event.id()).startsWith("evt_");
        assertThat(event.session()).isNotBlank();
        assertThat(event.status()).isEqualTo("STARTING");
        assertThat(event.me()).isNull();
    }

    @Pact(consumer = WawpPacts.WEBHOOK_CONSUMER)
    V4Pact workingEventPact(MessagePactBuilder builder) {
        PactDslJsonBody body = event("WORKING");
        body.object("me")
                .stringType("id", "201012345678@c.us")
                .stringType("pushName", "John Doe")
                .closeObject();
        return builder.expectsToReceive(WORKING)
                .withMetadata(Map.of("contentType", WawpPacts.JSON))
                .withContent(body)
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "workingEventPact")
    void readsAWorkingEventWithTheAccount(V4Interaction.AsynchronousMessage message) {
        SessionStatusEvent event =
                SessionStatusEvent.parse(message.getContents().getContents().getValue());

        assertThat(event.status()).isEqualTo("WORKING");
        assertThat(event.timestamp()).isPositive();
        assertThat(event.me()).isEqualTo(new Me("201012345678@c.us", "John Doe"));
    }
}
