package dev.wawpkit.contracts.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wawpkit.mock.ProviderStates;
import dev.wawpkit.mock.WawpMockServer;
import dev.wawpkit.mock.junit5.WawpMockTest;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks that every provider-state sentence in {@link ProviderStates} is one the mock knows: each
 * is posted, with example params, to the mock's HTTP provider-state endpoint and must get 200.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@WawpMockTest(bootDelayMillis = -1)
class ProviderStatesAreKnownToTheMockTest {
    /** Example params for each sentence, as the consumer pacts send them. */
    private static final Map<String, Map<String, Object>> EXAMPLES = Map.of(
            ProviderStates.SESSION_IS, ProviderStates.session("3EB0BCB2E3D4", "STOPPED", "test-token-1234"),
            ProviderStates.NO_SESSION, ProviderStates.noSession("3EB0BCB2E3D4", "test-token-1234"),
            ProviderStates.TOKEN_IS_VALID, ProviderStates.token("test-token-1234"),
            ProviderStates.TOKEN_IS_NOT_VALID, ProviderStates.token("test-token-invalid"),
            ProviderStates.TOKEN_HAS_NO_QUOTA, ProviderStates.token("test-token-1234"),
            ProviderStates.NEXT_CALL_FAILS, ProviderStates.fault("start", 502, "xml"));

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WawpMockServer mock;
    private final MockProviderStates states;

    ProviderStatesAreKnownToTheMockTest(WawpMockServer mock) {
        this.mock = mock;
        this.states = new MockProviderStates(mock.baseUrl());
    }

    @AfterEach
    void reset() {
        mock.reset(); // the whole mock: the states set up sessions and tokens beyond the test's own token
    }

    /** Lists the sentences: the values of ProviderStates' public String constants. */
    static Stream<String> sentences() {
        return Arrays.stream(ProviderStates.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .map(ProviderStatesAreKnownToTheMockTest::value);
    }

    @Test
    void everySentenceHasAnExample() {
        assertThat(EXAMPLES.keySet())
                .as("sentences with example params here; add one for each new ProviderStates constant")
                .containsExactlyInAnyOrderElementsOf(sentences().toList());
    }

    @ParameterizedTest
    @MethodSource("sentences")
    void theMockSetsUpTheSentenceAndReturnsItsValues(String sentence) throws Exception {
        Map<String, Object> params = EXAMPLES.get(sentence);

        HttpResponse<String> response = states.post(sentence, params, "setup");

        assertThat(response.statusCode())
                .as("answer to '%s': %s", sentence, response.body())
                .isEqualTo(200);
        JsonNode values = JSON.readTree(response.body());
        params.forEach(
                (name, value) -> assertThat(values.path(name).asText()).as(name).isEqualTo(String.valueOf(value)));
    }

    @Test
    void theMockRefusesASentenceItDoesNotKnow() throws Exception {
        HttpResponse<String> response = states.post("the moon is made of green cheese", Map.of(), "setup");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("error").asText()).isEqualTo("unknown_provider_state");
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
