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

/** Records what the reference client expects from {@code POST /v2/session/logout}; errors come from the base class. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = WawpPacts.PROVIDER, pactVersion = PactSpecVersion.V4, hostInterface = "127.0.0.1")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LogoutSessionPactTest extends SessionErrorPacts {
    @Override
    String endpoint() {
        return "logout";
    }

    @Override
    Object call(WawpClient client, String instanceId) {
        return client.logout(instanceId);
    }

    @Pact(consumer = CONSUMER)
    V4Pact logoutMovesWorkingSessionToScanQrCodePact(PactDslWithProvider builder) {
        return ok(ofSession(builder, "WORKING", "logout of a working session"))
                .body(SessionBodies.ref("SCAN_QR_CODE"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "logoutMovesWorkingSessionToScanQrCodePact")
    void logoutMovesWorkingSessionToScanQrCode(MockServer server) {
        SessionRef session = client(server, TOKEN, JSON).logout(ID);

        assertThat(session.name()).isNotBlank();
        assertThat(session.status()).isEqualTo("SCAN_QR_CODE");
        assertThat(session.instanceId()).isEqualTo(ID);
    }

    /** The kit's decision: logout of a failed session stops it, so a start then boots to a QR code. */
    @Pact(consumer = CONSUMER)
    V4Pact logoutMovesFailedSessionToStoppedPact(PactDslWithProvider builder) {
        return ok(ofSession(builder, "FAILED", "logout of a failed session"))
                .body(SessionBodies.ref("STOPPED"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "logoutMovesFailedSessionToStoppedPact")
    void logoutMovesFailedSessionToStopped(MockServer server) {
        SessionRef session = client(server, TOKEN, JSON).logout(ID);

        assertThat(session.status()).isEqualTo("STOPPED");
    }
}
