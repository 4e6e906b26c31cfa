package dev.wawpkit.contracts.pact;

import static dev.wawpkit.contracts.pact.WawpPacts.CONSUMER;
import static dev.wawpkit.contracts.pact.WawpPacts.ID;
import static dev.wawpkit.contracts.pact.WawpPacts.JSON;
import static dev.wawpkit.contracts.pact.WawpPacts.TOKEN;
import static dev.wawpkit.contracts.pact.WawpPacts.client;
import static dev.wawpkit.contracts.pact.WawpPacts.post;
import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.wawpkit.contracts.client.SessionInfo;
import dev.wawpkit.contracts.client.WawpClient;
import dev.wawpkit.mock.ProviderStates;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Records what the reference client expects from {@code POST /v2/session/start}; errors come from the base class. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = WawpPacts.PROVIDER, pactVersion = PactSpecVersion.V4, hostInterface = "127.0.0.1")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StartSessionPactTest extends SessionErrorPacts {
    @Override
    String endpoint() {
        return "start";
    }

    @Override
    Object call(WawpClient client, String instanceId) {
        return client.start(instanceId);
    }

    @Pact(consumer = CONSUMER)
    V4Pact startMovesStoppedSessionToStartingPact(PactDslWithProvider builder) {
        return post(
                        builder.given(ProviderStates.SESSION_IS, ProviderStates.session(ID, "STOPPED", TOKEN))
                                .uponReceiving("start of a stopped session"),
                        "/v2/session/start",
                        ID,
                        TOKEN,
                        JSON)
                .willRespondWith()
                .status(200)
                .matchHeader("Content-Type", "application/json(;.*)?", JSON)
                .body(SessionBodies.session("STARTING"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "startMovesStoppedSessionToStartingPact")
    void startMovesStoppedSessionToStarting(MockServer server) {
        SessionInfo session = client(server, TOKEN, JSON).start(ID);

        assertThat(session.name()).isNotBlank();
        assertThat(session.status()).isEqualTo("STARTING");
        assertThat(session.config().webhooks()).isEmpty();
        assertThat(session.config().proxy()).isNull();
    }
}
