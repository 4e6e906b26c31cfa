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
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wawpkit.contracts.client.QrCode;
import dev.wawpkit.contracts.client.WawpApiException;
import dev.wawpkit.contracts.client.WawpClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Records what the reference client expects from {@code POST /v2/auth/qr}; shared errors come from the base class. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = WawpPacts.PROVIDER, pactVersion = PactSpecVersion.V4, hostInterface = "127.0.0.1")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AuthQrPactTest extends SessionErrorPacts {
    private static final String BASE64 = "^[A-Za-z0-9+/]+={0,2}$";
    /** The example {@code data}: base64 of the JSON {@code {value, expiry}}, expiry in epoch milliseconds. */
    private static final String QR_DATA = Base64.getEncoder()
            .encodeToString("{\"value\":\"2@Xk9fQ1x2Zk3mR7vL0pN8bT4w\",\"expiry\":1767225600000}"
                    .getBytes(StandardCharsets.UTF_8));

    @Override
    String endpoint() {
        return "qr";
    }

    @Override
    String path() {
        return "/v2/auth/qr";
    }

    @Override
    Object call(WawpClient client, String instanceId) {
        return client.qr(instanceId);
    }

    @Pact(consumer = CONSUMER)
    V4Pact qrOfScanQrCodeSessionIsBase64JsonPact(PactDslWithProvider builder) {
        return ok(ofSession(builder, "SCAN_QR_CODE", "qr of a session waiting for a QR scan"))
                .body(new PactDslJsonBody()
                        .stringValue("mimetype", "application/json")
                        .stringMatcher("data", BASE64, QR_DATA))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "qrOfScanQrCodeSessionIsBase64JsonPact")
    void qrOfScanQrCodeSessionIsBase64Json(MockServer server) throws Exception {
        QrCode qr = client(server, TOKEN, JSON).qr(ID);

        assertThat(qr.mimetype()).isEqualTo("application/json");
        JsonNode decoded = new ObjectMapper().readTree(Base64.getDecoder().decode(qr.data()));
        assertThat(decoded.path("value").asText()).isNotBlank();
        assertThat(decoded.path("expiry").isIntegralNumber())
                .as("expiry, in ms: %s", decoded)
                .isTrue();
    }

    /** The kit's decision: the QR calls outside SCAN_QR_CODE answer 400 not_scanning. */
    @Pact(consumer = CONSUMER)
    V4Pact qrOfWorkingSessionIs400NotScanningPact(PactDslWithProvider builder) {
        return decidedJsonError(
                        ofSession(builder, "WORKING", "qr of a working session").willRespondWith(),
                        400,
                        "not_scanning",
                        "Expected session 3EB0BCB2E3D4 to be SCAN_QR_CODE to show a QR code, " + "but it is WORKING.")
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "qrOfWorkingSessionIs400NotScanningPact")
    void qrOfWorkingSessionIs400NotScanning(MockServer server) {
        WawpApiException e = failure(server);

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isEqualTo("not_scanning");
    }
}
