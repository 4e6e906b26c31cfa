package dev.wawpkit.contracts;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.core.model.Interaction;
import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.wawpkit.contracts.pact.PactDirs;
import dev.wawpkit.contracts.pact.PactOpenApi;
import dev.wawpkit.contracts.provider.StateChangeUrlVerification;
import dev.wawpkit.mock.WawpMockServer;
import dev.wawpkit.mock.junit5.WawpMockTest;
import dev.wawpkit.spec.WawpOpenApi;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shows that the three sides - the committed pacts, the OpenAPI description and the provider -
 * are checked against each other: breaking one side, in memory, makes the check that guards it
 * fail, while the same check passes on the unbroken side.
 *
 * <p>Each break renames the start response's {@code status} to {@code state}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@WawpMockTest(bootDelayMillis = -1)
class ThreeSidesAgreeTest {
    private static final String START = "start of a stopped session";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ValidationReport validate(OpenApiInteractionValidator validator, Path pact) {
        return PactOpenApi.validate(validator, PactDirs.interaction(pact, START).asSynchronousRequestResponse());
    }

    private static List<String> keys(ValidationReport report) {
        return report.getMessages().stream()
                .map(ValidationReport.Message::getKey)
                .toList();
    }

    @Test
    void aPactThatRenamesAResponseFieldFailsTheOpenApiCheck(@TempDir Path dir) throws IOException {
        ObjectNode pact = (ObjectNode) JSON.readTree(PactDirs.committedPact().toFile());
        for (JsonNode interaction : pact.path("interactions")) {
            if (interaction.path("description").asText().equals(START)) {
                ObjectNode body =
                        (ObjectNode) interaction.path("response").path("body").path("content");
                body.set("state", body.remove("status"));
            }
        }
        Path broken = dir.resolve(PactDirs.PACT_FILE);
        JSON.writeValue(broken.toFile(), pact);
        OpenApiInteractionValidator validator = WawpOpenApi.validator();

        ValidationReport intact = validate(validator, PactDirs.committedPact());
        ValidationReport renamed = validate(validator, broken);

        assertThat(intact.getMessages()).isEmpty();
        assertThat(keys(renamed)).as(renamed.toString()).contains("validation.response.body.schema.required");
        assertThat(renamed.toString()).contains("missing required properties ([\"status\"])");
    }

    @Test
    void anOpenApiThatRenamesARequiredFieldRejectsTheCommittedPact() {
        String session = """
                    Session:
                      type: object
                      additionalProperties: true
                      required: [name, status, config]
                      properties:
                        name:
                          type: string
                        status:
                """;
        String yaml = WawpOpenApi.yaml();
        assertThat(yaml).as("the Session schema as this test expects it").contains(session);
        String renamed = yaml.replace(session, session.replace("status", "state"));

        ValidationReport intact = validate(WawpOpenApi.validator(), PactDirs.committedPact());
        ValidationReport broken = validate(
                OpenApiInteractionValidator.createForInlineApiSpecification(renamed)
                        .build(),
                PactDirs.committedPact());

        assertThat(intact.getMessages()).isEmpty();
        assertThat(keys(broken)).as(broken.toString()).contains("validation.response.body.schema.required");
        assertThat(broken.toString()).contains("missing required properties ([\"state\"])");
    }

    @Test
    void aProviderThatRenamesAResponseFieldFailsPactVerification(WawpMockServer mock) {
        Predicate<Interaction> start =
                interaction -> interaction.getDescription().equals(START);
        WireMockServer wrong = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wrong.start();
        try {
            wrong.stubFor(
                    any(urlPathEqualTo("/v2/session/start"))
                            .willReturn(
                                    okJson(
                                            "{\"name\":\"wawp-1\",\"state\":\"STARTING\",\"config\":{\"webhooks\":{},\"proxy\":null}}")));

            List<String> againstMock =
                    StateChangeUrlVerification.ofMock(mock.baseUrl()).verify(PactDirs.committedPact(), start);
            List<String> againstWrong = new StateChangeUrlVerification("127.0.0.1", wrong.port(), null)
                    .verify(PactDirs.committedPact(), start);

            assertThat(againstMock).isEmpty();
            assertThat(againstWrong)
                    .isNotEmpty()
                    .anySatisfy(failure -> assertThat(failure).contains("status"));
        } finally {
            wrong.stop();
        }
    }
}
