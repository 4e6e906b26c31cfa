package dev.wawpkit.contracts.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import au.com.dius.pact.core.model.IRequest;
import au.com.dius.pact.core.model.IResponse;
import au.com.dius.pact.core.model.Interaction;
import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wawpkit.contracts.pact.PactDirs;
import dev.wawpkit.mock.Endpoint;
import dev.wawpkit.mock.Format;
import dev.wawpkit.mock.SessionStatus;
import dev.wawpkit.mock.WawpMockServer;
import dev.wawpkit.mock.junit5.WawpMockTest;
import dev.wawpkit.spec.ErrorBody;
import dev.wawpkit.spec.WawpOpenApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * Drives the embedded mock through every documented response of every endpoint (spec sections 2
 * and 3, and the README's decisions) and validates each request/response pair against the
 * OpenAPI description.
 *
 * <p>Also checks that each call got the status and media type it was meant to provoke, and the
 * session status or error code where it names one, so a case cannot pass by landing on some
 * other documented response.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
@WawpMockTest(token = MockResponsesConformToOpenApiTest.TOKEN, bootDelayMillis = -1)
class MockResponsesConformToOpenApiTest {
    static final String TOKEN = "test-token-1234";
    private static final String UNKNOWN_TOKEN = "test-token-unknown";
    private static final String ID = "3EB0BCB2E3D4";
    private static final String PHONE = "201012345678";
    private static final String JSON = "application/json";
    private static final String XML = "application/xml";
    private static final String TEXT = "text/plain";
    private static final String HTML = "text/html";
    private static final Consumer<WawpMockServer> NOTHING = m -> {};

    private static final OpenApiInteractionValidator VALIDATOR = WawpOpenApi.validator();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static WawpMockServer mock;

    /** What to send: null leaves a parameter out. */
    private record Call(
            String method, Endpoint endpoint, String instanceId, String token, String phone, String accept) {
        /** Sends what the client sends, with request-code's {@code phone_number}. */
        static Call of(String method, Endpoint endpoint, String instanceId, String token, String accept) {
            return new Call(
                    method, endpoint, instanceId, token, endpoint == Endpoint.REQUEST_CODE ? PHONE : null, accept);
        }

        Call phone(String phone) {
            return new Call(method, endpoint, instanceId, token, phone, accept);
        }
    }

    /**
     * One documented response: what to arrange, what to send, and what must come back.
     *
     * @param expected the session status a 200 body must report, or the code a JSON or XML error
     *                 must carry; null to check neither
     */
    private record Case(
            String name, Consumer<WawpMockServer> given, Call call, int status, String mediaType, String expected) {}

    @BeforeAll
    static void useTheMock(WawpMockServer server) {
        mock = server; // static: the cases' helpers are static, and they reset the whole mock
    }

    @TestFactory
    Stream<DynamicTest> everyDocumentedResponseConformsToTheOpenApiDescription() {
        return cases().stream().map(c -> dynamicTest(c.name(), () -> check(c)));
    }

    /**
     * Keeps one catalogue of error codes: drives the mock through every documented error answer
     * (JSON and XML), and requires the OpenAPI examples and the committed pacts to use, for each
     * operation and status, exactly codes the mock answers there - and the OpenAPI examples to
     * show every code the mock answers. The mock's codes are canonical.
     */
    @Test
    void theOpenApiExamplesAndThePactsUseTheErrorCodesTheMockAnswers() throws Exception {
        Map<String, Set<String>> answered = new TreeMap<>();
        for (Case c : cases()) {
            if (c.status() >= 400
                    && (c.mediaType().equals(JSON) || c.mediaType().equals(XML))) {
                HttpResponse<String> response = send(c);
                answered.computeIfAbsent(
                                key(c.call().method(), c.call().endpoint().path(), c.status()), k -> new TreeSet<>())
                        .add(code(response.headers().firstValue("Content-Type").orElse(""), response.body()));
            }
        }
        Map<String, Set<String>> documented = new TreeMap<>();
        List<String> differences = new ArrayList<>();
        WawpOpenApi.api()
                .getPaths()
                .forEach((path, item) -> item.readOperationsMap()
                        .forEach((method, operation) -> operation.getResponses().forEach((status, response) -> {
                            if (status.startsWith("2")
                                    || response.getExtensions() != null
                                            && Boolean.TRUE.equals(
                                                    response.getExtensions().get("x-wawp-mock-only"))) {
                                return;
                            }
                            String key = key(method.name(), path, Integer.parseInt(status));
                            response.getContent().forEach((mediaType, media) -> {
                                if (media.getExamples() == null || !(mediaType.equals(JSON) || mediaType.equals(XML))) {
                                    return;
                                }
                                media.getExamples().forEach((name, example) -> {
                                    JsonNode value = MAPPER.valueToTree(example.getValue());
                                    String code = value.path(mediaType.equals(JSON) ? "error" : "code")
                                            .asText();
                                    documented
                                            .computeIfAbsent(key, k -> new TreeSet<>())
                                            .add(code);
                                    if (!answered.getOrDefault(key, Set.of()).contains(code)) {
                                        differences.add("OpenAPI example " + name + " of " + key + " " + mediaType
                                                + " says '" + code + "'; the mock answers " + answered.get(key));
                                    }
                                });
                            });
                        })));
        answered.forEach((key, codes) -> codes.stream()
                .filter(code -> !documented.getOrDefault(key, Set.of()).contains(code))
                .forEach(code -> differences.add("the mock answers '" + code + "' to " + key
                        + ", but no OpenAPI example of that response shows it")));
        for (Interaction interaction : PactDirs.interactions(PactDirs.committedPact())) {
            IRequest request = interaction.asSynchronousRequestResponse().getRequest();
            IResponse response = interaction.asSynchronousRequestResponse().getResponse();
            String contentType = response.getHeaders()
                    .getOrDefault("Content-Type", List.of(""))
                    .get(0);
            if (response.getStatus() < 400 || !(contentType.startsWith(JSON) || contentType.startsWith(XML))) {
                continue;
            }
            String key = key(request.getMethod(), request.getPath(), response.getStatus());
            String code = code(contentType, response.getBody().valueAsString());
            if (!answered.getOrDefault(key, Set.of()).contains(code)) {
                differences.add("pact '" + interaction.getDescription() + "' expects '" + code + "'; the mock answers "
                        + key + " with " + answered.get(key));
            }
        }

        assertThat(answered).as("error answers the mock was driven to").hasSizeGreaterThan(80);
        assertThat(differences).as("error codes that differ from the mock's").isEmpty();
    }

    private static String key(String method, String path, int status) {
        return method.toUpperCase(Locale.ROOT) + " " + path + " " + status;
    }

    /** Reads the error code of a JSON ({@code error}) or XML ({@code <code>}) error body; "" when it has none. */
    private static String code(String contentType, String body) {
        return Objects.toString(ErrorBody.parse(contentType, body).code(), "");
    }

    private static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        Endpoint create = Endpoint.CREATE;
        cases.add(
                new Case("POST create 200", NOTHING, Call.of("POST", create, null, TOKEN, JSON), 200, JSON, "STOPPED"));
        cases.add(
                new Case("POST create 400 json", NOTHING, Call.of("POST", create, null, null, JSON), 400, JSON, null));
        cases.add(new Case(
                "POST create 401 json", NOTHING, Call.of("POST", create, null, UNKNOWN_TOKEN, JSON), 401, JSON, null));
        cases.add(new Case(
                "POST create 403 json",
                m -> m.tokens().quota(TOKEN, 0),
                Call.of("POST", create, null, TOKEN, JSON),
                403,
                JSON,
                null));
        cases.add(new Case(
                "POST create 500 json",
                fault(create, 500, Format.JSON),
                Call.of("POST", create, null, TOKEN, JSON),
                500,
                JSON,
                null));

        for (Endpoint endpoint : Endpoint.values()) {
            if (endpoint == create) {
                continue;
            }
            for (String method : endpoint.methods()) {
                String prefix = method + " " + endpoint.key() + " ";
                Call json = Call.of(method, endpoint, ID, TOKEN, JSON);
                for (SessionStatus status : SessionStatus.values()) {
                    String refusal = refusal(endpoint, status);
                    cases.add(
                            refusal == null
                                    ? new Case(
                                            prefix + "200 of a " + status + " session",
                                            seed(status),
                                            json,
                                            200,
                                            JSON,
                                            statusAfter(endpoint, status))
                                    : new Case(
                                            prefix + "400 " + refusal + " of a " + status + " session",
                                            seed(status),
                                            json,
                                            400,
                                            JSON,
                                            refusal));
                }
                cases.addAll(sharedErrors(prefix, json));
                cases.addAll(decidedErrorsAsXmlAndText(prefix, json));
                if (endpoint == Endpoint.REQUEST_CODE) {
                    Consumer<WawpMockServer> scanning = seed(SessionStatus.SCAN_QR_CODE);
                    cases.add(new Case(
                            prefix + "400 json without phone_number",
                            scanning,
                            json.phone(null),
                            400,
                            JSON,
                            "missing_parameter"));
                    for (String accept : List.of(JSON, XML, TEXT)) {
                        cases.add(new Case(
                                prefix + "400 invalid_phone_number as " + accept,
                                scanning,
                                new Call(method, endpoint, ID, TOKEN, "12345", accept),
                                400,
                                accept,
                                "invalid_phone_number"));
                    }
                }
            }
        }
        return cases;
    }

    /** The shared error set of spec section 3: 400 json/xml/text, 401 and 404 json/xml, 500 json/html, 502 json/xml. */
    private static List<Case> sharedErrors(String prefix, Call json) {
        Call xml = Call.of(json.method(), json.endpoint(), ID, TOKEN, XML);
        Endpoint endpoint = json.endpoint();
        Consumer<WawpMockServer> stopped = seed(SessionStatus.STOPPED);
        List<Case> cases = new ArrayList<>();
        for (String accept : List.of(JSON, XML, TEXT)) {
            cases.add(new Case(
                    prefix + "400 as " + accept,
                    NOTHING,
                    Call.of(json.method(), endpoint, null, TOKEN, accept),
                    400,
                    accept,
                    null));
        }
        for (String accept : List.of(JSON, XML)) {
            cases.add(new Case(
                    prefix + "401 as " + accept,
                    stopped,
                    Call.of(json.method(), endpoint, ID, UNKNOWN_TOKEN, accept),
                    401,
                    accept,
                    null));
            cases.add(new Case(
                    prefix + "404 as " + accept,
                    NOTHING,
                    Call.of(json.method(), endpoint, ID, TOKEN, accept),
                    404,
                    accept,
                    "session_not_found"));
        }
        cases.add(new Case(
                prefix + "500 json", stopped.andThen(fault(endpoint, 500, Format.JSON)), json, 500, JSON, null));
        cases.add(new Case(
                prefix + "500 html", stopped.andThen(fault(endpoint, 500, Format.HTML)), json, 500, HTML, null));
        cases.add(new Case(
                prefix + "502 json", stopped.andThen(fault(endpoint, 502, Format.JSON)), json, 502, JSON, null));
        cases.add(new Case(prefix + "502 xml", stopped.andThen(fault(endpoint, 502, Format.XML)), xml, 502, XML, null));
        return cases;
    }

    /** The decided 400s follow Accept like every 400: the XML and text variants, once per operation. */
    private static List<Case> decidedErrorsAsXmlAndText(String prefix, Call json) {
        SessionStatus refused = json.endpoint() == Endpoint.ME ? SessionStatus.STOPPED : SessionStatus.WORKING;
        String refusal = refusal(json.endpoint(), refused);
        if (refusal == null) {
            return List.of();
        }
        return List.of(XML, TEXT).stream()
                .map(accept -> new Case(
                        prefix + "400 " + refusal + " as " + accept,
                        seed(refused),
                        Call.of(json.method(), json.endpoint(), ID, TOKEN, accept),
                        400,
                        accept,
                        refusal))
                .toList();
    }

    /** Returns the error code the kit's decisions answer for a call in this status, or null for 200. */
    private static String refusal(Endpoint endpoint, SessionStatus status) {
        return switch (endpoint) {
            case ME -> status == SessionStatus.WORKING ? null : "not_logged_in";
            case QR, QR_IMAGE, REQUEST_CODE -> status == SessionStatus.SCAN_QR_CODE ? null : "not_scanning";
            default -> null;
        };
    }

    /** Returns the status a 200 body must report (spec section 4), or null where the body has none. */
    private static String statusAfter(Endpoint endpoint, SessionStatus status) {
        return switch (endpoint) {
            case START -> status == SessionStatus.STOPPED ? "STARTING" : status.name();
            case INFO -> status.name();
            case STOP -> "STOPPED";
            case RESTART -> "STARTING";
            case LOGOUT ->
                status == SessionStatus.WORKING
                        ? "SCAN_QR_CODE"
                        : status == SessionStatus.FAILED ? "STOPPED" : status.name();
            case DELETE -> "DELETED";
            default -> null;
        };
    }

    private static Consumer<WawpMockServer> seed(SessionStatus status) {
        return m -> m.seedSession()
                .token(TOKEN)
                .instanceId(ID)
                .status(status)
                .loggedIn(status == SessionStatus.WORKING)
                .create();
    }

    private static Consumer<WawpMockServer> fault(Endpoint endpoint, int status, Format format) {
        return m -> m.faults().on(endpoint).respond(status, format);
    }

    /** Arranges a case on a freshly reset mock, sends its call, and returns the answer. */
    private static HttpResponse<String> send(Case c) throws Exception {
        mock.reset();
        c.given().accept(mock);
        return HTTP.send(request(c.call()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(Call call) {
        StringBuilder query = new StringBuilder();
        for (String[] param : params(call)) {
            query.append(query.length() == 0 ? "?" : "&")
                    .append(param[0])
                    .append('=')
                    .append(param[1]);
        }
        return mock.baseUrl().resolve(call.endpoint().path() + query);
    }

    private static List<String[]> params(Call call) {
        List<String[]> params = new ArrayList<>();
        for (String[] param : new String[][] {
            {"instance_id", call.instanceId()}, {"access_token", call.token()}, {"phone_number", call.phone()}
        }) {
            if (param[1] != null) {
                params.add(param);
            }
        }
        return params;
    }

    private static HttpRequest.Builder request(Call call) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(call))
                .timeout(Duration.ofSeconds(10))
                .header("Accept", call.accept());
        if (call.method().equals("POST")) {
            request.header("Content-Type", JSON).POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.method(call.method(), HttpRequest.BodyPublishers.noBody());
        }
        return request;
    }

    private static void check(Case c) throws Exception {
        Call call = c.call();
        SimpleRequest.Builder sent = new SimpleRequest.Builder(
                        Request.Method.valueOf(call.method()), call.endpoint().path())
                .withAccept(call.accept());
        params(call).forEach(param -> sent.withQueryParam(param[0], param[1]));
        if (call.method().equals("POST")) {
            sent.withContentType(JSON);
        }

        HttpResponse<String> response = send(c);

        String contentType = response.headers().firstValue("Content-Type").orElse("");
        String body = response.body();
        assertThat(response.statusCode())
                .as("status of %s; body %s", c.name(), body)
                .isEqualTo(c.status());
        assertThat(contentType).as("Content-Type of %s", c.name()).startsWith(c.mediaType());
        if (c.expected() != null && c.mediaType().equals(JSON)) {
            String field = c.status() == 200 ? "status" : "error";
            assertThat(MAPPER.readTree(body).path(field).asText())
                    .as("%s of %s", field, c.name())
                    .isEqualTo(c.expected());
        }
        if (c.expected() != null && c.mediaType().equals(XML)) {
            assertThat(body).as("code of %s", c.name()).contains("<code>" + c.expected() + "</code>");
        }
        ValidationReport report = WawpOpenApi.validate(
                VALIDATOR,
                sent.build(),
                SimpleResponse.Builder.status(response.statusCode())
                        .withContentType(contentType)
                        .withBody(body)
                        .build());
        assertThat(report.getMessages())
                .as("validation of %s: %s", c.name(), body)
                .isEmpty();
    }
}
