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

/** Records what the reference client expects from {@code POST /v2/session/info}; errors come from the base class. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = WawpPacts.PROVIDER, pactVersion = PactSpecVersion.V4, hostInterface = "127.0.0.1")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SessionInfoPactTest extends SessionErrorPacts {
    @Override
    String endpoint() {
        return "info";
    }

    @Override
    Object call(WawpClient client, String instanceId) {
        return client.info(instanceId);
    }

    private static PactDslResponse infoOf(PactDslWithProvider builder, String status, String description) {
        return post(
                        builder.given(ProviderStates.SESSION_IS, ProviderStates.session(ID, status, TOKEN))
                                .uponReceiving(description),
                        "/v2/session/info",
                        ID,
                        TOKEN,
                        JSON)
                .willRespondWith()
                .status(200)
                .matchHeader("Content-Type", "application/json(;.*)?", JSON);
    }

    @Pact(consumer = CONSUMER)
    V4Pact infoOfStartingSessionPact(PactDslWithProvider builder) {
        return infoOf(builder, "STARTING", "info of a starting session")
                .body(SessionBodies.session("STARTING"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "infoOfStartingSessionPact")
    void infoOfStartingSession(MockServer server) {
        SessionInfo info = client(server, TOKEN, JSON).info(ID);

        assertThat(info.status()).isEqualTo("STARTING");
        assertThat(info.name()).isNotBlank();
        assertThat(info.config()).isNotNull();
    }

    @Pact(consumer = CONSUMER)
    V4Pact infoOfScanQrCodeSessionCarriesQrPact(PactDslWithProvider builder) {
        PactDslJsonBody body = SessionBodies.session("SCAN_QR_CODE")
                .stringMatcher("qr", PNG_DATA_URL, "data:image/png;base64,iVBORw0KGgoAAAANSUhEUg==");
        return infoOf(builder, "SCAN_QR_CODE", "info of a session waiting for a QR scan")
                .body(body)
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "infoOfScanQrCodeSessionCarriesQrPact")
    void infoOfScanQrCodeSessionCarriesQr(MockServer server) {
        SessionInfo info = client(server, TOKEN, JSON).info(ID);

        assertThat(info.status()).isEqualTo("SCAN_QR_CODE");
        assertThat(info.qr()).matches(PNG_DATA_URL);
        assertThat(info.me()).isNull();
    }

    @Pact(consumer = CONSUMER)
    V4Pact infoOfWorkingSessionCarriesMePact(PactDslWithProvider builder) {
        PactDslJsonBody body = SessionBodies.session("WORKING");
        body.object("me")
                .stringType("id", "201012345678@c.us")
                .stringType("pushName", "John Doe")
                .closeObject();
        return infoOf(builder, "WORKING", "info of a working session")
                .body(body)
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "infoOfWorkingSessionCarriesMePact")
    void infoOfWorkingSessionCarriesMe(MockServer server) {
        SessionInfo info = client(server, TOKEN, JSON).info(ID);

        assertThat(info.status()).isEqualTo("WORKING");
        assertThat(info.me().id()).isNotBlank();
        assertThat(info.me().pushName()).isNotBlank();
        assertThat(info.qr()).isNull();
    }
}
