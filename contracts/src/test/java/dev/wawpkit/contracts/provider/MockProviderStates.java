package dev.wawpkit.contracts.provider;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Calls the mock's HTTP provider-state endpoint, {@code POST /__admin/wawp/provider-states}, with
 * Pact's standard state-change body {@code {"state", "params", "action"}}: the same call any Pact
 * verifier makes when given the endpoint as its state-change URL.
 */
final class MockProviderStates {
    /** The path of the endpoint under the mock's base URL. */
    static final String PATH = "/__admin/wawp/provider-states";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI uri;

    MockProviderStates(URI mockBaseUrl) {
        this.uri = mockBaseUrl.resolve(PATH);
    }

    /** Returns the endpoint's URL. */
    URI uri() {
        return uri;
    }

    /**
     * Sets a state up and returns the values the mock says it stands for.
     *
     * @throws IllegalStateException with the mock's answer when it does not answer 200, for
     *                               example 400 {@code unknown_provider_state}
     */
    Map<String, Object> setUp(String state, Map<String, ?> params) {
        HttpResponse<String> response = post(state, params, "setup");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Expected the mock to set up the provider state '" + state + "', but " + uri
                    + " answered " + response.statusCode() + ": " + response.body());
        }
        try {
            return JSON.readValue(response.body(), new TypeReference<Map<String, Object>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Tears a state down; the mock then forgets every session, fault and token change. */
    void tearDown(String state) {
        HttpResponse<String> response = post(state, Map.of(), "teardown");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Expected the mock to tear down the provider state '" + state + "', but "
                    + uri + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** Sends one state-change call and returns the answer as it came. */
    HttpResponse<String> post(String state, Map<String, ?> params, String action) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("state", state);
        body.put("params", params);
        body.put("action", action);
        try {
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling " + uri, e);
        }
    }
}
