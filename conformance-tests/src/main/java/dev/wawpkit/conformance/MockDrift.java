package dev.wawpkit.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wawpkit.conformance.internal.Masking;
import dev.wawpkit.spec.ErrorBody;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Compares what the target answered with what the Wawp mock answers to the same row: status, content type, body fields
 * present or missing, field types and the error body's shape. Values are not compared (ids and names differ by nature).
 */
final class MockDrift {
    private MockDrift() {}

    /** Compares the responses the row checked, pairing those of the same call in order; one line per difference. */
    static List<String> compare(List<Exchange> target, List<Exchange> mock) {
        Set<String> lines = new LinkedHashSet<>();
        for (int i = 0; i < Math.min(target.size(), mock.size()); i++) {
            Exchange t = target.get(i);
            Exchange m = mock.get(i);
            if (t.method().equals(m.method())
                    && t.path().equals(m.path())
                    && t.accept().equals(m.accept())) {
                String call = target.size() > 1 ? t.method() + " " + t.path() + ": " : "";
                differences(t, m).forEach(d -> lines.add(Masking.mask(call + d)));
            }
        }
        return List.copyOf(lines);
    }

    private static List<String> differences(Exchange t, Exchange m) {
        List<String> out = new ArrayList<>();
        if (t.status() != m.status()) { // 0: no response
            out.add("status: the mock answers " + m.status() + ", the target " + t.status());
        }
        if (!t.answered() || !m.answered()) {
            return out;
        }
        if (!t.mediaType().equals(m.mediaType())) {
            out.add("content type: the mock sends " + m.mediaType() + ", the target "
                    + (t.mediaType().isEmpty() ? "none" : t.mediaType()));
        }
        JsonNode tj = t.json().filter(JsonNode::isContainerNode).orElse(null);
        JsonNode mj = m.json().filter(JsonNode::isContainerNode).orElse(null);
        if (tj != null && mj != null) {
            fields("", mj, tj, out);
        } else if (!shape(t).equals(shape(m))) {
            out.add("body: the mock's is " + shape(m) + ", the target's " + shape(t));
        }
        return out;
    }

    private static void fields(String at, JsonNode mock, JsonNode target, List<String> out) {
        if (!type(mock).equals(type(target))) {
            out.add("field " + (at.isEmpty() ? "(the body)" : at) + ": " + type(mock) + " in the mock's answer, "
                    + type(target) + " in the target's");
            return;
        }
        if (!mock.isObject()) {
            return;
        }
        Set<String> names = new LinkedHashSet<>();
        mock.fieldNames().forEachRemaining(names::add);
        target.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            String path = at.isEmpty() ? name : at + "." + name;
            if (!target.has(name)) {
                out.add("field " + path + ": only in the mock's answer (" + type(mock.get(name)) + ")");
            } else if (!mock.has(name)) {
                out.add("field " + path + ": only in the target's answer (" + type(target.get(name)) + ")");
            } else {
                fields(path, mock.get(name), target.get(name), out);
            }
        }
    }

    private static String type(JsonNode n) {
        return n.isNull()
                ? "null"
                : n.getNodeType().name().toLowerCase(Locale.ROOT).replace("pojo", "object");
    }

    private static String shape(Exchange e) {
        String body = e.body().strip();
        if (body.isEmpty()) {
            return "empty";
        }
        if (e.json().isPresent()) {
            return "JSON " + type(e.json().get());
        }
        if (body.toLowerCase(Locale.ROOT).contains("<html")) {
            return "an HTML page";
        }
        return ErrorBody.xmlRoot(body)
                .map(root -> "an XML <" + root.getTagName() + "> document")
                .orElse(body.contains("\n") ? "several lines of text" : "one line of text");
    }
}
