package dev.wawpkit.contracts.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wawpkit.spec.ErrorBody;
import dev.wawpkit.spec.WawpOpenApi;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Checks that the OpenAPI description parses, covers every endpoint of the specification with
 * its documented responses and media types, and that its examples satisfy its schemas.
 *
 * <p>Expected values are literals copied from docs/wawp-api.md, sections 2 and 3.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OpenApiDescriptionTest {
    private static final String JSON = "application/json";
    private static final String XML = "application/xml";
    private static final String TEXT = "text/plain";
    private static final String HTML = "text/html";

    /** Spec section 2: every endpoint and its methods. */
    private static final Map<String, Set<String>> ENDPOINTS = Map.ofEntries(
            Map.entry("/v2/session/create", Set.of("POST")),
            Map.entry("/v2/session/start", Set.of("POST", "GET")),
            Map.entry("/v2/session/info", Set.of("POST", "GET")),
            Map.entry("/v2/session/stop", Set.of("POST", "GET")),
            Map.entry("/v2/session/restart", Set.of("POST", "GET")),
            Map.entry("/v2/session/logout", Set.of("POST", "GET")),
            Map.entry("/v2/session/delete", Set.of("DELETE")),
            Map.entry("/v2/session/me", Set.of("GET")),
            Map.entry("/v2/auth/qr", Set.of("POST", "GET")),
            Map.entry("/v2/auth/qr-image", Set.of("POST", "GET")),
            Map.entry("/v2/auth/request-code", Set.of("POST")),
            Map.entry("/v2/status", Set.of("POST", "GET")));

    /** Spec section 3: create's documented statuses; it documents no XML, text or HTML variant. */
    private static final Map<String, Set<String>> CREATE_RESPONSES = Map.of(
            "200", Set.of(JSON),
            "400", Set.of(JSON),
            "401", Set.of(JSON),
            "403", Set.of(JSON),
            "500", Set.of(JSON));

    /** Spec section 3: the set start shares with every other session endpoint. */
    private static final Map<String, Set<String>> SESSION_RESPONSES = Map.of(
            "200", Set.of(JSON),
            "400", Set.of(JSON, XML, TEXT),
            "401", Set.of(JSON, XML),
            "404", Set.of(JSON, XML),
            "500", Set.of(JSON, HTML),
            "502", Set.of(JSON, XML));

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static OpenAPI api;
    private static OpenApiInteractionValidator validator;

    @BeforeAll
    static void load() {
        api = WawpOpenApi.api();
        validator = WawpOpenApi.validator();
    }

    @Test
    void descriptionParsesWithoutMessages() {
        SwaggerParseResult result = WawpOpenApi.parse();

        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.0.3");
    }

    @Test
    void everySpecEndpointIsDescribedWithExactlyItsMethods() {
        assertThat(api.getPaths().keySet()).containsExactlyInAnyOrderElementsOf(ENDPOINTS.keySet());
        ENDPOINTS.forEach((path, methods) -> assertThat(operations(path).keySet())
                .as("methods of %s", path)
                .containsExactlyInAnyOrderElementsOf(methods));
    }

    @TestFactory
    Stream<DynamicTest> everyOperationHasTheDocumentedResponsesAndMediaTypes() {
        List<DynamicTest> tests = new ArrayList<>();
        ENDPOINTS.forEach((path, methods) ->
                methods.forEach(method -> tests.add(dynamicTest(method + " " + path, () -> {
                    Map<String, Set<String>> documented =
                            path.endsWith("/create") ? CREATE_RESPONSES : SESSION_RESPONSES;
                    Map<String, ApiResponse> responses =
                            operations(path).get(method).getResponses();

                    Set<String> extra = new TreeSet<>(responses.keySet());
                    extra.removeAll(documented.keySet());
                    assertThat(extra)
                            .as("undocumented statuses of %s %s", method, path)
                            .containsExactly("408", "413", "503");
                    for (String mockOnly : extra) {
                        assertThat(responses.get(mockOnly).getExtensions())
                                .as("%s %s answers %s", method, path, mockOnly)
                                .containsEntry("x-wawp-mock-only", true);
                    }
                    documented.forEach((status, mediaTypes) -> assertThat(responses.get(status))
                            .as("%s %s answers %s", method, path, status)
                            .isNotNull()
                            .extracting(r -> r.getContent().keySet())
                            .isEqualTo(mediaTypes));
                }))));
        return tests.stream();
    }

    @Test
    void statusEnumListsTheDocumentedStatusesAndDeletedOnlyForDelete() {
        assertThat(enumOf(schema("SessionStatus")))
                .containsExactly("STOPPED", "STARTING", "SCAN_QR_CODE", "WORKING", "FAILED");
        assertThat(enumOf(schema("DeletedSession").getProperties().get("status")))
                .containsExactly("DELETED");
        assertThat(api.getComponents().getSchemas().get("InstanceId").getPattern())
                .isEqualTo("^[A-Za-z0-9]{12}$");
    }

    @TestFactory
    Stream<DynamicTest> everyExampleIsAValidResponse() {
        List<DynamicTest> tests = new ArrayList<>();
        api.getPaths()
                .forEach((path, item) -> operations(path)
                        .forEach((method, operation) -> operation
                                .getResponses()
                                .forEach((status, response) -> response.getContent()
                                        .forEach((mediaType, media) -> examples(media)
                                                .forEach((name, value) -> tests.add(dynamicTest(
                                                        method + " " + path + " " + status + " " + mediaType + " "
                                                                + name,
                                                        () -> assertValidExample(
                                                                path, method, status, mediaType, value))))))));
        assertThat(tests).hasSizeGreaterThan(100);
        return tests.stream();
    }

    @Test
    void validatorRejectsBodiesThatBreakTheSchema() {
        ValidationReport wrongStatus = validate(
                "/v2/session/start",
                "POST",
                200,
                JSON,
                "{\"name\":\"wawp-84729105\",\"status\":\"RUNNING\",\"config\":{\"webhooks\":{},\"proxy\":null}}");
        ValidationReport errorWithoutMessage =
                validate("/v2/session/start", "POST", 404, JSON, "{\"error\":\"session_not_found\",\"status\":404}");
        ValidationReport undocumentedStatus = validate(
                "/v2/session/start", "POST", 409, JSON, "{\"error\":\"conflict\",\"message\":\"x\",\"status\":409}");
        ValidationReport htmlFor404 = validate("/v2/session/info", "GET", 404, HTML, "<html></html>");

        assertThat(wrongStatus.hasErrors()).as(wrongStatus.toString()).isTrue();
        assertThat(errorWithoutMessage.hasErrors())
                .as(errorWithoutMessage.toString())
                .isTrue();
        assertThat(undocumentedStatus.hasErrors())
                .as(undocumentedStatus.toString())
                .isTrue();
        assertThat(htmlFor404.hasErrors()).as(htmlFor404.toString()).isTrue();
    }

    @Test
    void validatorAcceptsUnknownFieldsInSuccessBodies() {
        ValidationReport report = validate(
                "/v2/session/info",
                "POST",
                200,
                JSON,
                "{\"name\":\"wawp-1\",\"status\":\"WORKING\",\"config\":{\"webhooks\":{},\"proxy\":null,\"debug\":false},"
                        + "\"engine\":\"WEBJS\"}");

        assertThat(report.getMessages()).isEmpty();
    }

    private static void assertValidExample(String path, String method, String status, String mediaType, Object value)
            throws Exception {
        String body = value instanceof String
                ? (String) value
                : mediaType.equals(XML) ? xml(MAPPER.convertValue(value, Map.class)) : MAPPER.writeValueAsString(value);
        if (mediaType.equals(XML)) {
            Element root = ErrorBody.xmlRoot(body)
                    .orElseThrow(() -> new AssertionError("Expecting well-formed XML, but got:\n  " + body));
            assertThat(root.getTagName()).isEqualTo("error");
            assertThat(root.getElementsByTagName("status").item(0).getTextContent())
                    .isEqualTo(status);
            assertThat(root.getElementsByTagName("code").getLength()).isEqualTo(1);
            assertThat(root.getElementsByTagName("message").getLength()).isEqualTo(1);
        }
        if (mediaType.equals(JSON) && !status.equals("200")) {
            assertThat(MAPPER.readTree(body).path("status").asInt()).isEqualTo(Integer.parseInt(status));
        }
        ValidationReport report = validate(path, method, Integer.parseInt(status), mediaType, body);
        assertThat(report.getMessages()).as("validation of the example").isEmpty();
    }

    /**
     * Writes an XML example, given as an object of the XmlError schema, as the XML document it
     * stands for: {@code <error>} with one element per property, in order.
     */
    private static String xml(Map<?, ?> example) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        Element root = doc.createElement(schema("XmlError").getXml().getName());
        doc.appendChild(root);
        example.forEach((name, text) ->
                root.appendChild(doc.createElement(String.valueOf(name))).setTextContent(String.valueOf(text)));
        Transformer transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
        StringWriter out = new StringWriter();
        transformer.transform(new DOMSource(doc), new StreamResult(out));
        return out.toString();
    }

    private static ValidationReport validate(String path, String method, int status, String mediaType, String body) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(Request.Method.valueOf(method), path)
                .withQueryParam("access_token", "test-token-1234")
                .withAccept(mediaType);
        if (!path.endsWith("/create")) {
            request.withQueryParam("instance_id", "3EB0BCB2E3D4");
        }
        if (path.endsWith("/request-code")) {
            request.withQueryParam("phone_number", "201012345678");
        }
        if (!method.equals("GET") && !method.equals("DELETE")) {
            request.withContentType(JSON);
        }
        SimpleResponse response = SimpleResponse.Builder.status(status)
                .withContentType(mediaType)
                .withBody(body)
                .build();
        return validator.validate(request.build(), response);
    }

    private static Schema<?> schema(String name) {
        return api.getComponents().getSchemas().get(name);
    }

    private static List<Object> enumOf(Schema<?> schema) {
        return new ArrayList<>(schema.getEnum());
    }

    private static Map<String, Operation> operations(String path) {
        PathItem item = api.getPaths().get(path);
        Map<String, Operation> operations = new TreeMap<>();
        item.readOperationsMap().forEach((method, op) -> operations.put(method.name(), op));
        return operations;
    }

    private static Map<String, Object> examples(MediaType media) {
        Map<String, Object> examples = new TreeMap<>();
        if (media.getExample() != null) {
            examples.put("example", media.getExample());
        }
        if (media.getExamples() != null) {
            media.getExamples().forEach((name, example) -> examples.put(name, example.getValue()));
        }
        return examples;
    }
}
