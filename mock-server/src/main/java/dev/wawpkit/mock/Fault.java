package dev.wawpkit.mock;

import dev.wawpkit.mock.internal.ErrorVariants;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Describes what an injected fault does to a call; {@link FaultRule} says when it fires.
 *
 * <p>The five kinds form a closed set: an HTTP error in a documented body variant, a reset
 * connection, a connection closed with no response, a delay before the normal answer, or any
 * response given byte for byte ({@link Raw}) when the documentation is not enough.
 */
public sealed interface Fault
        permits Fault.HttpError, Fault.ConnectionReset, Fault.EmptyResponse, Fault.Delay, Fault.Raw {

    /** Creates an HTTP error fault; the status and format must be a documented pair. */
    static Fault httpError(int status, Format format) {
        return new HttpError(status, format);
    }

    /** Creates a fault that resets the connection before any response byte. */
    static Fault connectionReset() {
        return new ConnectionReset();
    }

    /** Creates a fault that closes the connection without sending a response. */
    static Fault emptyResponse() {
        return new EmptyResponse();
    }

    /** Creates a fault that answers exactly this status, these headers and this body. */
    static Fault raw(int status, Map<String, String> headers, String body) {
        return new Raw(status, headers, body);
    }

    /** Creates a fault that delays the normal answer by the given duration. */
    static Fault delay(Duration duration) {
        return new Delay(duration);
    }

    /**
     * Answers with a documented error status in one of its documented formats.
     *
     * @param status an HTTP status from the specification: 400, 401, 403, 404, 500 or 502
     * @param format a body format the specification documents for that status
     */
    record HttpError(int status, Format format) implements Fault {
        /** Checks the pair against the specification's table of error variants. */
        public HttpError {
            Objects.requireNonNull(format, "format");
            if (!ErrorVariants.formatsFor(status).contains(format)) {
                throw WawpMockException.badRequest(
                        "undocumented_fault",
                        "Expected a documented error variant (" + ErrorVariants.describe() + "), but got " + status
                                + " as " + format.key() + ".");
            }
        }
    }

    /** Resets the connection (TCP RST) before any response is sent. */
    record ConnectionReset() implements Fault {}

    /** Closes the connection without sending any response. */
    record EmptyResponse() implements Fault {}

    /** Answers normally after waiting for the given duration (0 to 60 s). */
    record Delay(Duration duration) implements Fault {
        /** Checks the duration is between 0 and 60 seconds. */
        public Delay {
            Objects.requireNonNull(duration, "duration");
            if (duration.isNegative() || duration.compareTo(Duration.ofSeconds(60)) > 0) {
                throw WawpMockException.badRequest(
                        "invalid_delay",
                        "Expected a delay between 0 and 60000 ms, but got " + duration.toMillis() + " ms.");
            }
        }
    }

    /**
     * Answers exactly this response, whatever the documentation says: an undocumented fault, for
     * what the documented variants do not cover (a 429 with {@code Retry-After}, a 503 page).
     *
     * @param status  any HTTP status from 200 to 599
     * @param headers response headers, such as {@code Content-Type} and {@code Retry-After}; not
     *                {@code Content-Length} or {@code Transfer-Encoding}: the mock frames the body
     * @param body    the body as text (UTF-8), at most 1 MiB; empty for none, and for 204 and 304
     */
    record Raw(int status, Map<String, String> headers, String body) implements Fault {
        /** Largest raw body, in characters. */
        public static final int MAX_BODY = 1 << 20;

        /** Checks the status, the header names and values, and the body (size, and none where HTTP allows none). */
        public Raw {
            if (status < 200 || status > 599) {
                throw WawpMockException.badRequest(
                        "invalid_raw_status",
                        "Expected a raw status from 200 to 599, " + "but got " + status
                                + ". Informational (1xx) statuses cannot end a response.");
            }
            headers = headers == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(headers));
            for (Map.Entry<String, String> h : headers.entrySet()) {
                if (h.getKey().isEmpty() || !h.getKey().chars().allMatch(Raw::isTokenChar)) {
                    throw WawpMockException.badRequest(
                            "invalid_raw_header",
                            "Expected header names of letters, " + "digits and !#$%&'*+-.^_`|~, but got '" + h.getKey()
                                    + "'.");
                }
                if (h.getKey().equalsIgnoreCase("Content-Length") || h.getKey().equalsIgnoreCase("Transfer-Encoding")) {
                    throw WawpMockException.badRequest(
                            "invalid_raw_header",
                            "Expected no " + h.getKey() + " header: the mock frames the body it sends itself, so the"
                                    + " answer always arrives whole. Drop the header; for a broken answer arm"
                                    + " {\"fault\": \"CONNECTION_RESET\"} or \"EMPTY_RESPONSE\".");
                }
                if (h.getValue() == null || h.getValue().chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f)) {
                    throw WawpMockException.badRequest(
                            "invalid_raw_header",
                            "Expected header " + h.getKey()
                                    + " to have a value on one line without control characters, but it has none or some.");
                }
            }
            body = body == null ? "" : body;
            if (!body.isEmpty() && (status == 204 || status == 304)) {
                throw WawpMockException.badRequest(
                        "invalid_raw_body",
                        "Expected no body with status " + status + " (HTTP sends none with it), but got "
                                + body.length() + " characters. Drop the body, or pick a status that carries one.");
            }
            if (body.length() > MAX_BODY) {
                throw WawpMockException.badRequest(
                        "invalid_raw_body",
                        "Expected a raw body of at most " + MAX_BODY + " characters, but got " + body.length() + ".");
            }
        }

        private static boolean isTokenChar(int c) {
            return c > 0x20 && c < 0x7f && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
        }
    }
}
