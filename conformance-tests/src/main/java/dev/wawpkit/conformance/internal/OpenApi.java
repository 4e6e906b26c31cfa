package dev.wawpkit.conformance.internal;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.wawpkit.conformance.Exchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** Validates responses against the contracts module's OpenAPI description ({@code openapi/wawp-sessions.yaml}). */
public final class OpenApi {
    /** The classpath location of the description, in the wawp-contracts jar. */
    public static final String RESOURCE = "openapi/wawp-sessions.yaml";

    private OpenApi() {
    }

    private static final class Holder {
        static final OpenApiInteractionValidator VALIDATOR =
                OpenApiInteractionValidator.createForInlineApiSpecification(yaml()).build();
    }

    private static String yaml() {
        try (InputStream in = OpenApi.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Expected " + RESOURCE + " on the classpath (from wawp-contracts), but it is missing: "
                        + "build with mvn -pl conformance-tests -am.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Validates the response of one exchange; returns the error messages, each "key: message". */
    public static List<String> validate(Exchange exchange) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(exchange.status()).withBody(exchange.body());
        if (!exchange.contentType().isEmpty()) {
            response.withContentType(exchange.contentType());
        }
        ValidationReport report = Holder.VALIDATOR.validateResponse(exchange.path(),
                Request.Method.valueOf(exchange.method().toUpperCase(Locale.ROOT)), response.build());
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> m.getKey() + ": " + m.getMessage().replaceAll("\\s+", " "))
                .toList();
    }
}
