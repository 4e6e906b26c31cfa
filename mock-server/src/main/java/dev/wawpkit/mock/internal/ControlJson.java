package dev.wawpkit.mock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wawpkit.mock.WawpMockException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the provider-state call's free-form body (its {@code params} are whatever a pact says);
 * every other control body is a record of {@link ControlModel}.
 */
public final class ControlJson {
    private ControlJson() {}

    /**
     * Parses a request body that must be a JSON object (an empty body is an empty object), read and
     * refused as every control body is ({@link ControlModel#tree}), with only the allowed fields.
     */
    public static ObjectNode object(byte[] body, Set<String> allowed, String example) {
        JsonNode root = ControlModel.tree(body, example);
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

    private static WawpMockException wrongType(String field, String expected, JsonNode v) {
        return new WawpMockException(
                400,
                "invalid_field",
                "Expected \"" + field + "\" to be " + expected + ", but got a JSON "
                        + v.getNodeType().name().toLowerCase(Locale.ROOT) + ".");
    }
}
