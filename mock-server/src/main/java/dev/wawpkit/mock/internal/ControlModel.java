package dev.wawpkit.mock.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.wawpkit.mock.Endpoint;
import dev.wawpkit.mock.Fault;
import dev.wawpkit.mock.FaultRule;
import dev.wawpkit.mock.Format;
import dev.wawpkit.mock.MockSession;
import dev.wawpkit.mock.RecordedCall;
import dev.wawpkit.mock.RecordedRequest;
import dev.wawpkit.mock.SessionStatus;
import dev.wawpkit.mock.TokenQuota;
import dev.wawpkit.mock.UnexpectedCall;
import dev.wawpkit.mock.WawpMockException;
import dev.wawpkit.mock.WebhookDelivery;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The control API's bodies as records, read and written by one configured mapper: snake_case
 * names, unknown fields refused, no silent coercion (a number is not a string, 1.5 is not a whole
 * number). Used by the control routes and by the HTTP control client alike, so both sides agree.
 */
final class ControlModel {
    /** The one mapper of the control API's records. */
    static final ObjectMapper MAPPER = mapper();

    private ControlModel() {}

    private static ObjectMapper mapper() {
        JsonMapper m = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        m.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return m;
    }

    // ---- answers -------------------------------------------------------------------------

    /** One session; {@code access_token} is the masked hint. */
    record SessionJson(
            String instanceId,
            String sessionName,
            String accessToken,
            SessionStatus status,
            boolean loggedIn,
            String createdAt) {
        static SessionJson of(MockSession s) {
            return new SessionJson(
                    s.instanceId(),
                    s.name(),
                    s.tokenHint(),
                    s.status(),
                    s.loggedIn(),
                    s.createdAt().toString());
        }

        MockSession toRecord() {
            return new MockSession(instanceId, sessionName, accessToken, status, loggedIn, Instant.parse(createdAt));
        }
    }

    record SessionsJson(List<SessionJson> sessions) {
        static SessionsJson of(List<MockSession> list) {
            return new SessionsJson(list.stream().map(SessionJson::of).toList());
        }
    }

    /** The QR code a session shows now, as a PNG data URL; null unless it is SCAN_QR_CODE. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record QrJson(String qr) {}

    /** One call a session received. */
    record CallJson(String at, String endpoint, String method, String url, int status, String fault) {
        static CallJson of(RecordedCall c) {
            return new CallJson(c.at().toString(), c.endpoint().key(), c.method(), c.url(), c.status(), c.fault());
        }

        RecordedCall toRecord() {
            return new RecordedCall(Instant.parse(at), Endpoint.ofKey(endpoint), method, url, status, fault);
        }
    }

    record CallsJson(String instanceId, List<CallJson> calls) {}

    /** A raw response, in a fault. */
    record RawJson(Integer status, Map<String, String> headers, String body) {}

    /**
     * One fault, armed or to arm: exactly one of {@code status} (with {@code format}), {@code fault},
     * {@code raw}, or {@code delay_ms} alone; {@code delay_ms} beside the others delays them.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FaultJson(
            String endpoint,
            @JsonInclude(JsonInclude.Include.ALWAYS) String instanceId,
            @JsonInclude(JsonInclude.Include.ALWAYS) String accessToken,
            Integer status,
            String format,
            String fault,
            RawJson raw,
            Long delayMs,
            Integer times) {

        /** Writes a rule; the token masked in an answer, in clear in a request (it is one). */
        static FaultJson of(FaultRule r, boolean maskToken) {
            String token = maskToken ? Secrets.mask(r.accessToken()) : r.accessToken();
            long delay = r.delay().toMillis();
            if (r.fault() instanceof Fault.HttpError e) {
                return new FaultJson(
                        r.endpoint().key(),
                        r.instanceId(),
                        token,
                        e.status(),
                        e.format().key(),
                        null,
                        null,
                        delay,
                        r.times());
            }
            if (r.fault() instanceof Fault.Delay d) {
                return new FaultJson(
                        r.endpoint().key(),
                        r.instanceId(),
                        token,
                        null,
                        null,
                        null,
                        null,
                        d.duration().toMillis(),
                        r.times());
            }
            if (r.fault() instanceof Fault.Raw raw) {
                return new FaultJson(
                        r.endpoint().key(),
                        r.instanceId(),
                        token,
                        null,
                        null,
                        null,
                        new RawJson(raw.status(), raw.headers(), raw.body()),
                        delay,
                        r.times());
            }
            return new FaultJson(
                    r.endpoint().key(),
                    r.instanceId(),
                    token,
                    null,
                    null,
                    r.fault() instanceof Fault.ConnectionReset ? "CONNECTION_RESET" : "EMPTY_RESPONSE",
                    null,
                    delay,
                    r.times());
        }

        /** Checks the combination and builds the rule, each refusal naming what to send instead. */
        FaultRule toRule() {
            if (endpoint == null) {
                throw new WawpMockException(
                        400,
                        "missing_endpoint",
                        "Expected \"endpoint\", one of " + Endpoint.keys()
                                + ", but none came. Example: {\"endpoint\": \"start\", \"status\": 502}.");
            }
            Endpoint e = Endpoint.ofKey(endpoint);
            if (raw != null && (status != null || fault != null || format != null)) {
                throw new WawpMockException(
                        400,
                        "ambiguous_fault",
                        "Expected \"raw\" alone, or \"status\" or "
                                + "\"fault\", but got \"raw\" with one of them. Arm two faults if you want both.");
            }
            if (status != null && fault != null) {
                throw new WawpMockException(
                        400,
                        "ambiguous_fault",
                        "Expected either \"status\" or \"fault\", but got " + "both. Arm two faults if you want both.");
            }
            if (format != null && status == null) {
                throw new WawpMockException(
                        400,
                        "ambiguous_fault",
                        "Expected \"format\" only with \"status\", but no status came. Example: "
                                + "{\"endpoint\": \"start\", \"status\": 502, \"format\": \"xml\"}.");
            }
            if (delayMs != null && (delayMs < 0 || delayMs > Integer.MAX_VALUE)) {
                throw new WawpMockException(
                        400, "invalid_delay", "Expected a delay between 0 and 60000 ms, but got " + delayMs + " ms.");
            }
            Duration delay = Duration.ofMillis(delayMs == null ? 0 : delayMs);
            Fault f;
            if (raw != null) {
                if (raw.status() == null) {
                    throw new WawpMockException(
                            400,
                            "missing_field",
                            "Expected \"raw.status\", an HTTP status from "
                                    + "200 to 599, but none came. Example: {\"status\": 429, \"headers\": {\"Retry-After\": "
                                    + "\"2\"}, \"body\": \"...\"}.");
                }
                f = Fault.raw(raw.status(), raw.headers(), raw.body());
            } else if (status != null) {
                f = Fault.httpError(status, format == null ? Format.JSON : Format.ofKey(format));
            } else if (fault != null) {
                f = switch (fault.toUpperCase(Locale.ROOT)) {
                    case "CONNECTION_RESET" -> Fault.connectionReset();
                    case "EMPTY_RESPONSE" -> Fault.emptyResponse();
                    default ->
                        throw new WawpMockException(
                                400,
                                "unknown_fault",
                                "Expected \"fault\" to be CONNECTION_RESET or EMPTY_RESPONSE, but got '" + fault
                                        + "'.");
                };
            } else if (delayMs != null) {
                f = Fault.delay(delay);
                delay = Duration.ZERO;
            } else {
                throw new WawpMockException(
                        400,
                        "missing_fault",
                        "Expected one of \"status\" (with optional "
                                + "\"format\"), \"fault\", \"raw\" or \"delay_ms\", but none came. Example: "
                                + "{\"endpoint\": \"start\", \"status\": 502, \"format\": \"xml\", \"times\": 1}.");
            }
            return new FaultRule(e, instanceId, accessToken, f, delay, times == null ? 1 : times);
        }
    }

    record FaultsJson(List<FaultJson> faults) {
        static FaultsJson of(List<FaultRule> list) {
            return new FaultsJson(list.stream().map(r -> FaultJson.of(r, true)).toList());
        }
    }

    /** One token; {@code access_token} is the masked hint, {@code quota} null for no limit. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record TokenJson(String accessToken, Integer quota, Integer used, Integer remaining) {
        static TokenJson of(TokenQuota t) {
            return new TokenJson(t.tokenHint(), t.quota(), t.used(), t.remaining());
        }

        TokenQuota toRecord() {
            return new TokenQuota(accessToken, quota, used == null ? 0 : used);
        }
    }

    record TokensJson(List<TokenJson> tokens) {}

    record UnexpectedJson(String at, String method, String url, int status, String nearest) {
        static UnexpectedJson of(UnexpectedCall c) {
            return new UnexpectedJson(c.at().toString(), c.method(), c.url(), c.status(), c.nearest());
        }

        UnexpectedCall toRecord() {
            return new UnexpectedCall(Instant.parse(at), method, url, status, nearest);
        }
    }

    record UnexpectedCallsJson(List<UnexpectedJson> unexpectedCalls) {
        static UnexpectedCallsJson of(List<UnexpectedCall> list) {
            return new UnexpectedCallsJson(list.stream().map(UnexpectedJson::of).toList());
        }
    }

    record DeliveryJson(
            String at, String eventId, SessionStatus status, String url, int attempt, int response, String error) {
        static DeliveryJson of(WebhookDelivery d) {
            return new DeliveryJson(
                    d.at().toString(), d.eventId(), d.status(), d.url(), d.attempt(), d.response(), d.error());
        }

        WebhookDelivery toRecord() {
            return new WebhookDelivery(Instant.parse(at), eventId, status, url, attempt, response, error);
        }
    }

    /** A session's webhook settings (the secret is never shown) and its delivery log. */
    record WebhooksJson(List<String> urls, boolean signed, List<DeliveryJson> deliveries) {
        static WebhooksJson of(MockCore.WebhookConfig config, List<WebhookDelivery> deliveries) {
            return new WebhooksJson(
                    config.urls().stream().map(URI::toString).toList(),
                    config.signed(),
                    deliveries.stream().map(DeliveryJson::of).toList());
        }
    }

    record ErrorJson(String error, String message, int status) {
        static ErrorJson of(WawpMockException e) {
            return new ErrorJson(e.code(), e.getMessage(), e.httpStatus());
        }
    }

    /** One journal entry; {@code access_token} is the masked hint. */
    record RequestJson(
            long sequence,
            String at,
            String endpoint,
            String method,
            String path,
            String query,
            Map<String, List<String>> headers,
            String body,
            boolean bodyTruncated,
            int status,
            String fault,
            String accessToken,
            String instanceId) {
        static RequestJson of(RecordedRequest r) {
            return new RequestJson(
                    r.sequence(),
                    r.at().toString(),
                    r.endpointKey(),
                    r.method(),
                    r.path(),
                    r.query(),
                    r.headers(),
                    r.body(),
                    r.bodyTruncated(),
                    r.status(),
                    r.fault(),
                    r.tokenHint(),
                    r.instanceId());
        }

        RecordedRequest toRecord() {
            return new RecordedRequest(
                    sequence,
                    Instant.parse(at),
                    "unknown".equals(endpoint) ? null : Endpoint.ofKey(endpoint),
                    method,
                    path,
                    query,
                    headers,
                    body,
                    bodyTruncated,
                    status,
                    fault,
                    accessToken,
                    instanceId);
        }
    }

    /** The journal, filtered, with the count of requests it dropped to stay within bounds. */
    record RequestsJson(List<RequestJson> requests, long dropped) {}

    /** The next request not taken yet, or null. */
    record TakenJson(RequestJson request) {}

    /** An acknowledgement, such as of a reset or a token made valid. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DoneJson(Boolean reset, String accessToken) {}

    // ---- requests ------------------------------------------------------------------------

    /** {@code POST /sessions}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SeedRequest(String accessToken, String instanceId, String status, Boolean loggedIn) {}

    /** {@code POST /sessions/{id}/status}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MoveRequest(String status, Boolean loggedIn) {}

    /** {@code PUT /sessions/{id}/webhooks}. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record WebhooksRequest(List<String> urls, String secret) {}

    /** {@code PUT /tokens/{token}}: a quota, null for no limit (absent: keep any quota it has). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record QuotaRequest(Integer quota) {}

    /**
     * Reads a control request body into its record; an empty body is an empty object. Every problem
     * is a 400 in the control API's one error format, naming the field and showing an example.
     */
    static <T> T read(byte[] body, Class<T> type, String example) {
        try {
            return MAPPER.readValue(body == null || body.length == 0 ? "{}".getBytes() : body, type);
        } catch (UnrecognizedPropertyException e) {
            throw new WawpMockException(
                    400,
                    "unknown_field",
                    "Expected only the fields " + known(e) + ", but got '" + e.getPropertyName()
                            + "'. Check the spelling; see the README's control API table.");
        } catch (MismatchedInputException e) {
            String field = e.getPath().isEmpty()
                    ? null
                    : e.getPath().stream()
                            .map(r -> r.getFieldName() == null ? "[]" : r.getFieldName())
                            .reduce((a, b) -> a + "." + b)
                            .orElse(null);
            if (field == null) {
                throw new WawpMockException(
                        400,
                        "malformed_json",
                        "Expected a JSON object like " + example + ", but got another kind of JSON value.");
            }
            if (e.getTargetType() != null && e.getTargetType().isEnum()) {
                throw new WawpMockException(
                        400,
                        "unknown_status",
                        "Expected \"" + field + "\" to be one of STOPPED, "
                                + "STARTING, SCAN_QR_CODE, WORKING, FAILED, but got another value.");
            }
            throw new WawpMockException(
                    400,
                    "invalid_field",
                    "Expected \"" + field + "\" to be " + describe(e.getTargetType())
                            + ", but got a value of another type. Example: " + example + ".");
        } catch (JsonProcessingException e) {
            throw new WawpMockException(
                    400,
                    "malformed_json",
                    "Expected a JSON object like " + example
                            + ", but the body is not valid JSON"
                            + (e.getLocation() == null
                                    ? ""
                                    : " (line " + e.getLocation().getLineNr() + ", column "
                                            + e.getLocation().getColumnNr() + ")")
                            + ".");
        } catch (IOException e) {
            throw new WawpMockException(
                    400,
                    "malformed_json",
                    "Expected a UTF-8 JSON object like " + example + ", but the body could not be read.");
        }
    }

    /** Reads a body as a tree, for the one route that must tell an absent field from a null one. */
    static JsonNode tree(byte[] body, String example) {
        JsonNode n = read(body, JsonNode.class, example);
        if (!n.isObject()) {
            throw new WawpMockException(
                    400,
                    "malformed_json",
                    "Expected a JSON object like " + example + ", but got a JSON "
                            + n.getNodeType().name().toLowerCase(Locale.ROOT) + ".");
        }
        return n;
    }

    /** Parses a status name, refusing an unknown one with the list of known ones. */
    static SessionStatus status(String value) {
        if (value == null) {
            return null;
        }
        try {
            return SessionStatus.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new WawpMockException(
                    400,
                    "unknown_status",
                    "Expected a status, one of STOPPED, STARTING, " + "SCAN_QR_CODE, WORKING, FAILED, but got '" + value
                            + "'.");
        }
    }

    private static String known(UnrecognizedPropertyException e) {
        return e.getKnownPropertyIds() == null
                ? "listed in the README"
                : e.getKnownPropertyIds().stream()
                        .map(Object::toString)
                        .sorted()
                        .toList()
                        .toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "a " + type.getSimpleName();
    }
}
