package dev.wawpkit.contracts.client;

import dev.wawpkit.spec.ErrorBody;
import dev.wawpkit.spec.TokenMask;

/**
 * Signals that the Wawp API answered a call with a status other than 2xx.
 *
 * <p>The body is read in whichever documented format it came: {@link #code()} is the JSON
 * {@code error} field or the XML {@code <code>} (null for text and HTML); {@link #apiMessage()}
 * is the JSON {@code message}, the XML {@code <message>}, the plain-text line, or the HTML page's
 * title. The exception message never contains the access token.
 */
public final class WawpApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String method;
    private final String path;
    private final int status;
    private final String code;
    private final String apiMessage;
    private final String contentType;
    private final String body;

    WawpApiException(String method, String path, int status, String contentType, String body, String token) {
        this(method, path, status, contentType, body, ErrorBody.parse(contentType, body), token);
    }

    private WawpApiException(
            String method, String path, int status, String contentType, String body, ErrorBody parsed, String token) {
        super(describe(method, path, status, parsed, contentType, token));
        this.method = method;
        this.path = path;
        this.status = status;
        this.code = parsed.code();
        this.apiMessage = parsed.message();
        this.contentType = contentType;
        this.body = body;
    }

    private static String describe(
            String method, String path, int status, ErrorBody parsed, String contentType, String token) {
        StringBuilder sb = new StringBuilder()
                .append(method)
                .append(' ')
                .append(path)
                .append(" answered ")
                .append(status);
        if (parsed.code() != null) {
            sb.append(" (").append(parsed.code()).append(')');
        }
        if (parsed.message() != null) {
            sb.append(": ").append(parsed.message());
        }
        sb.append(" [")
                .append(contentType == null ? "no content type" : contentType)
                .append(']');
        return TokenMask.scrub(sb.toString(), token);
    }

    /** Returns the HTTP method of the failed call, such as {@code POST}. */
    public String method() {
        return method;
    }

    /** Returns the request path of the failed call, without the query string. */
    public String path() {
        return path;
    }

    /** Returns the HTTP status, such as 404. */
    public int status() {
        return status;
    }

    /** Returns the short error code from a JSON or XML body, or null for text, HTML and empty bodies. */
    public String code() {
        return code;
    }

    /** Returns the human message the body carried, or null when it carried none. */
    public String apiMessage() {
        return apiMessage;
    }

    /** Returns the response's {@code Content-Type} header, or null when it had none. */
    public String contentType() {
        return contentType;
    }

    /** Returns the raw response body as received (it is not masked); empty when there was none. */
    public String body() {
        return body;
    }
}
