package dev.wawpkit.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.report.ValidationReport;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WawpOpenApiTest {
    @Test
    void loadsTheDescriptionFromTheClassPath() {
        assertThat(WawpOpenApi.yaml()).startsWith("openapi: 3.0.3").contains("/v2/session/start:");
        assertThat(WawpOpenApi.parse().getMessages()).isEmpty();
        assertThat(WawpOpenApi.validator()).isSameAs(WawpOpenApi.validator());
    }

    @Test
    void acceptsADocumentedResponse() {
        ValidationReport report = WawpOpenApi.validateResponse(
                "post",
                "/v2/session/start",
                200,
                "application/json",
                "{\"name\": \"wawp-84729105\", \"status\": \"STARTING\", \"config\": {\"webhooks\": {}, \"proxy\": null}}");

        assertThat(report.getMessages()).isEmpty();
    }

    @Test
    void rejectsAnUndocumentedStatusAndABodyMissingARequiredField() {
        ValidationReport status =
                WawpOpenApi.validateResponse("POST", "/v2/session/start", 418, "application/json", "{}");
        ValidationReport field = WawpOpenApi.validateResponse(
                "POST",
                "/v2/session/start",
                200,
                "application/json",
                "{\"name\": \"wawp-84729105\", \"state\": \"STARTING\", \"config\": {}}");

        assertThat(status.getMessages())
                .extracting(ValidationReport.Message::getKey)
                .contains("validation.response.status.unknown");
        assertThat(field.getMessages())
                .extracting(ValidationReport.Message::getKey)
                .contains("validation.response.body.schema.required");
    }
}
