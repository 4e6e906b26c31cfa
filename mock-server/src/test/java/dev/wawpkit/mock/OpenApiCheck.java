package dev.wawpkit.mock;

import com.atlassian.oai.validator.report.ValidationReport;
import dev.wawpkit.spec.WawpOpenApi;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Checks every API answer the acceptance tests receive against the OpenAPI description
 * ({@link WawpOpenApi}, from {@code spec/}), so the mock and the description cannot drift apart unnoticed.
 *
 * <p>Answers the description does not cover by design are left out: mock-only statuses (405, 415),
 * unknown paths, and socket faults (no answer at all).
 */
final class OpenApiCheck {
    private static final Set<Integer> MOCK_ONLY = Set.of(405, 408, 415);
    static final AtomicInteger CHECKED = new AtomicInteger();

    private OpenApiCheck() {}

    /** Validates one answer to an API path; returns the report (empty when it conforms or is out of scope). */
    static ValidationReport report(String method, String pathAndQuery, Http.Response response) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        boolean known = Arrays.stream(Endpoint.values())
                .anyMatch(e -> e.path().equals(path) && e.methods().contains(method.toUpperCase(Locale.ROOT)));
        if (!known || MOCK_ONLY.contains(response.status())) {
            return ValidationReport.empty();
        }
        CHECKED.incrementAndGet();
        return WawpOpenApi.validateResponse(method, path, response.status(), response.contentType(), response.body());
    }

    /** Fails with the validator's messages when the answer does not conform. */
    static void check(String method, String pathAndQuery, Http.Response response) {
        ValidationReport report = report(method, pathAndQuery, response);
        if (report.hasErrors()) {
            throw new AssertionError("Expecting the mock's answer to " + method + " " + pathAndQuery
                    + " to conform to the OpenAPI description, but:\n"
                    + report.getMessages().stream()
                            .map(m -> "  " + m.getKey() + ": " + m.getMessage())
                            .collect(Collectors.joining("\n"))
                    + "\nThe answer was " + response.status() + " " + response.contentType() + ":\n  "
                    + response.body());
        }
    }
}
