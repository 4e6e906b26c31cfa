package dev.wawpkit.mock.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wawpkit.mock.SessionStatus;
import dev.wawpkit.mock.WawpMockException;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the provider-state call's free-form body (its {@code params} are whatever a pact says);
 * every other control body is a record of {@link ControlModel}.
 */
public final class ControlJson {
    private static final ObjectReader READER =
            Renderer.JSON.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ControlJson() {}

    /** Parses a request body that must be a JSON object; an empty body is an empty object. */
    public static ObjectNode object(byte[] body, Set<String> allowed, String example) {
        JsonNode root;
        try {
            root = body == null || body.length == 0 ? null : READER.readTree(body);
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
        if (root == null || root.isMissingNode()) {
            return Renderer.JSON.createObjectNode();
        }
        if (!root.isObject()) {
            throw new WawpMockException(
                    400,
                    "malformed_json",
                    "Expected a JSON object like " + example + ", but got a JSON "
                            + root.getNodeType().name().toLowerCase(Locale.ROOT) + ".");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!allowed.contains(field)) {
                throw new WawpMockException(
                        400,
                        "unknown_field",
                        "Expected only the fields " + allowed + ", but got '" + field
                                + "'. Check the spelling; see the README's control API table.");
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

    public static SessionStatus status(String value) {
        return ControlModel.status(value);
    }

    private static WawpMockException wrongType(String field, String expected, JsonNode v) {
        return new WawpMockException(
                400,
                "invalid_field",
                "Expected \"" + field + "\" to be " + expected + ", but got a JSON "
                        + v.getNodeType().name().toLowerCase(Locale.ROOT) + ".");
    }
}
