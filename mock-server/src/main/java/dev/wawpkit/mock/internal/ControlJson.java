package dev.wawpkit.mock.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wawpkit.mock.Endpoint;
import dev.wawpkit.mock.Fault;
import dev.wawpkit.mock.FaultRule;
import dev.wawpkit.mock.Format;
import dev.wawpkit.mock.MockSession;
import dev.wawpkit.mock.RecordedCall;
import dev.wawpkit.mock.SessionStatus;
import dev.wawpkit.mock.TokenQuota;
import dev.wawpkit.mock.UnexpectedCall;
import dev.wawpkit.mock.WebhookDelivery;
import dev.wawpkit.mock.WawpMockException;

import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads and writes the control API's JSON bodies: small snake_case objects, tokens always masked.
 *
 * <p>Reading is strict: an unknown field or a value of the wrong type is refused with a message
 * naming the field, so a typo never silently does nothing.
 */
public final class ControlJson {
    private static final ObjectReader READER = Renderer.JSON.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ControlJson() {
    }

    // ---- writing -------------------------------------------------------------------------

    public static ObjectNode session(MockSession s) {
        return Renderer.JSON.createObjectNode()
                .put("instance_id", s.instanceId())
                .put("session_name", s.name())
                .put("access_token", s.tokenHint())
                .put("status", s.status().name())
                .put("logged_in", s.loggedIn())
                .put("created_at", s.createdAt().toString());
    }

    public static ObjectNode sessions(List<MockSession> list) {
        ObjectNode root = Renderer.JSON.createObjectNode();
        ArrayNode arr = root.putArray("sessions");
        list.forEach(s -> arr.add(session(s)));
        return root;
    }

    public static ObjectNode calls(String instanceId, List<RecordedCall> list) {
        ObjectNode root = Renderer.JSON.createObjectNode().put("instance_id", instanceId);
        ArrayNode arr = root.putArray("calls");
        for (RecordedCall c : list) {
            ObjectNode n = arr.addObject()
                    .put("at", c.at().toString())
                    .put("endpoint", c.endpoint().key())
                    .put("method", c.method())
                    .put("url", c.url())
                    .put("status", c.status());
            if (c.fault() == null) {
                n.putNull("fault");
            } else {
                n.put("fault", c.fault());
            }
        }
        return root;
    }

    public static ObjectNode fault(FaultRule r) {
        ObjectNode n = Renderer.JSON.createObjectNode().put("endpoint", r.endpoint().key());
        putNullable(n, "instance_id", r.instanceId());
        putNullable(n, "access_token", Secrets.mask(r.accessToken()));
        if (r.fault() instanceof Fault.HttpError e) {
            n.put("status", e.status()).put("format", e.format().key());
        } else if (r.fault() instanceof Fault.Delay d) {
            n.put("delay_ms", d.duration().toMillis());
        } else if (r.fault() instanceof Fault.Raw raw) {
            ObjectNode rn = n.putObject("raw").put("status", raw.status());
            ObjectNode hn = rn.putObject("headers");
            raw.headers().forEach(hn::put);
            rn.put("body", raw.body());
        } else {
            n.put("fault", r.fault() instanceof Fault.ConnectionReset ? "CONNECTION_RESET" : "EMPTY_RESPONSE");
        }
        if (!(r.fault() instanceof Fault.Delay)) {
            n.put("delay_ms", r.delay().toMillis());
        }
        return n.put("times", r.times());
    }

    public static ObjectNode faults(List<FaultRule> list) {
        ObjectNode root = Renderer.JSON.createObjectNode();
        ArrayNode arr = root.putArray("faults");
        list.forEach(f -> arr.add(fault(f)));
        return root;
    }

    public static ObjectNode token(TokenQuota t) {
        ObjectNode n = Renderer.JSON.createObjectNode().put("access_token", t.tokenHint());
        if (t.quota() == null) {
            n.putNull("quota").put("used", t.used()).putNull("remaining");
        } else {
            n.put("quota", t.quota()).put("used", t.used()).put("remaining", t.remaining());
        }
        return n;
    }

    public static ObjectNode tokens(List<TokenQuota> list) {
        ObjectNode root = Renderer.JSON.createObjectNode();
        ArrayNode arr = root.putArray("tokens");
        list.forEach(t -> arr.add(token(t)));
        return root;
    }

    public static ObjectNode unexpected(List<UnexpectedCall> list) {
        ObjectNode root = Renderer.JSON.createObjectNode();
        ArrayNode arr = root.putArray("unexpected_calls");
        for (UnexpectedCall c : list) {
            arr.addObject().put("at", c.at().toString()).put("method", c.method()).put("url", c.url())
                    .put("status", c.status()).put("nearest", c.nearest());
        }
        return root;
    }

    public static ObjectNode webhooks(MockCore.WebhookConfig config, List<WebhookDelivery> deliveries) {
        ObjectNode root = Renderer.JSON.createObjectNode();
        ArrayNode urls = root.putArray("urls");
        config.urls().forEach(u -> urls.add(u.toString()));
        root.put("signed", config.signed());
        ArrayNode arr = root.putArray("deliveries");
        for (WebhookDelivery d : deliveries) {
            ObjectNode n = arr.addObject().put("at", d.at().toString()).put("event_id", d.eventId())
                    .put("status", d.status().name()).put("url", d.url()).put("attempt", d.attempt())
                    .put("response", d.response());
            putNullable(n, "error", d.error());
        }
        return root;
    }

    public static WebhookDelivery readDelivery(JsonNode n) {
        return new WebhookDelivery(java.time.Instant.parse(n.get("at").asText()), n.get("event_id").asText(),
                SessionStatus.valueOf(n.get("status").asText()), n.get("url").asText(), n.get("attempt").asInt(),
                n.get("response").asInt(), n.get("error").isNull() ? null : n.get("error").asText());
    }

    public static ObjectNode error(WawpMockException e) {
        return Renderer.JSON.createObjectNode()
                .put("error", e.code()).put("message", e.getMessage()).put("status", e.httpStatus());
    }

    private static void putNullable(ObjectNode n, String field, String value) {
        if (value == null) {
            n.putNull(field);
        } else {
            n.put(field, value);
        }
    }

    /** Writes a fault request as the control API reads it, with the token in clear (it is a request). */
    public static ObjectNode faultRequest(FaultRule r) {
        ObjectNode n = fault(r);
        putNullable(n, "access_token", r.accessToken());
        return n;
    }

    // ---- reading answers (for the HTTP client) ---------------------------------------------

    public static MockSession readSession(JsonNode n) {
        return new MockSession(n.get("instance_id").asText(), n.get("session_name").asText(),
                n.get("access_token").asText(), SessionStatus.valueOf(n.get("status").asText()),
                n.get("logged_in").asBoolean(), java.time.Instant.parse(n.get("created_at").asText()));
    }

    public static RecordedCall readCall(JsonNode n) {
        return new RecordedCall(java.time.Instant.parse(n.get("at").asText()), Endpoint.ofKey(n.get("endpoint").asText()),
                n.get("method").asText(), n.get("url").asText(), n.get("status").asInt(),
                n.get("fault").isNull() ? null : n.get("fault").asText());
    }

    public static FaultRule readFault(JsonNode n) {
        Duration delay = Duration.ofMillis(n.path("delay_ms").asLong(0));
        Fault fault;
        if (n.has("raw")) {
            JsonNode raw = n.get("raw");
            java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
            raw.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
            fault = Fault.raw(raw.get("status").asInt(), headers, raw.path("body").asText(""));
        } else if (n.has("status")) {
            fault = Fault.httpError(n.get("status").asInt(), Format.ofKey(n.get("format").asText()));
        } else if (n.has("fault")) {
            fault = n.get("fault").asText().equals("CONNECTION_RESET") ? Fault.connectionReset() : Fault.emptyResponse();
        } else {
            fault = Fault.delay(delay);
            delay = Duration.ZERO;
        }
        return new FaultRule(Endpoint.ofKey(n.get("endpoint").asText()),
                n.get("instance_id").isNull() ? null : n.get("instance_id").asText(),
                n.get("access_token").isNull() ? null : n.get("access_token").asText(), fault, delay,
                n.get("times").asInt());
    }

    public static TokenQuota readToken(JsonNode n) {
        return new TokenQuota(n.get("access_token").asText(), n.get("quota").isNull() ? null : n.get("quota").asInt(),
                n.get("used").asInt());
    }

    public static UnexpectedCall readUnexpected(JsonNode n) {
        return new UnexpectedCall(java.time.Instant.parse(n.get("at").asText()), n.get("method").asText(),
                n.get("url").asText(), n.get("status").asInt(), n.get("nearest").asText());
    }

    // ---- reading requests ------------------------------------------------------------------

    /** Parses a request body that must be a JSON object; an empty body is an empty object. */
    public static ObjectNode object(byte[] body, Set<String> allowed, String example) {
        JsonNode root;
        try {
            root = body == null || body.length == 0 ? null : READER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new WawpMockException(400, "malformed_json", "Expected a JSON object like " + example
                    + ", but the body is not valid JSON"
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")") + ".");
        } catch (IOException e) {
            throw new WawpMockException(400, "malformed_json", "Expected a UTF-8 JSON object like " + example
                    + ", but the body could not be read.");
        }
        if (root == null || root.isMissingNode()) {
            return Renderer.JSON.createObjectNode();
        }
        if (!root.isObject()) {
            throw new WawpMockException(400, "malformed_json", "Expected a JSON object like " + example
                    + ", but got a JSON " + root.getNodeType().name().toLowerCase(Locale.ROOT) + ".");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!allowed.contains(field)) {
                throw new WawpMockException(400, "unknown_field", "Expected only the fields " + allowed
                        + ", but got '" + field + "'. Check the spelling; see the README's control API table.");
            }
        }
        return (ObjectNode) root;
    }

    public static String text(ObjectNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw wrongType(field, "a string", v);
        }
        return v.textValue();
    }

    public static Integer integer(ObjectNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw wrongType(field, "a whole number", v);
        }
        return v.intValue();
    }

    public static List<java.net.URI> uris(ObjectNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new WawpMockException(400, "missing_field", "Expected \"" + field + "\", a list of URLs (empty to "
                    + "turn webhooks off), but none came.");
        }
        if (!v.isArray()) {
            throw wrongType(field, "a list of URLs", v);
        }
        List<java.net.URI> out = new java.util.ArrayList<>();
        for (JsonNode u : v) {
            if (!u.isTextual()) {
                throw wrongType(field + "[]", "a URL string", u);
            }
            try {
                out.add(new java.net.URI(u.asText()));
            } catch (java.net.URISyntaxException e) {
                throw new WawpMockException(400, "invalid_webhook_url", "Expected absolute http(s) webhook URLs like "
                        + "http://127.0.0.1:9000/hooks, but got '" + u.asText() + "'.");
            }
        }
        return out;
    }

    public static Boolean bool(ObjectNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            throw wrongType(field, "true or false", v);
        }
        return v.booleanValue();
    }

    public static SessionStatus status(String value) {
        if (value == null) {
            return null;
        }
        try {
            return SessionStatus.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new WawpMockException(400, "unknown_status", "Expected a status, one of STOPPED, STARTING, "
                    + "SCAN_QR_CODE, WORKING, FAILED, but got '" + value + "'.");
        }
    }

    /** Reads a fault request: exactly one of status, fault, or delay_ms alone. */
    public static FaultRule faultRule(ObjectNode n) {
        String endpointKey = text(n, "endpoint");
        if (endpointKey == null) {
            throw new WawpMockException(400, "missing_endpoint", "Expected \"endpoint\", one of "
                    + Endpoint.keys() + ", but none came. Example: {\"endpoint\": \"start\", \"status\": 502}.");
        }
        Endpoint endpoint = Endpoint.ofKey(endpointKey);
        Integer status = integer(n, "status");
        String formatKey = text(n, "format");
        String socket = text(n, "fault");
        Integer delayMs = integer(n, "delay_ms");
        Integer times = integer(n, "times");
        JsonNode raw = n.get("raw");
        if (raw != null && !raw.isNull() && (status != null || socket != null || formatKey != null)) {
            throw new WawpMockException(400, "ambiguous_fault", "Expected \"raw\" alone, or \"status\" or "
                    + "\"fault\", but got \"raw\" with one of them. Arm two faults if you want both.");
        }
        if (status != null && socket != null) {
            throw new WawpMockException(400, "ambiguous_fault", "Expected either \"status\" or \"fault\", but got "
                    + "both. Arm two faults if you want both.");
        }
        if (formatKey != null && status == null) {
            throw new WawpMockException(400, "ambiguous_fault",
                    "Expected \"format\" only with \"status\", but no status came. Example: "
                            + "{\"endpoint\": \"start\", \"status\": 502, \"format\": \"xml\"}.");
        }
        Duration delay = Duration.ofMillis(delayMs == null ? 0 : delayMs);
        Fault fault;
        if (raw != null && !raw.isNull()) {
            fault = rawFault(raw);
        } else if (status != null) {
            fault = Fault.httpError(status, formatKey == null ? Format.JSON : Format.ofKey(formatKey));
        } else if (socket != null) {
            fault = switch (socket.toUpperCase(Locale.ROOT)) {
                case "CONNECTION_RESET" -> Fault.connectionReset();
                case "EMPTY_RESPONSE" -> Fault.emptyResponse();
                default -> throw new WawpMockException(400, "unknown_fault",
                        "Expected \"fault\" to be CONNECTION_RESET or EMPTY_RESPONSE, but got '" + socket + "'.");
            };
        } else if (delayMs != null) {
            fault = Fault.delay(delay);
            delay = Duration.ZERO;
        } else {
            throw new WawpMockException(400, "missing_fault", "Expected one of \"status\" (with optional "
                    + "\"format\"), \"fault\" or \"delay_ms\", but none came. Example: "
                    + "{\"endpoint\": \"start\", \"status\": 502, \"format\": \"xml\", \"times\": 1}.");
        }
        return new FaultRule(endpoint, text(n, "instance_id"), text(n, "access_token"), fault, delay,
                times == null ? 1 : times);
    }

    private static Fault rawFault(JsonNode raw) {
        String example = "{\"status\": 429, \"headers\": {\"Retry-After\": \"2\"}, \"body\": \"...\"}";
        if (!raw.isObject()) {
            throw wrongType("raw", "an object like " + example, raw);
        }
        ObjectNode r = (ObjectNode) raw;
        for (Iterator<String> it = r.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!Set.of("status", "headers", "body").contains(field)) {
                throw new WawpMockException(400, "unknown_field", "Expected only the fields [status, headers, body] "
                        + "in \"raw\", but got '" + field + "'. Example: " + example + ".");
            }
        }
        Integer status = integer(r, "status");
        if (status == null) {
            throw new WawpMockException(400, "missing_field", "Expected \"raw.status\", an HTTP status from 200 to "
                    + "599, but none came. Example: " + example + ".");
        }
        java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
        JsonNode h = r.get("headers");
        if (h != null && !h.isNull()) {
            if (!h.isObject()) {
                throw wrongType("raw.headers", "an object of header names to values", h);
            }
            for (Iterator<java.util.Map.Entry<String, JsonNode>> it = h.fields(); it.hasNext(); ) {
                java.util.Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isTextual()) {
                    throw wrongType("raw.headers." + e.getKey(), "a string", e.getValue());
                }
                headers.put(e.getKey(), e.getValue().textValue());
            }
        }
        return Fault.raw(status, headers, text(r, "body"));
    }

    private static WawpMockException wrongType(String field, String expected, JsonNode v) {
        return new WawpMockException(400, "invalid_field", "Expected \"" + field + "\" to be " + expected
                + ", but got a JSON " + v.getNodeType().name().toLowerCase(Locale.ROOT) + ".");
    }
}
