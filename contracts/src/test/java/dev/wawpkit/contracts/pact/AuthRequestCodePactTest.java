package dev.wawpkit.contracts.pact;

import static dev.wawpkit.contracts.pact.WawpPacts.CONSUMER;
import static dev.wawpkit.contracts.pact.WawpPacts.ID;
import static dev.wawpkit.contracts.pact.WawpPacts.JSON;
import static dev.wawpkit.contracts.pact.WawpPacts.TOKEN;
import static dev.wawpkit.contracts.pact.WawpPacts.client;
import static dev.wawpkit.contracts.pact.WawpPacts.decidedJsonError;
import static dev.wawpkit.contracts.pact.WawpPacts.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.wawpkit.contracts.client.PairingCode;
import dev.wawpkit.contracts.client.WawpApiException;
import dev.wawpkit.contracts.client.WawpClient;
import dev.wawpkit.mock.ProviderStates;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Records what the reference client expects from {@code POST /v2/auth/request-code}; shared errors
 * come from the base class, each sent with a well-formed {@code phone_number}.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = WawpPacts.PROVIDER, pactVersion = PactSpecVersion.V4, hostInterface = "127.0.0.1")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AuthRequestCodePactTest extends SessionErrorPacts {
    private static final String PHONE = "201012345678";
    /** The kit's decision: 8 to 15 digits with the country code. */
    private static final String PHONE_PATTERN = "^[0-9]{8,15}$";

    private static final String TOO_SHORT = "12345";
    private static final String CODE_PATTERN = "^[A-Z]{4}-[0-9]{4}$";

    @Override
    String endpoint() {
        return "request-code";
    }

    @Override
    String path() {
        return "/v2/auth/request-code";
    }

    @Override
    PactDslRequestWithPath withParams(PactDslRequestWithPath request) {
        return request.matchQuery("phone_number", PHONE_PATTERN, PHONE);
    }

    @Override
    Object call(WawpClient client, String instanceId) {
        return client.requestCode(instanceId, PHONE);
    }

    @Pact(consumer = CONSUMER)
    V4Pact requestCodeOfScanQrCodeSessionIsPairingCodePact(PactDslWithProvider builder) {
        return ok(ofSession(builder, "SCAN_QR_CODE", "request-code of a session waiting for a QR scan"))
                .body(new PactDslJsonBody().stringMatcher("code", CODE_PATTERN, "ABCD-1234"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "requestCodeOfScanQrCodeSessionIsPairingCodePact")
    void requestCodeOfScanQrCodeSessionIsPairingCode(MockServer server) {
        PairingCode code = client(server, TOKEN, JSON).requestCode(ID, PHONE);

        assertThat(code.code()).matches(CODE_PATTERN);
    }

    /** The kit's decision: the pairing-code call outside SCAN_QR_CODE answers 400 not_scanning. */
    @Pact(consumer = CONSUMER)
    V4Pact requestCodeOfWorkingSessionIs400NotScanningPact(PactDslWithProvider builder) {
        return decidedJsonError(
                        ofSession(builder, "WORKING", "request-code of a working session")
                                .willRespondWith(),
                        400,
                        "not_scanning",
                        "Expected session 3EB0BCB2E3D4 to be SCAN_QR_CODE to give a pairing code, "
                                + "but it is WORKING.")
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "requestCodeOfWorkingSessionIs400NotScanningPact")
    void requestCodeOfWorkingSessionIs400NotScanning(MockServer server) {
        WawpApiException e = failure(server);

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isEqualTo("not_scanning");
    }

    /** The kit's decision: a phone_number that is not 8 to 15 digits answers 400 invalid_phone_number. */
    @Pact(consumer = CONSUMER)
    V4Pact requestCodeWithTooShortPhoneIs400InvalidPhoneNumberPact(PactDslWithProvider builder) {
        PactDslRequestWithPath request = WawpPacts.request(
                        builder.given(ProviderStates.SESSION_IS, ProviderStates.session(ID, "SCAN_QR_CODE", TOKEN))
                                .uponReceiving("request-code with a phone number too short"),
                        method(),
                        path(),
                        ID,
                        TOKEN,
                        JSON)
                .matchQuery("phone_number", "^[0-9]{1,7}$", TOO_SHORT);
        return decidedJsonError(
                        request.willRespondWith(),
                        400,
                        "invalid_phone_number",
                        "Expected phone_number to be 8 to 15 digits with the country code and no '+' or spaces "
                                + "(like 201012345678), but got 5 characters.")
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "requestCodeWithTooShortPhoneIs400InvalidPhoneNumberPact")
    void requestCodeWithTooShortPhoneIs400InvalidPhoneNumber(MockServer server) {
        WawpApiException e = catchThrowableOfType(
                WawpApiException.class, () -> client(server, TOKEN, JSON).requestCode(ID, TOO_SHORT));

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isEqualTo("invalid_phone_number");
    }
}
