package dev.wawpkit.contracts.pact;

import static dev.wawpkit.contracts.pact.WawpPacts.CONSUMER;
import static dev.wawpkit.contracts.pact.WawpPacts.ID;
import static dev.wawpkit.contracts.pact.WawpPacts.JSON;
import static dev.wawpkit.contracts.pact.WawpPacts.TOKEN;
import static dev.wawpkit.contracts.pact.WawpPacts.client;
import static dev.wawpkit.contracts.pact.WawpPacts.decidedJsonError;
import static dev.wawpkit.contracts.pact.WawpPacts.ok;
import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.wawpkit.contracts.client.Me;
import dev.wawpkit.contracts.client.WawpApiException;
import dev.wawpkit.contracts.client.WawpClient;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Records what the reference client expects from {@code GET /v2/session/me}; shared errors come from the base class. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = WawpPacts.PROVIDER, pactVersion = PactSpecVersion.V4, hostInterface = "127.0.0.1")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SessionMePactTest extends SessionErrorPacts {
    @Override
    String endpoint() {
        return "me";
    }

    @Override
    String method() {
        return "GET";
    }

    @Override
    Object call(WawpClient client, String instanceId) {
        return client.me(instanceId);
    }

    @Pact(consumer = CONSUMER)
    V4Pact meOfWorkingSessionIsItsAccountPact(PactDslWithProvider builder) {
        return ok(ofSession(builder, "WORKING", "me of a working session"))
                .body(new PactDslJsonBody()
                        .stringType("id", "201012345678@c.us")
                        .stringType("pushName", "John Doe"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "meOfWorkingSessionIsItsAccountPact")
    void meOfWorkingSessionIsItsAccount(MockServer server) {
        Me me = client(server, TOKEN, JSON).me(ID);

        assertThat(me.id()).isNotBlank();
        assertThat(me.pushName()).isNotBlank();
    }

    /** The kit's decision: me outside WORKING answers 400 not_logged_in. */
    @Pact(consumer = CONSUMER)
    V4Pact meOfStoppedSessionIs400NotLoggedInPact(PactDslWithProvider builder) {
        return decidedJsonError(
                        ofSession(builder, "STOPPED", "me of a stopped session").willRespondWith(),
                        400,
                        "not_logged_in",
                        "Expected session 3EB0BCB2E3D4 to be WORKING (logged in) to show its account, "
                                + "but it is STOPPED.")
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "meOfStoppedSessionIs400NotLoggedInPact")
    void meOfStoppedSessionIs400NotLoggedIn(MockServer server) {
        WawpApiException e = failure(server);

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isEqualTo("not_logged_in");
        assertThat(e.apiMessage()).isNotBlank();
    }
}
