package dev.wawpkit.contracts.pact;

import au.com.dius.pact.core.model.IRequest;
import au.com.dius.pact.core.model.IResponse;
import au.com.dius.pact.core.model.SynchronousRequestResponse;
import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.wawpkit.spec.WawpOpenApi;
import java.util.Locale;

/** Validates pact interactions against the OpenAPI description ({@link WawpOpenApi}). */
public final class PactOpenApi {
    private PactOpenApi() {}

    /**
     * Validates a pact interaction's request and response, as the pact states them, against the
     * description: path, method, parameters, status, media type and JSON body schema.
     */
    public static ValidationReport validate(
            OpenApiInteractionValidator validator, SynchronousRequestResponse interaction) {
        IRequest pactRequest = interaction.getRequest();
        SimpleRequest.Builder request =
                new SimpleRequest.Builder(pactRequest.getMethod().toUpperCase(Locale.ROOT), pactRequest.getPath());
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
        return WawpOpenApi.validate(validator, request.build(), response.build());
    }
}
