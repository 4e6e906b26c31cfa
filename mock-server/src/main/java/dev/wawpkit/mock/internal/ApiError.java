package dev.wawpkit.mock.internal;

/**
 * An error the mock answers an API call with, before its format is chosen.
 *
 * @param status  HTTP status
 * @param code    short machine-readable code, the JSON {@code error} and XML {@code <code>}
 * @param message a sentence saying what was expected, what came, and how to fix it
 */
record ApiError(int status, String code, String message) {

    /** Thrown inside request parsing to stop at the first problem; carries the error to answer. */
    static final class Rejected extends Exception {
        private static final long serialVersionUID = 1L;
        final transient ApiError error;

        Rejected(int status, String code, String message) {
            super(message, null, false, false);
            this.error = new ApiError(status, code, message);
        }
    }
}
