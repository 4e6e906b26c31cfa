package dev.wawpkit.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the short code and human message out of a Wawp error body in any of its documented
 * formats (JSON, XML, plain text, HTML): the reference client reads its exceptions with it, the
 * conformance suite its error checks.
 *
 * @param code    the JSON {@code error} field or the XML {@code <code>}; null for text and HTML
 * @param message the JSON {@code message}, the XML {@code <message>}, the first text line, or the
 *                HTML title (else first heading); null when the body has none
 */
public record ErrorBody(String code, String message) {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern TITLE =
            Pattern.compile("<title[^>]*>(.*?)</title>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern HEADING =
            Pattern.compile("<h[1-6][^>]*>(.*?)</h[1-6]>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]+>");

    /**
     * Parses a body by its content type; a body that does not parse as its type is read as text.
     *
     * @param contentType the response's {@code Content-Type}, may be null
     * @param body        the raw body, may be null or empty
     */
    public static ErrorBody parse(String contentType, String body) {
        if (body == null || body.isBlank()) {
            return new ErrorBody(null, null);
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        ErrorBody parsed = null;
        if (type.contains("json")) {
            parsed = json(body);
        } else if (type.contains("xml")) {
            parsed = xml(body);
        } else if (type.contains("html")) {
            parsed = html(body);
        }
        return parsed != null ? parsed : new ErrorBody(null, firstLine(body));
    }

    private static ErrorBody json(String body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                return null;
            }
            return new ErrorBody(text(node.get("error")), text(node.get("message")));
        } catch (Exception e) {
            return null;
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static ErrorBody xml(String body) {
        return xmlRoot(body)
                .map(root -> new ErrorBody(child(root, "code"), child(root, "message")))
                .orElse(null);
    }

    /**
     * Parses an XML body with DTDs and external entities refused, since error bodies come from the network.
     *
     * @return the document element, or empty when the body is not well-formed XML
     */
    public static Optional<Element> xmlRoot(String body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // throws on fatal errors, never prints "[Fatal Error]"
            return Optional.of(builder.parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)))
                    .getDocumentElement());
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static String child(Element root, String name) {
        NodeList nodes = root.getElementsByTagName(name);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
    }

    private static ErrorBody html(String body) {
        for (Pattern pattern : new Pattern[] {TITLE, HEADING}) {
            Matcher m = pattern.matcher(body);
            if (m.find()) {
                String text = TAG.matcher(m.group(1))
                        .replaceAll("")
                        .replaceAll("\\s+", " ")
                        .trim();
                if (!text.isEmpty()) {
                    return new ErrorBody(null, text);
                }
            }
        }
        return null;
    }

    private static String firstLine(String body) {
        return body.strip().lines().findFirst().map(String::strip).orElse(null);
    }
}
