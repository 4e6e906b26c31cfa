package dev.wawpkit.contracts.pact;

import static dev.wawpkit.contracts.pact.WawpPacts.CONSUMER;
import static dev.wawpkit.contracts.pact.WawpPacts.ID;
import static dev.wawpkit.contracts.pact.WawpPacts.JSON;
import static dev.wawpkit.contracts.pact.WawpPacts.PNG_DATA_URL;
import static dev.wawpkit.contracts.pact.WawpPacts.TOKEN;
import static dev.wawpkit.contracts.pact.WawpPacts.client;
import static dev.wawpkit.contracts.pact.WawpPacts.post;
import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslResponse;
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

/**
 * Records what the reference client expects from {@code POST /v2/status}, which the Start page
 * names for fetching the QR code once a session is SCAN_QR_CODE; its body is decided: like info.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = WawpPacts.PROVIDER, pactVersion = PactSpecVersion.V4, hostInterface = "127.0.0.1")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StatusPactTest extends SessionErrorPacts {
    @Override
    String endpoint() {
        return "status";
    }

    @Override
    String path() {
        return "/v2/status";
    }

    @Override
    Object call(WawpClient client, String instanceId) {
        return client.status(instanceId);
    }

    private static PactDslResponse statusOf(PactDslWithProvider builder, String status, String description) {
        return post(
                        builder.given(ProviderStates.SESSION_IS, ProviderStates.session(ID, status, TOKEN))
                                .uponReceiving(description),
                        "/v2/status",
                        ID,
                        TOKEN,
                        JSON)
                .willRespondWith()
                .status(200)
                .matchHeader("Content-Type", "application/json(;.*)?", JSON);
    }

    @Pact(consumer = CONSUMER)
    V4Pact statusOfScanQrCodeSessionCarriesQrPact(PactDslWithProvider builder) {
        PactDslJsonBody body = SessionBodies.session("SCAN_QR_CODE")
                .stringMatcher("qr", PNG_DATA_URL, "data:image/png;base64,iVBORw0KGgoAAAANSUhEUg==");
        return statusOf(builder, "SCAN_QR_CODE", "status of a session waiting for a QR scan")
                .body(body)
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "statusOfScanQrCodeSessionCarriesQrPact")
    void statusOfScanQrCodeSessionCarriesQr(MockServer server) {
        SessionInfo status = client(server, TOKEN, JSON).status(ID);

        assertThat(status.status()).isEqualTo("SCAN_QR_CODE");
        assertThat(status.qr()).matches(PNG_DATA_URL);
    }

    @Pact(consumer = CONSUMER)
    V4Pact statusOfStartingSessionPact(PactDslWithProvider builder) {
        return statusOf(builder, "STARTING", "status of a starting session")
                .body(SessionBodies.session("STARTING"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "statusOfStartingSessionPact")
    void statusOfStartingSession(MockServer server) {
        SessionInfo status = client(server, TOKEN, JSON).status(ID);

        assertThat(status.status()).isEqualTo("STARTING");
        assertThat(status.qr()).isNull();
    }
}
