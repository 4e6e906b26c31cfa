package dev.wawpkit.mock.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wawpkit.mock.Endpoint;
import dev.wawpkit.mock.Format;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns success bodies and errors into response bytes in each documented format.
 *
 * <p>JSON goes through Jackson; the XML, text and HTML variants are small fixed layouts with
 * escaped values. The HTML page template is read once, when the mock starts.
 */
final class Renderer {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_TYPE = "application/json";
    private static final String HTML_TEMPLATE = loadTemplate();
    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(400, "Bad Request"),
            Map.entry(401, "Unauthorized"),
            Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"),
            Map.entry(405, "Method Not Allowed"),
            Map.entry(409, "Conflict"),
            Map.entry(413, "Payload Too Large"),
            Map.entry(415, "Unsupported Media Type"),
            Map.entry(500, "Internal Server Error"),
            Map.entry(502, "Bad Gateway"));

    private Renderer() {}

    static Reply json(int status, Object body) {
        try {
            return Reply.of(status, JSON_TYPE, JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Renders the error in the first of the wanted formats that the endpoint documents for it, else JSON. */
    static Reply error(ApiError error, List<Format> wanted, Endpoint endpoint) {
        Set<Format> documented = ErrorVariants.formatsFor(endpoint, error.status());
        if (documented.isEmpty()) {
            // mock-only statuses (405, 413, 409) follow the request's format among JSON, XML and text
            documented = Set.of(Format.JSON, Format.XML, Format.TEXT);
        }
        for (Format f : wanted) {
            if (documented.contains(f)) {
                return error(error, f);
            }
        }
        return error(error, Format.JSON);
    }

    static Reply error(ApiError e, Format format) {
        String reason = REASONS.getOrDefault(e.status(), "Error");
        return switch (format) {
            case JSON -> {
                yield json(e.status(), new ApiModel.Error(e.code(), e.message(), e.status()));
            }
            case XML ->
                Reply.of(
                        e.status(),
                        "application/xml; charset=utf-8",
                        utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<error><status>" + e.status()
                                + "</status><code>" + xml(e.code()) + "</code><message>" + xml(e.message())
                                + "</message></error>\n"));
            case TEXT ->
                Reply.of(
                        e.status(),
                        "text/plain; charset=utf-8",
                        utf8(e.status() + " " + reason + ": " + e.message().replace('\n', ' ') + "\n"));
            case HTML ->
                Reply.of(
                        e.status(),
                        "text/html; charset=utf-8",
                        utf8(HTML_TEMPLATE
                                .replace("{{status}}", Integer.toString(e.status()))
                                .replace("{{reason}}", reason)
                                .replace("{{message}}", xml(e.message()))));
        };
    }

    /**
     * Orders the formats a request's Accept header asks for, as RFC 9110 says: by quality value,
     * highest first, ties in the order given; {@code q=0} excludes a type. A wildcard stands for
     * JSON. No usable range at all means JSON.
     */
    static List<Format> wanted(String accept) {
        if (accept == null || accept.isBlank()) {
            return List.of(Format.JSON);
        }
        record Range(Format format, double q, int order) {}
        List<Range> ranges = new ArrayList<>(2);
        Set<Format> excluded = EnumSet.noneOf(Format.class);
        String[] parts = accept.split(",");
        for (int i = 0; i < parts.length; i++) {
            String[] params = parts[i].split(";");
            Format f = switch (params[0].trim().toLowerCase(Locale.ROOT)) {
                case "application/xml", "text/xml" -> Format.XML;
                case "text/plain" -> Format.TEXT;
                case "text/html" -> Format.HTML;
                case "application/json", "*/*", "application/*" -> Format.JSON;
                default -> null;
            };
            if (f == null) {
                continue;
            }
            double q = 1.0;
            for (int p = 1; p < params.length; p++) {
                String param = params[p].trim();
                if (param.regionMatches(true, 0, "q=", 0, 2)) {
                    try {
                        q = Math.max(
                                0,
                                Math.min(
                                        1, Double.parseDouble(param.substring(2).trim())));
                    } catch (NumberFormatException e) {
                        q = 1.0; // a malformed weight counts as none given
                    }
                }
            }
            if (q == 0) {
                excluded.add(f);
            } else {
                ranges.add(new Range(f, q, i));
            }
        }
        ranges.sort(Comparator.comparingDouble(Range::q).reversed().thenComparingInt(Range::order));
        ArrayList<Format> out = new ArrayList<>(2);
        for (Range r : ranges) {
            if (!excluded.contains(r.format()) && !out.contains(r.format())) {
                out.add(r.format());
            }
        }
        return out.isEmpty() ? List.of(Format.JSON) : out;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String xml(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> sb.append(c < 0x20 && c != '\t' ? ' ' : c);
            }
        }
        return sb.toString();
    }

    private static String loadTemplate() {
        try (InputStream in = Renderer.class.getResourceAsStream("error-page.html")) {
            if (in == null) {
                throw new IllegalStateException("error-page.html is missing from the mock-server jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
