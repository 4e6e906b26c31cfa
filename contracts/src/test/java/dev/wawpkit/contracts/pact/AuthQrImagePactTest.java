package dev.wawpkit.contracts.pact;

import static dev.wawpkit.contracts.pact.WawpPacts.CONSUMER;
import static dev.wawpkit.contracts.pact.WawpPacts.ID;
import static dev.wawpkit.contracts.pact.WawpPacts.JSON;
import static dev.wawpkit.contracts.pact.WawpPacts.PNG_DATA_URL;
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
import dev.wawpkit.contracts.client.QrImage;
import dev.wawpkit.contracts.client.WawpApiException;
import dev.wawpkit.contracts.client.WawpClient;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Records what the reference client expects from {@code POST /v2/auth/qr-image}; shared errors come from the base class. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = WawpPacts.PROVIDER, pactVersion = PactSpecVersion.V4, hostInterface = "127.0.0.1")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AuthQrImagePactTest extends SessionErrorPacts {
    @Override
    String endpoint() {
        return "qr-image";
    }

    @Override
    String path() {
        return "/v2/auth/qr-image";
    }

    @Override
    Object call(WawpClient client, String instanceId) {
        return client.qrImage(instanceId);
    }

    @Pact(consumer = CONSUMER)
    V4Pact qrImageOfScanQrCodeSessionIsPngDataUrlPact(PactDslWithProvider builder) {
        return ok(ofSession(builder, "SCAN_QR_CODE", "qr-image of a session waiting for a QR scan"))
                .body(new PactDslJsonBody()
                        .stringMatcher("qr", PNG_DATA_URL, "data:image/png;base64,iVBORw0KGgoAAAANSUhEUg=="))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "qrImageOfScanQrCodeSessionIsPngDataUrlPact")
    void qrImageOfScanQrCodeSessionIsPngDataUrl(MockServer server) {
        QrImage image = client(server, TOKEN, JSON).qrImage(ID);

        assertThat(image.qr()).matches(PNG_DATA_URL);
    }

    /** The kit's decision: the QR calls outside SCAN_QR_CODE answer 400 not_scanning. */
    @Pact(consumer = CONSUMER)
    V4Pact qrImageOfStartingSessionIs400NotScanningPact(PactDslWithProvider builder) {
        return decidedJsonError(
                        ofSession(builder, "STARTING", "qr-image of a starting session")
                                .willRespondWith(),
                        400,
                        "not_scanning",
                        "Expected session 3EB0BCB2E3D4 to be SCAN_QR_CODE to show a QR code, " + "but it is STARTING.")
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "qrImageOfStartingSessionIs400NotScanningPact")
    void qrImageOfStartingSessionIs400NotScanning(MockServer server) {
        WawpApiException e = failure(server);

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isEqualTo("not_scanning");
    }
}
