package dev.wawpkit.mock;

import java.util.Locale;

/**
 * Lists the body formats the Wawp API uses for error responses.
 *
 * <p>Which formats each status has is fixed by the specification: 400 has JSON, XML and plain text;
 * 401, 404 and 502 have JSON and XML; 500 has JSON and HTML; 403 has JSON only.
 */
public enum Format {
    /** {@code application/json}: {@code {"error", "message", "status"}}. */
    JSON("application/json"),
    /** {@code application/xml}: {@code <error><status/><code/><message/></error>}. */
    XML("application/xml"),
    /** {@code text/plain}: one line. */
    TEXT("text/plain"),
    /** {@code text/html}: a small error page, like an upstream proxy's. */
    HTML("text/html");

    private final String mediaType;

    Format(String mediaType) {
        this.mediaType = mediaType;
    }

    /** Returns the media type without parameters, such as {@code application/xml}. */
    public String mediaType() {
        return mediaType;
    }

    /** Returns the lower-case name used by the control API, such as {@code "xml"}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Finds the format with the given name, in any case.
     *
     * @throws WawpMockException (400) naming the known formats when the name is unknown
     */
    public static Format ofKey(String key) {
        for (Format f : values()) {
            if (f.name().equalsIgnoreCase(key)) {
                return f;
            }
        }
        throw WawpMockException.badRequest(
                "unknown_format", "Expected a format, one of json, xml, text, html, but got '" + key + "'.");
    }
}
