package dev.wawpkit.contracts.pact;

import static dev.wawpkit.contracts.pact.WawpPacts.CONSUMER;
import static dev.wawpkit.contracts.pact.WawpPacts.ID;
import static dev.wawpkit.contracts.pact.WawpPacts.INVALID_TOKEN;
import static dev.wawpkit.contracts.pact.WawpPacts.JSON;
import static dev.wawpkit.contracts.pact.WawpPacts.TEXT;
import static dev.wawpkit.contracts.pact.WawpPacts.TOKEN;
import static dev.wawpkit.contracts.pact.WawpPacts.XML;
import static dev.wawpkit.contracts.pact.WawpPacts.client;
import static dev.wawpkit.contracts.pact.WawpPacts.htmlError;
import static dev.wawpkit.contracts.pact.WawpPacts.jsonError;
import static dev.wawpkit.contracts.pact.WawpPacts.requestForAnyInstance;
import static dev.wawpkit.contracts.pact.WawpPacts.textError;
import static dev.wawpkit.contracts.pact.WawpPacts.xmlError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithoutPath;
import au.com.dius.pact.consumer.dsl.PactDslResponse;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.wawpkit.contracts.client.WawpApiException;
import dev.wawpkit.contracts.client.WawpClient;
import dev.wawpkit.mock.ProviderStates;
import org.junit.jupiter.api.Test;

/**
 * Records the documented error answers that every endpoint but create shares (spec section 3):
 * 400 as JSON, XML and text; 401 and 404 as JSON and XML; 500 as JSON and HTML; 502 as JSON and XML.
 *
 * <p>Each subclass names its endpoint, and its method, path and extra parameters where they differ
 * from {@code POST /v2/session/{endpoint}}; every interaction here is recorded once per endpoint.
 * 400, 401 and 404 pick their format by the request's {@code Accept}; 500 and 502 are injected
 * faults that name their format, and the XML 502 also asks for XML.
 */
abstract class SessionErrorPacts {
    /** Returns the endpoint's short name, as the mock's control API spells it: {@code start}. */
    abstract String endpoint();

    /** Calls the endpoint through the client; null leaves {@code instance_id} out. */
    abstract Object call(WawpClient client, String instanceId);

    /** Returns the method the client sends; default POST. */
    String method() {
        return "POST";
    }

    /** Returns the request path; default {@code /v2/session/{endpoint}}. */
    String path() {
        return "/v2/session/" + endpoint();
    }

    /** Adds the endpoint's own parameters to a request, such as request-code's {@code phone_number}; default none. */
    PactDslRequestWithPath withParams(PactDslRequestWithPath request) {
        return request;
    }

    /** Describes the call as the client sends it, with {@code instance_id} from the provider state. */
    PactDslRequestWithPath request(PactDslRequestWithoutPath request, String instanceId, String token, String accept) {
        return withParams(WawpPacts.request(request, method(), path(), instanceId, token, accept));
    }

    /** Describes the call, as JSON, on session {@code ID} in the given status for {@code TOKEN}. */
    PactDslRequestWithPath ofSession(PactDslWithProvider builder, String status, String description) {
        return request(
                builder.given(ProviderStates.SESSION_IS, ProviderStates.session(ID, status, TOKEN))
                        .uponReceiving(description),
                ID,
                TOKEN,
                JSON);
    }

    private PactDslResponse missingInstance(PactDslWithProvider builder, String format, String accept) {
        PactDslRequestWithoutPath request = builder.given(ProviderStates.TOKEN_IS_VALID, ProviderStates.token(TOKEN))
                .uponReceiving(endpoint() + " without instance_id, as " + format);
        return request(request, null, TOKEN, accept).willRespondWith();
    }

    private PactDslResponse invalidToken(PactDslWithProvider builder, String format, String accept) {
        PactDslRequestWithoutPath request = builder.given(
                        ProviderStates.TOKEN_IS_NOT_VALID, ProviderStates.token(INVALID_TOKEN))
                .uponReceiving(endpoint() + " with an invalid token, as " + format);
        return withParams(requestForAnyInstance(request, method(), path(), ID, INVALID_TOKEN, accept))
                .willRespondWith();
    }

    private PactDslResponse unknownSession(PactDslWithProvider builder, String format, String accept) {
        PactDslRequestWithoutPath request = builder.given(ProviderStates.TOKEN_IS_VALID, ProviderStates.token(TOKEN))
                .given(ProviderStates.NO_SESSION, ProviderStates.noSession(ID, TOKEN))
                .uponReceiving(endpoint() + " of a session that does not exist, as " + format);
        return request(request, ID, TOKEN, accept).willRespondWith();
    }

    private PactDslResponse fault(PactDslWithProvider builder, int status, String format, String accept) {
        PactDslRequestWithoutPath request = builder.given(
                        ProviderStates.SESSION_IS, ProviderStates.session(ID, "STOPPED", TOKEN))
                .given(ProviderStates.NEXT_CALL_FAILS, ProviderStates.fault(endpoint(), status, format))
                .uponReceiving(endpoint() + " when the next call fails with " + status + " as " + format);
        return request(request, ID, TOKEN, accept).willRespondWith();
    }

    /** Calls the endpoint for session {@code ID} with {@code TOKEN} and returns the exception it must throw. */
    WawpApiException failure(MockServer server) {
        return failure(server, TOKEN, JSON, ID);
    }

    private WawpApiException failure(MockServer server, String token, String accept, String instanceId) {
        return catchThrowableOfType(WawpApiException.class, () -> call(client(server, token, accept), instanceId));
    }

    @Pact(consumer = CONSUMER)
    V4Pact withoutInstanceIs400JsonPact(PactDslWithProvider builder) {
        return jsonError(
                        missingInstance(builder, "json", JSON),
                        400,
                        "missing_parameter",
                        "Missing required parameter: instance_id")
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "withoutInstanceIs400JsonPact")
    void withoutInstanceIs400Json(MockServer server) {
        WawpApiException e = failure(server, TOKEN, JSON, null);

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isNotBlank();
        assertThat(e.apiMessage()).isNotBlank();
        assertThat(e.contentType()).startsWith(JSON);
    }

    @Pact(consumer = CONSUMER)
    V4Pact withoutInstanceIs400XmlPact(PactDslWithProvider builder) {
        return xmlError(
                        missingInstance(builder, "xml", XML),
                        400,
                        "missing_parameter",
                        "Missing required parameter: instance_id")
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "withoutInstanceIs400XmlPact")
    void withoutInstanceIs400Xml(MockServer server) {
        WawpApiException e = failure(server, TOKEN, XML, null);

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isNotBlank();
        assertThat(e.apiMessage()).isNotBlank();
        assertThat(e.contentType()).startsWith(XML);
    }

    @Pact(consumer = CONSUMER)
    V4Pact withoutInstanceIs400TextPact(PactDslWithProvider builder) {
        return textError(missingInstance(builder, "text", TEXT), 400, "Missing required parameter: instance_id")
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "withoutInstanceIs400TextPact")
    void withoutInstanceIs400Text(MockServer server) {
        WawpApiException e = failure(server, TOKEN, TEXT, null);

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isNull();
        assertThat(e.apiMessage()).isNotBlank();
        assertThat(e.contentType()).startsWith(TEXT);
    }

    @Pact(consumer = CONSUMER)
    V4Pact withInvalidTokenIs401JsonPact(PactDslWithProvider builder) {
        return jsonError(invalidToken(builder, "json", JSON), 401, "invalid_token", WawpPacts.INVALID_TOKEN_MESSAGE)
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "withInvalidTokenIs401JsonPact")
    void withInvalidTokenIs401Json(MockServer server) {
        WawpApiException e = failure(server, INVALID_TOKEN, JSON, ID);

        assertThat(e.status()).isEqualTo(401);
        assertThat(e.code()).isNotBlank();
        assertThat(e.getMessage()).doesNotContain(INVALID_TOKEN);
    }

    @Pact(consumer = CONSUMER)
    V4Pact withInvalidTokenIs401XmlPact(PactDslWithProvider builder) {
        return xmlError(invalidToken(builder, "xml", XML), 401, "invalid_token", WawpPacts.INVALID_TOKEN_MESSAGE)
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "withInvalidTokenIs401XmlPact")
    void withInvalidTokenIs401Xml(MockServer server) {
        WawpApiException e = failure(server, INVALID_TOKEN, XML, ID);

        assertThat(e.status()).isEqualTo(401);
        assertThat(e.code()).isNotBlank();
        assertThat(e.contentType()).startsWith(XML);
    }

    @Pact(consumer = CONSUMER)
    V4Pact ofUnknownSessionIs404JsonPact(PactDslWithProvider builder) {
        return jsonError(unknownSession(builder, "json", JSON), 404, "session_not_found", "Session does not exist")
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "ofUnknownSessionIs404JsonPact")
    void ofUnknownSessionIs404Json(MockServer server) {
        WawpApiException e = failure(server, TOKEN, JSON, ID);

        assertThat(e.status()).isEqualTo(404);
        assertThat(e.code()).isNotBlank();
        assertThat(e.apiMessage()).isNotBlank();
    }

    @Pact(consumer = CONSUMER)
    V4Pact ofUnknownSessionIs404XmlPact(PactDslWithProvider builder) {
        return xmlError(unknownSession(builder, "xml", XML), 404, "session_not_found", "Session does not exist")
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "ofUnknownSessionIs404XmlPact")
    void ofUnknownSessionIs404Xml(MockServer server) {
        WawpApiException e = failure(server, TOKEN, XML, ID);

        assertThat(e.status()).isEqualTo(404);
        assertThat(e.code()).isNotBlank();
        assertThat(e.contentType()).startsWith(XML);
    }

    @Pact(consumer = CONSUMER)
    V4Pact failureIs500JsonPact(PactDslWithProvider builder) {
        return jsonError(fault(builder, 500, "json", JSON), 500, "internal_error", "Unexpected failure")
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "failureIs500JsonPact")
    void failureIs500Json(MockServer server) {
        WawpApiException e = failure(server, TOKEN, JSON, ID);

        assertThat(e.status()).isEqualTo(500);
        assertThat(e.code()).isNotBlank();
    }

    @Pact(consumer = CONSUMER)
    V4Pact failureIs500HtmlPact(PactDslWithProvider builder) {
        return htmlError(fault(builder, 500, "html", JSON), 500, "500 Internal Server Error")
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "failureIs500HtmlPact")
    void failureIs500Html(MockServer server) {
        WawpApiException e = failure(server, TOKEN, JSON, ID);

        assertThat(e.status()).isEqualTo(500);
        assertThat(e.code()).isNull();
        assertThat(e.apiMessage()).isNotBlank();
        assertThat(e.contentType()).startsWith("text/html");
    }

    @Pact(consumer = CONSUMER)
    V4Pact upstreamFailureIs502JsonPact(PactDslWithProvider builder) {
        return jsonError(fault(builder, 502, "json", JSON), 502, "bad_gateway", "Connection failed to upstream")
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "upstreamFailureIs502JsonPact")
    void upstreamFailureIs502Json(MockServer server) {
        WawpApiException e = failure(server, TOKEN, JSON, ID);

        assertThat(e.status()).isEqualTo(502);
        assertThat(e.code()).isNotBlank();
    }

    @Pact(consumer = CONSUMER)
    V4Pact upstreamFailureIs502XmlPact(PactDslWithProvider builder) {
        return xmlError(fault(builder, 502, "xml", XML), 502, "bad_gateway", "Connection failed to upstream")
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "upstreamFailureIs502XmlPact")
    void upstreamFailureIs502Xml(MockServer server) {
        WawpApiException e = failure(server, TOKEN, XML, ID);

        assertThat(e.status()).isEqualTo(502);
        assertThat(e.code()).isNotBlank();
        assertThat(e.contentType()).startsWith(XML);
    }
}
