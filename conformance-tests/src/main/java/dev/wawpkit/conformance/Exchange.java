package dev.wawpkit.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wawpkit.conformance.internal.Masking;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * Records one call to the target: method, path, full URL (tokens masked when printed) and Accept sent; the status
 * (0 when no response came), Content-Type ("" when absent) and body that came back, or the transport failure (else null).
 */
public record Exchange(
        String method,
        String path,
        String url,
        String accept,
        int status,
        String contentType,
        String body,
        IOException failure) {
    static final ObjectMapper JSON = new ObjectMapper();

    /** Returns whether an HTTP response came. */
    public boolean answered() {
        return failure == null;
    }

    /** Returns the media type of the response without parameters, lower case. */
    public String mediaType() {
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    /** Returns the body parsed as JSON, or empty when it is not JSON. */
    public Optional<JsonNode> json() {
        try {
            return Optional.ofNullable(JSON.readTree(body)).filter(n -> !n.isMissingNode());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Returns a text field of the JSON body, or empty. */
    public Optional<String> field(String name) {
        return json().map(n -> n.get(name))
                .filter(n -> n != null && !n.isNull())
                .map(JsonNode::asText);
    }

    /** Describes the response in one line (body shortened, tokens masked). */
    public String describeResponse() {
        if (!answered()) {
            return "no response: " + failure.getClass().getSimpleName()
                    + (failure.getMessage() == null ? "" : " (" + failure.getMessage() + ")");
        }
        String oneLine = body.replaceAll("\\s+", " ").trim();
        if (oneLine.length() > 160) {
            oneLine = oneLine.substring(0, 157) + "...";
        }
        return Masking.mask(status + " " + (contentType.isEmpty() ? "(no content type)" : mediaType())
                + (oneLine.isEmpty() ? "" : " " + oneLine));
    }

    @Override
    public String toString() {
        return Masking.mask(method + " " + url + " [Accept: " + accept + "] -> " + describeResponse());
    }
}
