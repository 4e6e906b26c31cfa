package dev.wawpkit.conformance.internal;

import com.atlassian.oai.validator.report.ValidationReport;
import dev.wawpkit.conformance.Exchange;
import dev.wawpkit.spec.WawpOpenApi;
import java.util.List;

/** Validates responses against the OpenAPI description ({@link WawpOpenApi}: {@code openapi/wawp-sessions.yaml}). */
public final class OpenApi {
    private OpenApi() {}

    /** Validates the response of one exchange; returns the error messages, each "key: message". */
    public static List<String> validate(Exchange exchange) {
        ValidationReport report = WawpOpenApi.validateResponse(
                exchange.method(), exchange.path(), exchange.status(), exchange.contentType(), exchange.body());
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> m.getKey() + ": " + m.getMessage().replaceAll("\\s+", " "))
                .toList();
    }
}
