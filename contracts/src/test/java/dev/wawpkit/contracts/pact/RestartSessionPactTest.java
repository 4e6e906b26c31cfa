package dev.wawpkit.contracts.pact;

import static dev.wawpkit.contracts.pact.WawpPacts.CONSUMER;
import static dev.wawpkit.contracts.pact.WawpPacts.ID;
import static dev.wawpkit.contracts.pact.WawpPacts.JSON;
import static dev.wawpkit.contracts.pact.WawpPacts.TOKEN;
import static dev.wawpkit.contracts.pact.WawpPacts.client;
import static dev.wawpkit.contracts.pact.WawpPacts.ok;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Records what the reference client expects from {@code POST /v2/session/restart}; errors come from the base class. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = WawpPacts.PROVIDER, pactVersion = PactSpecVersion.V4, hostInterface = "127.0.0.1")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RestartSessionPactTest extends SessionErrorPacts {
    @Override
    String endpoint() {
        return "restart";
    }

    @Override
    Object call(WawpClient client, String instanceId) {
        return client.restart(instanceId);
    }

    @Pact(consumer = CONSUMER)
    V4Pact restartMovesWorkingSessionToStartingPact(PactDslWithProvider builder) {
        return ok(ofSession(builder, "WORKING", "restart of a working session"))
                .body(SessionBodies.session("STARTING"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "restartMovesWorkingSessionToStartingPact")
    void restartMovesWorkingSessionToStarting(MockServer server) {
        SessionInfo session = client(server, TOKEN, JSON).restart(ID);

        assertThat(session.name()).isNotBlank();
        assertThat(session.status()).isEqualTo("STARTING");
    }

    @Pact(consumer = CONSUMER)
    V4Pact restartRecoversFailedSessionToStartingPact(PactDslWithProvider builder) {
        return ok(ofSession(builder, "FAILED", "restart of a failed session"))
                .body(SessionBodies.session("STARTING"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "restartRecoversFailedSessionToStartingPact")
    void restartRecoversFailedSessionToStarting(MockServer server) {
        SessionInfo session = client(server, TOKEN, JSON).restart(ID);

        assertThat(session.status()).isEqualTo("STARTING");
    }
}
