package dev.wawpkit.mock;

/**
 * Signals that a control operation on the mock was refused, and why.
 *
 * <p>The same refusal reaches HTTP control-API callers as a JSON error with {@link #httpStatus()}
 * and {@link #code()}; the message says what was expected, what came, and how to fix it.
 */
public final class WawpMockException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final String code;

    /** Creates a refusal with the HTTP status and short code the control API answers with. */
    public WawpMockException(int httpStatus, String code, String message) {
        super(message);
        this.httpStatus = httpStatus;
        this.code = code;
    }

    /** Returns the HTTP status the control API answers with: 400, 404 or 409. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Returns the short machine-readable code, such as {@code "illegal_transition"}. */
    public String code() {
        return code;
    }

    static WawpMockException badRequest(String code, String message) {
        return new WawpMockException(400, code, message);
    }
}
