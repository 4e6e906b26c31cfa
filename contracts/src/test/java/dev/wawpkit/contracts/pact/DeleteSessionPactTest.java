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
import dev.wawpkit.contracts.client.SessionRef;
import dev.wawpkit.contracts.client.WawpClient;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Records what the reference client expects from {@code DELETE /v2/session/delete}; errors come
 * from the base class, whose 404s are also what a deleted session answers from then on.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = WawpPacts.PROVIDER, pactVersion = PactSpecVersion.V4, hostInterface = "127.0.0.1")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DeleteSessionPactTest extends SessionErrorPacts {
    @Override
    String endpoint() {
        return "delete";
    }

    @Override
    String method() {
        return "DELETE";
    }

    @Override
    Object call(WawpClient client, String instanceId) {
        return client.delete(instanceId);
    }

    @Pact(consumer = CONSUMER)
    V4Pact deleteAnswersDeletedPact(PactDslWithProvider builder) {
        return ok(ofSession(builder, "WORKING", "delete of a working session"))
                .body(SessionBodies.ref("DELETED"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "deleteAnswersDeletedPact")
    void deleteAnswersDeleted(MockServer server) {
        SessionRef session = client(server, TOKEN, JSON).delete(ID);

        assertThat(session.name()).isNotBlank();
        assertThat(session.status()).isEqualTo("DELETED");
        assertThat(session.instanceId()).isEqualTo(ID);
    }
}
