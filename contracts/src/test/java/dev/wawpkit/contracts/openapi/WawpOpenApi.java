package dev.wawpkit.contracts.openapi;

import au.com.dius.pact.core.model.IRequest;
import au.com.dius.pact.core.model.IResponse;
import au.com.dius.pact.core.model.SynchronousRequestResponse;
import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.Response;
import com.atlassian.oai.validator.model.SimpleRequest;
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

/** Loads the module's OpenAPI description from the classpath and validates exchanges against it, for tests. */
public final class WawpOpenApi {
    /** The classpath location of the description. */
    public static final String RESOURCE = "openapi/wawp-sessions.yaml";

    private WawpOpenApi() {
    }

    /** Reads the description's YAML text. */
    public static String yaml() {
        try (InputStream in = WawpOpenApi.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Expected " + RESOURCE + " on the test classpath; "
                        + "run the tests through Maven so src/main/resources is copied.");
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

    /** Builds a request/response validator over the description. */
    public static OpenApiInteractionValidator validator() {
        return OpenApiInteractionValidator.createForInlineApiSpecification(yaml()).build();
    }

    /**
     * Validates a pact interaction's request and response, as the pact states them, against the
     * description: path, method, parameters, status, media type and JSON body schema.
     */
    public static ValidationReport validate(OpenApiInteractionValidator validator, SynchronousRequestResponse interaction) {
        IRequest pactRequest = interaction.getRequest();
        SimpleRequest.Builder request = new SimpleRequest.Builder(
                pactRequest.getMethod().toUpperCase(Locale.ROOT), pactRequest.getPath());
        pactRequest.getQuery().forEach(request::withQueryParam);
        pactRequest.getHeaders().forEach(request::withHeader);
        if (pactRequest.getBody().isPresent()) {
            request.withBody(pactRequest.getBody().valueAsString());
        }
        IResponse pactResponse = interaction.getResponse();
        SimpleResponse.Builder response = SimpleResponse.Builder.status(pactResponse.getStatus());
        pactResponse.getHeaders().forEach(response::withHeader);
        if (pactResponse.getBody().isPresent()) {
            response.withBody(pactResponse.getBody().valueAsString());
        }
        return validate(validator, request.build(), response.build());
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
            throw new IllegalArgumentException("Expected a schema " + schemaName + " in " + RESOURCE + ", but there is none.");
        }
        return new SchemaValidator(api, new MessageResolver()).validate(json, schema, "webhook");
    }

    private static final Set<String> MISSING_CREDENTIAL = Set.of(
            "validation.request.parameter.query.missing", "validation.request.security.missing");
}
