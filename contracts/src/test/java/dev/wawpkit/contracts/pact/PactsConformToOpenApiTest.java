package dev.wawpkit.contracts.pact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.core.model.IRequest;
import au.com.dius.pact.core.model.IResponse;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.SynchronousRequestResponse;
import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.wawpkit.contracts.openapi.WawpOpenApi;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * Validates every interaction of the pact files in {@code contracts/pacts/} against the OpenAPI
 * description: request and response, status, media type and body schema.
 *
 * <p>Runs in its own surefire execution after the consumer tests have (re)written the files, so
 * it always reads this build's pacts; run alone, it checks the committed ones.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PactsConformToOpenApiTest {
    private static final OpenApiInteractionValidator VALIDATOR = WawpOpenApi.validator();

    private static Path pactDir() {
        return Path.of(System.getProperty("pact.rootDir", "pacts"));
    }

    private static List<File> pactFiles() {
        File[] files = pactDir().toFile().listFiles((dir, name) -> name.endsWith(".json"));
        assertThat(files)
                .as("pact files in %s; run 'mvn -pl contracts verify' to write them", pactDir().toAbsolutePath())
                .isNotEmpty();
        return List.of(files);
    }

    private static Stream<Interaction> interactions(File file) {
        return DefaultPactReader.INSTANCE.loadPact(file).getInteractions().stream().map(Interaction.class::cast);
    }

    @TestFactory
    Stream<DynamicTest> everyInteractionMatchesTheOpenApiDescription() {
        return pactFiles().stream().flatMap(file -> interactions(file).map(interaction ->
                dynamicTest(file.getName() + ": " + interaction.getDescription(), () -> {
                    SynchronousRequestResponse http = interaction.asSynchronousRequestResponse();
                    assertThat(http).as("an HTTP interaction").isNotNull();

                    ValidationReport report = VALIDATOR.validate(request(http.getRequest()), response(http.getResponse()));

                    assertThat(report.getMessages()).as("validation of '%s'", interaction.getDescription()).isEmpty();
                })));
    }

    @Test
    void thePactHoldsEveryRecordedInteractionAndOnlyFakeTokens() {
        File pact = pactDir().resolve("wawp-reference-client-wawp-api.json").toFile();
        List<Interaction> all = interactions(pact).toList();

        assertThat(all).hasSize(31);
        assertThat(all).flatExtracting(i -> i.asSynchronousRequestResponse().getRequest().getQuery()
                        .getOrDefault("access_token", List.of()))
                .allMatch(token -> token.startsWith("test-token-"));
        assertThat(all).flatExtracting(Interaction::getProviderStates)
                .allMatch(state -> !state.getParams().containsKey("access_token")
                        || String.valueOf(state.getParams().get("access_token")).startsWith("test-token-"));
    }

    @Test
    void validatorRejectsAnInteractionTheDescriptionDoesNotAllow() {
        SimpleRequest request = SimpleRequest.Builder.post("/v2/session/start")
                .withQueryParam("instance_id", "not-12-chars")
                .withQueryParam("access_token", "test-token-1234")
                .withAccept("application/json")
                .build();
        SimpleResponse response = SimpleResponse.Builder.status(409).withContentType("application/json")
                .withBody("{\"error\":\"conflict\",\"message\":\"x\",\"status\":409}").build();

        ValidationReport report = VALIDATOR.validate(request, response);

        assertThat(report.getMessages()).extracting(ValidationReport.Message::getKey)
                .contains("validation.request.parameter.schema.pattern", "validation.response.status.unknown");
    }

    private static Request request(IRequest pact) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(pact.getMethod().toUpperCase(Locale.ROOT), pact.getPath());
        pact.getQuery().forEach(builder::withQueryParam);
        pact.getHeaders().forEach(builder::withHeader);
        if (pact.getBody().isPresent()) {
            builder.withBody(pact.getBody().valueAsString());
        }
        return builder.build();
    }

    private static SimpleResponse response(IResponse pact) {
        SimpleResponse.Builder builder = SimpleResponse.Builder.status(pact.getStatus());
        pact.getHeaders().forEach(builder::withHeader);
        if (pact.getBody().isPresent()) {
            builder.withBody(pact.getBody().valueAsString());
        }
        return builder.build();
    }
}
