package dev.wawpkit.mock.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a call's parameters from the query string, the {@code access-token} header, and a JSON or
 * form body, in any mix (spec section 1).
 *
 * <p>Where a parameter arrives twice, the query string wins, then the header, then the body.
 * Empty values count as missing. The query string is parsed here rather than through WireMock,
 * so a call costs one pass over the URL.
 */
final class CallParser {
    /** Largest request body the mock reads: 1 MiB. */
    static final int MAX_BODY_BYTES = 1 << 20;

    private static final String[] KNOWN = {"access_token", "instance_id", "phone_number"};
    private static final ObjectReader READER =
            Renderer.JSON.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private CallParser() {}

    /** Reads the parameters of a call from its raw query string (or null), header and body. */
    static Map<String, String> parse(String query, String contentType, String tokenHeader, byte[] body)
            throws ApiError.Rejected {
        if (body != null && body.length > MAX_BODY_BYTES) {
            throw new ApiError.Rejected(
                    413,
                    "body_too_large",
                    "Expected a request body of at most 1 MiB ("
                            + MAX_BODY_BYTES + " bytes), but got " + body.length
                            + " bytes. Send the credentials in the query string; the API needs no body.");
        }
        Map<String, String> params = new HashMap<>(4);
        if (body != null && body.length > 0 && contentType != null) {
            String type = contentType.toLowerCase(Locale.ROOT);
            if (type.startsWith("application/x-www-form-urlencoded")) {
                readPairs(new String(body, StandardCharsets.UTF_8), params, "form body");
            } else if (type.contains("json")) {
                readJson(body, params);
            }
        }
        if (tokenHeader != null && !tokenHeader.isEmpty()) {
            params.put("access_token", tokenHeader);
        }
        if (query != null) {
            if (params.isEmpty()) {
                readPairs(query, params, "query string");
            } else {
                Map<String, String> fromQuery = new HashMap<>(4);
                readPairs(query, fromQuery, "query string");
                params.putAll(fromQuery);
            }
        }
        params.values().removeIf(String::isEmpty);
        return params;
    }

    /** Returns one decoded query-string parameter (its first value), or null. */
    static String queryParam(String url, String name) throws ApiError.Rejected {
        int q = url.indexOf('?');
        if (q < 0) {
            return null;
        }
        Map<String, String> query = new HashMap<>(4);
        readPairs(url.substring(q + 1), query, "query string");
        return query.get(name);
    }

    /** Decodes one URL-encoded value, such as a path segment. */
    static String decode(String s) throws ApiError.Rejected {
        return decode(s, "path");
    }

    private static void readPairs(String raw, Map<String, String> into, String where) throws ApiError.Rejected {
        if (raw.isEmpty()) {
            return;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq), where);
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), where);
            into.putIfAbsent(key, value);
        }
    }

    private static String decode(String s, String where) throws ApiError.Rejected {
        if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
            return s;
        }
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // the value is not echoed: it may be a token (query strings are already checked by the gate)
            throw new ApiError.Rejected(
                    400,
                    "malformed_query",
                    "Expected a URL-encoded " + where
                            + ", but it has a broken %-escape (a '%' not followed by two hex digits). Encode '%' as %25.");
        }
    }

    private static void readJson(byte[] body, Map<String, String> into) throws ApiError.Rejected {
        JsonNode root;
        try {
            root = READER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ApiError.Rejected(
                    400,
                    "malformed_body",
                    "Expected a JSON object body like "
                            + "{\"instance_id\": \"3EB0BCB2E3D4\", \"access_token\": \"...\"}, but the body is not valid JSON"
                            + (e.getLocation() == null
                                    ? ""
                                    : " (line " + e.getLocation().getLineNr() + ", column "
                                            + e.getLocation().getColumnNr() + ")")
                            + ". Send valid JSON, or no body and the query string.");
        } catch (IOException e) {
            throw new ApiError.Rejected(
                    400,
                    "malformed_body",
                    "Expected a UTF-8 JSON object body, but it could not be read. Send valid JSON.");
        }
        if (root == null || root.isMissingNode()) {
            return;
        }
        if (!root.isObject()) {
            throw new ApiError.Rejected(
                    400,
                    "malformed_body",
                    "Expected a JSON object body like "
                            + "{\"instance_id\": \"3EB0BCB2E3D4\", \"access_token\": \"...\"}, but got a JSON "
                            + root.getNodeType().name().toLowerCase(Locale.ROOT) + ".");
        }
        for (String key : KNOWN) {
            JsonNode v = root.get(key);
            if (v == null || v.isNull()) {
                continue;
            }
            if (!v.isTextual()) {
                throw new ApiError.Rejected(
                        400,
                        "invalid_parameter",
                        "Expected " + key
                                + " to be a JSON string, but got a JSON "
                                + v.getNodeType().name().toLowerCase(Locale.ROOT)
                                + ". Quote the value: \"" + key + "\": \"...\".");
            }
            into.put(key, v.textValue());
        }
    }
}
