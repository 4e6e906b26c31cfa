package dev.wawpkit.contracts.pact;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.Matchers;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithoutPath;
import au.com.dius.pact.consumer.dsl.PactDslResponse;
import au.com.dius.pact.consumer.dsl.PactDslRootValue;
import au.com.dius.pact.consumer.xml.PactXmlBuilder;
import dev.wawpkit.contracts.client.WawpClient;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** Shares the pieces every consumer pact is built from: names, fake credentials, requests, error bodies. */
final class WawpPacts {
    static final String CONSUMER = "wawp-reference-client";
    static final String PROVIDER = "wawp-api";
    /** The webhook receiver and sender of the session.status message pact, kept apart from the HTTP pact. */
    static final String WEBHOOK_CONSUMER = "wawp-webhook-receiver";

    static final String WEBHOOK_PROVIDER = "wawp-api-webhooks";

    static final String TOKEN = "test-token-1234";
    static final String INVALID_TOKEN = "test-token-invalid";
    static final String ID = "3EB0BCB2E3D4";
    static final String ID_PATTERN = "^[A-Za-z0-9]{12}$";
    /** An example 401 message; messages are matched by type, codes are the mock's. */
    static final String INVALID_TOKEN_MESSAGE =
            "Expected a valid access token, but the token is not one the server knows.";

    static final String PNG_DATA_URL = "^data:image/png;base64,[A-Za-z0-9+/=]+$";

    static final String JSON = "application/json";
    static final String XML = "application/xml";
    static final String TEXT = "text/plain";

    private WawpPacts() {}

    /** Builds the client under test against the Pact mock server. */
    static WawpClient client(MockServer server, String token, String accept) {
        return WawpClient.builder()
                .baseUrl(URI.create(server.getUrl()))
                .accessToken(token)
                .accept(accept)
                .timeout(Duration.ofSeconds(10))
                .build();
    }

    /**
     * Describes a POST as the client sends it: credentials in the query string (each filled from
     * the provider state when the provider returns one), Content-Type application/json, no body.
     *
     * @param instanceId null to leave {@code instance_id} out
     * @param token      null to leave {@code access_token} out
     */
    static PactDslRequestWithPath post(
            PactDslRequestWithoutPath request, String path, String instanceId, String token, String accept) {
        return request(request, "POST", path, instanceId, token, accept);
    }

    /**
     * Describes a call as the client sends it, like {@link #post}, with any method: only a POST
     * carries {@code Content-Type: application/json}; GET and DELETE carry no Content-Type.
     */
    static PactDslRequestWithPath request(
            PactDslRequestWithoutPath request,
            String method,
            String path,
            String instanceId,
            String token,
            String accept) {
        return request(request, method, path, instanceId, token, accept, true);
    }

    /**
     * Describes a call like {@link #request}, but with {@code instance_id} a fixed example that
     * matches by pattern: for states that set up no session, such as an invalid token, where a
     * verifier would have no {@code instance_id} to fill in.
     */
    static PactDslRequestWithPath requestForAnyInstance(
            PactDslRequestWithoutPath request,
            String method,
            String path,
            String instanceId,
            String token,
            String accept) {
        return request(request, method, path, instanceId, token, accept, false);
    }

    private static PactDslRequestWithPath request(
            PactDslRequestWithoutPath request,
            String method,
            String path,
            String instanceId,
            String token,
            String accept,
            boolean instanceFromState) {
        PactDslRequestWithPath r = request.method(method)
                .path(path)
                .headers(
                        method.equals("POST")
                                ? Map.of("Content-Type", JSON, "Accept", accept)
                                : Map.of("Accept", accept));
        if (instanceId != null) {
            r = r.matchQuery("instance_id", ID_PATTERN, instanceId);
            if (instanceFromState) {
                r = r.queryParameterFromProviderState("instance_id", "${instance_id}", instanceId);
            }
        }
        if (token != null) {
            r = r.queryParameterFromProviderState("access_token", "${access_token}", token);
        }
        return r;
    }

    /** Expects a 200 JSON answer; the caller adds the body. */
    static PactDslResponse ok(PactDslRequestWithPath request) {
        return request.willRespondWith().status(200).matchHeader("Content-Type", "application/json(;.*)?", JSON);
    }

    /** Expects the decided JSON error: {@code error} and {@code message} by type, {@code status} exactly. */
    static PactDslResponse jsonError(PactDslResponse response, int status, String code, String message) {
        return response.status(status)
                .matchHeader("Content-Type", "application/json(;.*)?", JSON)
                .body(new PactDslJsonBody()
                        .stringType("error", code)
                        .stringType("message", message)
                        .numberValue("status", status));
    }

    /** Expects the decided XML error {@code <error><status/><code/><message/></error>}. */
    static PactDslResponse xmlError(PactDslResponse response, int status, String code, String message) {
        return response.status(status)
                .matchHeader("Content-Type", "application/xml(;.*)?", XML)
                .body(new PactXmlBuilder("error").build(root -> {
                    root.appendElement("status", Map.of(), String.valueOf(status));
                    root.appendElement("code", Map.of(), Matchers.string(code));
                    root.appendElement("message", Map.of(), Matchers.string(message));
                }));
    }

    /**
     * Expects a JSON error of one of the kit's decisions, where the code is what the client acts
     * on: {@code error} exactly, {@code message} by type, {@code status} exactly.
     */
    static PactDslResponse decidedJsonError(PactDslResponse response, int status, String code, String message) {
        return response.status(status)
                .matchHeader("Content-Type", "application/json(;.*)?", JSON)
                .body(new PactDslJsonBody()
                        .stringValue("error", code)
                        .stringType("message", message)
                        .numberValue("status", status));
    }

    /** Expects a one-line plain-text error. */
    static PactDslResponse textError(PactDslResponse response, int status, String line) {
        return response.status(status)
                .matchHeader("Content-Type", "text/plain(;.*)?", TEXT)
                .body(PactDslRootValue.stringMatcher("^[^\\r\\n]+\\r?\\n?$", line));
    }

    /**
     * Expects a small HTML error page with a title, like an upstream proxy's. The regex keeps to
     * the subset every Pact implementation accepts: no inline flags such as {@code (?s)}.
     */
    static PactDslResponse htmlError(PactDslResponse response, int status, String title) {
        return response.status(status)
                .matchHeader("Content-Type", "text/html(;.*)?", "text/html")
                .body(PactDslRootValue.stringMatcher(
                        "[\\s\\S]*<title>[^<]+</title>[\\s\\S]*",
                        "<html><head><title>" + title + "</title></head><body><h1>" + title + "</h1></body></html>"));
    }
}
