package dev.wawpkit.contracts.pact;

import static dev.wawpkit.contracts.pact.WawpPacts.CONSUMER;
import static dev.wawpkit.contracts.pact.WawpPacts.ID;
import static dev.wawpkit.contracts.pact.WawpPacts.ID_PATTERN;
import static dev.wawpkit.contracts.pact.WawpPacts.INVALID_TOKEN;
import static dev.wawpkit.contracts.pact.WawpPacts.JSON;
import static dev.wawpkit.contracts.pact.WawpPacts.TOKEN;
import static dev.wawpkit.contracts.pact.WawpPacts.client;
import static dev.wawpkit.contracts.pact.WawpPacts.jsonError;
import static dev.wawpkit.contracts.pact.WawpPacts.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.wawpkit.contracts.client.CreatedSession;
import dev.wawpkit.contracts.client.WawpApiException;
import dev.wawpkit.mock.ProviderStates;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** Records what the reference client expects from {@code POST /v2/session/create}. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = WawpPacts.PROVIDER, pactVersion = PactSpecVersion.V4, hostInterface = "127.0.0.1")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CreateSessionPactTest {
    private static final String PATH = "/v2/session/create";

    @Pact(consumer = CONSUMER)
    V4Pact createReturnsStoppedSessionPact(PactDslWithProvider builder) {
        return post(
                        builder.given(ProviderStates.TOKEN_IS_VALID, ProviderStates.token(TOKEN))
                                .uponReceiving("create with a valid token"),
                        PATH,
                        null,
                        TOKEN,
                        JSON)
                .willRespondWith()
                .status(200)
                .matchHeader("Content-Type", "application/json(;.*)?", JSON)
                // only the two fields the Create page documents; the mock's server_name and status are its own
                .body(new PactDslJsonBody()
                        .stringMatcher("instance_id", ID_PATTERN, ID)
                        .stringType("session_name", "wawp-84729105"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "createReturnsStoppedSessionPact")
    void createReturnsStoppedSession(MockServer server) {
        CreatedSession created = client(server, TOKEN, JSON).create();

        assertThat(created.instanceId()).matches(ID_PATTERN);
        assertThat(created.sessionName()).isNotBlank();
    }

    @Pact(consumer = CONSUMER)
    V4Pact createWithoutTokenIs400JsonPact(PactDslWithProvider builder) {
        return jsonError(
                        post(builder.uponReceiving("create without a token"), PATH, null, null, JSON)
                                .willRespondWith(),
                        400,
                        "missing_token",
                        "Expected an access_token, but none came.")
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "createWithoutTokenIs400JsonPact")
    void createWithoutTokenIs400Json(MockServer server) {
        WawpApiException e = catchThrowableOfType(
                WawpApiException.class, () -> client(server, "", JSON).create());

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isNotBlank();
        assertThat(e.apiMessage()).isNotBlank();
        assertThat(e.contentType()).startsWith(JSON);
    }

    @Pact(consumer = CONSUMER)
    V4Pact createWithInvalidTokenIs401JsonPact(PactDslWithProvider builder) {
        return jsonError(
                        post(
                                        builder.given(
                                                        ProviderStates.TOKEN_IS_NOT_VALID,
                                                        ProviderStates.token(INVALID_TOKEN))
                                                .uponReceiving("create with an invalid token"),
                                        PATH,
                                        null,
                                        INVALID_TOKEN,
                                        JSON)
                                .willRespondWith(),
                        401,
                        "invalid_token",
                        WawpPacts.INVALID_TOKEN_MESSAGE)
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "createWithInvalidTokenIs401JsonPact")
    void createWithInvalidTokenIs401Json(MockServer server) {
        WawpApiException e = catchThrowableOfType(
                WawpApiException.class,
                () -> client(server, INVALID_TOKEN, JSON).create());

        assertThat(e.status()).isEqualTo(401);
        assertThat(e.code()).isNotBlank();
        assertThat(e.getMessage()).doesNotContain(INVALID_TOKEN);
    }

    @Pact(consumer = CONSUMER)
    V4Pact createWithoutQuotaIs403JsonPact(PactDslWithProvider builder) {
        return jsonError(
                        post(
                                        builder.given(ProviderStates.TOKEN_HAS_NO_QUOTA, ProviderStates.token(TOKEN))
                                                .uponReceiving("create with a token that has no quota left"),
                                        PATH,
                                        null,
                                        TOKEN,
                                        JSON)
                                .willRespondWith(),
                        403,
                        "quota_exceeded",
                        "Session quota or limit reached")
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "createWithoutQuotaIs403JsonPact")
    void createWithoutQuotaIs403Json(MockServer server) {
        WawpApiException e = catchThrowableOfType(
                WawpApiException.class, () -> client(server, TOKEN, JSON).create());

        assertThat(e.status()).isEqualTo(403);
        assertThat(e.code()).isNotBlank();
        assertThat(e.apiMessage()).isNotBlank();
    }

    @Pact(consumer = CONSUMER)
    V4Pact createFailureIs500JsonPact(PactDslWithProvider builder) {
        return jsonError(
                        post(
                                        builder.given(ProviderStates.TOKEN_IS_VALID, ProviderStates.token(TOKEN))
                                                .given(
                                                        ProviderStates.NEXT_CALL_FAILS,
                                                        ProviderStates.fault("create", 500, "json"))
                                                .uponReceiving("create when the server fails"),
                                        PATH,
                                        null,
                                        TOKEN,
                                        JSON)
                                .willRespondWith(),
                        500,
                        "internal_error",
                        "Unexpected failure")
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "createFailureIs500JsonPact")
    void createFailureIs500Json(MockServer server) {
        WawpApiException e = catchThrowableOfType(
                WawpApiException.class, () -> client(server, TOKEN, JSON).create());

        assertThat(e.status()).isEqualTo(500);
        assertThat(e.code()).isNotBlank();
    }
}
