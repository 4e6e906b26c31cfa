package dev.wawpkit.contracts.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wawpkit.mock.Endpoint;
import dev.wawpkit.mock.Format;
import dev.wawpkit.mock.SessionStatus;
import dev.wawpkit.mock.WawpMockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * Drives the embedded mock through every documented response of create, start and info (spec
 * section 3) and validates each request/response pair against the OpenAPI description.
 *
 * <p>Also checks that each call got the status and media type it was meant to provoke, so a case
 * cannot pass by landing on some other documented response.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MockResponsesConformToOpenApiTest {
    private static final String TOKEN = "test-token-1234";
    private static final String UNKNOWN_TOKEN = "test-token-unknown";
    private static final String ID = "3EB0BCB2E3D4";
    private static final String JSON = "application/json";
    private static final String XML = "application/xml";
    private static final String TEXT = "text/plain";
    private static final String HTML = "text/html";

    private static final OpenApiInteractionValidator VALIDATOR = WawpOpenApi.validator();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static WawpMockServer mock;

    /**
     * One documented response: what to arrange, what to send, and what must come back.
     *
     * @param bodyStatus the session status a 200 body must report, else null
     */
    private record Case(String name, Consumer<WawpMockServer> given, String method, Endpoint endpoint,
            String instanceId, String token, String accept, int status, String mediaType, String bodyStatus) {
    }

    @BeforeAll
    static void startMock() {
        mock = WawpMockServer.builder().token(TOKEN).manualBoot().build().start();
    }

    @AfterAll
    static void stopMock() {
        mock.close();
    }

    @TestFactory
    Stream<DynamicTest> everyDocumentedResponseConformsToTheOpenApiDescription() {
        return cases().stream().map(c -> dynamicTest(c.name(), () -> check(c)));
    }

    private static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        Consumer<WawpMockServer> nothing = m -> { };
        Endpoint create = Endpoint.CREATE;
        cases.add(new Case("POST create 200", nothing, "POST", create, null, TOKEN, JSON, 200, JSON, "STOPPED"));
        cases.add(new Case("POST create 400 json", nothing, "POST", create, null, null, JSON, 400, JSON, null));
        cases.add(new Case("POST create 401 json", nothing, "POST", create, null, UNKNOWN_TOKEN, JSON, 401, JSON, null));
        cases.add(new Case("POST create 403 json", m -> m.tokens().quota(TOKEN, 0),
                "POST", create, null, TOKEN, JSON, 403, JSON, null));
        cases.add(new Case("POST create 500 json", fault(create, 500, Format.JSON),
                "POST", create, null, TOKEN, JSON, 500, JSON, null));

        for (Endpoint endpoint : List.of(Endpoint.START, Endpoint.INFO)) {
            for (String method : List.of("POST", "GET")) {
                String prefix = method + " " + endpoint.key() + " ";
                for (SessionStatus status : SessionStatus.values()) {
                    String after = endpoint == Endpoint.START && status == SessionStatus.STOPPED ? "STARTING" : status.name();
                    cases.add(new Case(prefix + "200 of a " + status + " session", seed(status),
                            method, endpoint, ID, TOKEN, JSON, 200, JSON, after));
                }
                cases.add(new Case(prefix + "400 json", nothing, method, endpoint, null, TOKEN, JSON, 400, JSON, null));
                cases.add(new Case(prefix + "400 xml", nothing, method, endpoint, null, TOKEN, XML, 400, XML, null));
                cases.add(new Case(prefix + "400 text", nothing, method, endpoint, null, TOKEN, TEXT, 400, TEXT, null));
                cases.add(new Case(prefix + "401 json", seed(SessionStatus.STOPPED),
                        method, endpoint, ID, UNKNOWN_TOKEN, JSON, 401, JSON, null));
                cases.add(new Case(prefix + "401 xml", seed(SessionStatus.STOPPED),
                        method, endpoint, ID, UNKNOWN_TOKEN, XML, 401, XML, null));
                cases.add(new Case(prefix + "404 json", nothing, method, endpoint, ID, TOKEN, JSON, 404, JSON, null));
                cases.add(new Case(prefix + "404 xml", nothing, method, endpoint, ID, TOKEN, XML, 404, XML, null));
                cases.add(new Case(prefix + "500 json", seed(SessionStatus.STOPPED).andThen(fault(endpoint, 500, Format.JSON)),
                        method, endpoint, ID, TOKEN, JSON, 500, JSON, null));
                cases.add(new Case(prefix + "500 html", seed(SessionStatus.STOPPED).andThen(fault(endpoint, 500, Format.HTML)),
                        method, endpoint, ID, TOKEN, JSON, 500, HTML, null));
                cases.add(new Case(prefix + "502 json", seed(SessionStatus.STOPPED).andThen(fault(endpoint, 502, Format.JSON)),
                        method, endpoint, ID, TOKEN, JSON, 502, JSON, null));
                cases.add(new Case(prefix + "502 xml", seed(SessionStatus.STOPPED).andThen(fault(endpoint, 502, Format.XML)),
                        method, endpoint, ID, TOKEN, XML, 502, XML, null));
            }
        }
        return cases;
    }

    private static Consumer<WawpMockServer> seed(SessionStatus status) {
        return m -> m.seedSession().token(TOKEN).instanceId(ID).status(status)
                .loggedIn(status == SessionStatus.WORKING).create();
    }

    private static Consumer<WawpMockServer> fault(Endpoint endpoint, int status, Format format) {
        return m -> m.faults().on(endpoint).respond(status, format);
    }

    private static void check(Case c) throws Exception {
        mock.reset();
        c.given().accept(mock);
        SimpleRequest.Builder sent = new SimpleRequest.Builder(Request.Method.valueOf(c.method()), c.endpoint().path())
                .withAccept(c.accept());
        StringBuilder query = new StringBuilder();
        if (c.instanceId() != null) {
            query.append("&instance_id=").append(c.instanceId());
            sent.withQueryParam("instance_id", c.instanceId());
        }
        if (c.token() != null) {
            query.append("&access_token=").append(c.token());
            sent.withQueryParam("access_token", c.token());
        }
        URI uri = mock.baseUrl().resolve(c.endpoint().path() + (query.length() == 0 ? "" : "?" + query.substring(1)));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).header("Accept", c.accept());
        if (c.method().equals("POST")) {
            request.header("Content-Type", JSON).POST(HttpRequest.BodyPublishers.noBody());
            sent.withContentType(JSON);
        } else {
            request.GET();
        }

        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());

        String contentType = response.headers().firstValue("Content-Type").orElse("");
        assertThat(response.statusCode()).as("status of %s; body %s", c.name(), response.body()).isEqualTo(c.status());
        assertThat(contentType).as("Content-Type of %s", c.name()).startsWith(c.mediaType());
        if (c.bodyStatus() != null) {
            assertThat(MAPPER.readTree(response.body()).path("status").asText()).isEqualTo(c.bodyStatus());
        }
        ValidationReport report = VALIDATOR.validate(sent.build(), SimpleResponse.Builder.status(response.statusCode())
                .withContentType(contentType).withBody(response.body()).build());
        assertThat(report.getMessages()).as("validation of %s: %s", c.name(), response.body()).isEmpty();
    }
}
