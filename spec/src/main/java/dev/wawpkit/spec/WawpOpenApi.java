package dev.wawpkit.spec;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.Response;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Loads the OpenAPI description of the Wawp session API ({@value #RESOURCE}, in this jar) and
 * validates exchanges against it: the one loader the mock's tests, the contracts' tests and the
 * conformance suite share.
 *
 * <p>Everything but {@link #yaml()} needs {@code com.atlassian.oai:swagger-request-validator-core}
 * on the class path (an optional dependency of this module: add it to use them). Thread-safe.
 */
public final class WawpOpenApi {
    /** The classpath location of the description. */
    public static final String RESOURCE = "openapi/wawp-sessions.yaml";

    private WawpOpenApi() {}

    /** Holds the shared validator, built on first use (building one takes about a second). */
    private static final class Shared {
        static final OpenApiInteractionValidator VALIDATOR =
                OpenApiInteractionValidator.createForInlineApiSpecification(yaml())
                        .build();
    }

    /**
     * Reads the description's YAML text.
     *
     * @throws IllegalStateException when the resource is missing (a class path without this jar)
     */
    public static String yaml() {
        try (InputStream in = WawpOpenApi.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        "Expected " + RESOURCE + " on the class path (from wawp-spec), but it is "
                                + "missing: build with Maven (mvn -pl <module> -am) so spec/src/main/resources is on it.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses the description with every $ref resolved; the result carries parser messages. */
    public static SwaggerParseResult parse() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        return new OpenAPIV3Parser().readContents(yaml(), null, options);
    }

    /** Returns the parsed, fully resolved description. */
    public static OpenAPI api() {
        return parse().getOpenAPI();
    }

    /** Returns the request/response validator over the description, one shared by every caller. */
    public static OpenApiInteractionValidator validator() {
        return Shared.VALIDATOR;
    }

    /**
     * Validates one response to {@code method path} against the description: the status must be
     * documented for the operation, the media type listed, and a JSON body must match its schema.
     *
     * @param contentType the response's {@code Content-Type}; null or empty when it had none
     * @param body        the response body; null or empty when it had none
     */
    public static ValidationReport validateResponse(
            String method, String path, int status, String contentType, String body) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status).withBody(body);
        if (contentType != null && !contentType.isEmpty()) {
            response.withContentType(contentType);
        }
        return validator()
                .validateResponse(path, Request.Method.valueOf(method.toUpperCase(Locale.ROOT)), response.build());
    }

    /**
     * Validates a request and its response. A request that leaves out a required credential
     * ({@code instance_id}, {@code phone_number} or the token) breaks the description on purpose
     * when the answer is the documented 400 for it: only those request messages are dropped, and
     * only for a 400.
     */
    public static ValidationReport validate(OpenApiInteractionValidator validator, Request request, Response response) {
        ValidationReport report = validator.validate(request, response);
        if (response.getStatus() != 400) {
            return report;
        }
        return ValidationReport.from(report.getMessages().stream()
                .filter(m -> !MISSING_CREDENTIAL.contains(m.getKey()))
                .toList());
    }

    /**
     * Validates a JSON document against one schema of the description's components, such as the
     * webhook's {@code SessionStatusEvent}, which no request or response of the API carries.
     */
    public static ValidationReport validateSchema(String schemaName, String json) {
        OpenAPI api = api();
        Schema<?> schema = api.getComponents().getSchemas().get(schemaName);
        if (schema == null) {
            throw new IllegalArgumentException(
                    "Expected a schema " + schemaName + " in " + RESOURCE + ", but there is none.");
        }
        return new SchemaValidator(api, new MessageResolver()).validate(json, schema, "webhook");
    }

    private static final Set<String> MISSING_CREDENTIAL =
            Set.of("validation.request.parameter.query.missing", "validation.request.security.missing");
}
