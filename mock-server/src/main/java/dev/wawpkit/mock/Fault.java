package dev.wawpkit.mock;

import dev.wawpkit.mock.internal.ErrorVariants;
import java.time.Duration;
import java.util.Objects;

/**
 * Describes what an injected fault does to a call; {@link FaultRule} says when it fires.
 *
 * <p>The four kinds form a closed set: an HTTP error in a documented body variant, a reset
 * connection, a connection closed with no response, or a delay before the normal answer.
 */
public sealed interface Fault permits Fault.HttpError, Fault.ConnectionReset, Fault.EmptyResponse, Fault.Delay {

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
                throw WawpMockException.badRequest("undocumented_fault",
                        "Expected a documented error variant (" + ErrorVariants.describe()
                                + "), but got " + status + " as " + format.key() + ".");
            }
        }
    }

    /** Resets the connection (TCP RST) before any response is sent. */
    record ConnectionReset() implements Fault {
    }

    /** Closes the connection without sending any response. */
    record EmptyResponse() implements Fault {
    }

    /** Answers normally after waiting for the given duration (0 to 60 s). */
    record Delay(Duration duration) implements Fault {
        /** Checks the duration is between 0 and 60 seconds. */
        public Delay {
            Objects.requireNonNull(duration, "duration");
            if (duration.isNegative() || duration.compareTo(Duration.ofSeconds(60)) > 0) {
                throw WawpMockException.badRequest("invalid_delay",
                        "Expected a delay between 0 and 60000 ms, but got " + duration.toMillis() + " ms.");
            }
        }
    }
}
