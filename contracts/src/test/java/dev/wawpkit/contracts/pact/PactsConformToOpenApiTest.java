package dev.wawpkit.contracts.pact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.SynchronousRequestResponse;
import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.wawpkit.spec.WawpOpenApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * Validates every interaction of the committed pacts ({@code contracts/pacts}) and of the pacts
 * this build wrote ({@code target/pacts}) against the OpenAPI description: request and response,
 * status, media type and body schema.
 *
 * <p>Runs in the {@code check-pacts} surefire execution, after the consumer tests have written
 * {@code target/pacts}; run alone, it checks whichever files exist, and the committed ones must.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PactsConformToOpenApiTest {
    private static final OpenApiInteractionValidator VALIDATOR = WawpOpenApi.validator();

    private static Stream<Path> allPactFiles() {
        List<Path> committed = PactDirs.pactFiles(PactDirs.committed());
        assertThat(committed)
                .as(
                        "committed pact files in %s; write them with "
                                + "'mvn -B -ntp -pl contracts verify -Dwawp.pacts.update=true'",
                        PactDirs.committed().toAbsolutePath())
                .isNotEmpty();
        // the webhook's message pact has no HTTP interaction; SessionStatusWebhookPactTest covers it
        return Stream.concat(committed.stream(), PactDirs.pactFiles(PactDirs.generated()).stream())
                .filter(file -> !file.getFileName().toString().equals(PactDirs.WEBHOOK_PACT_FILE));
    }

    private static String label(Path file) {
        return (file.startsWith(PactDirs.committed()) ? "committed " : "generated ") + file.getFileName();
    }

    @TestFactory
    Stream<DynamicTest> everyInteractionMatchesTheOpenApiDescription() {
        return allPactFiles()
                .flatMap(file -> PactDirs.interactions(file).stream()
                        .map(interaction -> dynamicTest(label(file) + ": " + interaction.getDescription(), () -> {
                            SynchronousRequestResponse http = interaction.asSynchronousRequestResponse();
                            assertThat(http).as("an HTTP interaction").isNotNull();

                            ValidationReport report = PactOpenApi.validate(VALIDATOR, http);

                            assertThat(report.getMessages())
                                    .as("validation of '%s'", interaction.getDescription())
                                    .isEmpty();
                        })));
    }

    @TestFactory
    Stream<DynamicTest> thePactHoldsEveryRecordedInteractionAndOnlyFakeTokens() {
        return Stream.of(PactDirs.committed(), PactDirs.generated())
                .map(dir -> dir.resolve(PactDirs.PACT_FILE))
                .filter(Files::exists)
                .map(pact -> dynamicTest(label(pact), () -> {
                    List<Interaction> all = PactDirs.interactions(pact);

                    // create 5; 11 other endpoints x 11 shared errors; 21 successes and decided errors
                    assertThat(all).hasSize(5 + 11 * 11 + 21);
                    assertThat(all)
                            .flatExtracting(i -> i.asSynchronousRequestResponse()
                                    .getRequest()
                                    .getQuery()
                                    .getOrDefault("access_token", List.of()))
                            .allMatch(token -> token.startsWith("test-token-"));
                    assertThat(all)
                            .flatExtracting(Interaction::getProviderStates)
                            .allMatch(state -> !state.getParams().containsKey("access_token")
                                    || String.valueOf(state.getParams().get("access_token"))
                                            .startsWith("test-token-"));
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyWebhookMessageMatchesTheOpenApiEventSchema() {
        return Stream.of(PactDirs.committed(), PactDirs.generated())
                .map(dir -> dir.resolve(PactDirs.WEBHOOK_PACT_FILE))
                .filter(Files::exists)
                .flatMap(pact -> PactDirs.interactions(pact).stream()
                        .map(interaction -> dynamicTest(label(pact) + ": " + interaction.getDescription(), () -> {
                            String content = interaction
                                    .asAsynchronousMessage()
                                    .getContents()
                                    .getContents()
                                    .valueAsString();

                            ValidationReport report = WawpOpenApi.validateSchema("SessionStatusEvent", content);

                            assertThat(report.getMessages())
                                    .as("validation of '%s': %s", interaction.getDescription(), content)
                                    .isEmpty();
                        })));
    }

    @Test
    void theEventSchemaRejectsAnUnknownStatus() {
        ValidationReport report = WawpOpenApi.validateSchema(
                "SessionStatusEvent",
                "{\"id\":\"evt_1\",\"timestamp\":1,"
                        + "\"session\":\"wawp-1\",\"metadata\":{},\"engine\":\"WEBJS\",\"event\":\"session.status\","
                        + "\"payload\":{\"name\":\"wawp-1\",\"status\":\"RUNNING\"},\"me\":null}");

        assertThat(report.hasErrors()).as(report.toString()).isTrue();
    }

    @Test
    void validatorRejectsAnInteractionTheDescriptionDoesNotAllow() {
        SimpleRequest request = SimpleRequest.Builder.post("/v2/session/start")
                .withQueryParam("instance_id", "not-12-chars")
                .withQueryParam("access_token", "test-token-1234")
                .withAccept("application/json")
                .build();
        SimpleResponse response = SimpleResponse.Builder.status(409)
                .withContentType("application/json")
                .withBody("{\"error\":\"conflict\",\"message\":\"x\",\"status\":409}")
                .build();

        ValidationReport report = VALIDATOR.validate(request, response);

        assertThat(report.getMessages())
                .extracting(ValidationReport.Message::getKey)
                .contains("validation.request.parameter.schema.pattern", "validation.response.status.unknown");
    }
}
