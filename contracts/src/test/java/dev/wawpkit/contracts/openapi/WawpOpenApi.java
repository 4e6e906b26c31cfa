package dev.wawpkit.contracts.openapi;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads the module's OpenAPI description from the classpath, for tests. */
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
}
