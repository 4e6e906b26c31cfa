package dev.wawpkit.conformance;

import dev.wawpkit.conformance.internal.Masking;
import java.util.Locale;

/**
 * Says where the target drifted from the specification in one behaviour.
 *
 * @param side     which side drifted: status, content type, field, state or connection
 * @param basis    what the fact checked rests on (DOC, CLIENT or DECIDED)
 * @param expected what the specification says
 * @param observed what the target did
 */
public record Drift(Side side, Basis basis, String expected, String observed) {
    /** The sides a response can drift on. */
    public enum Side {
        STATUS,
        CONTENT_TYPE,
        FIELD,
        STATE,
        CONNECTION
    }

    /** Renders it as one line, tokens masked: {@code status: expected 401, observed 403}. */
    @Override
    public String toString() {
        return Masking.mask(side.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": expected " + expected
                + ", observed " + observed);
    }
}
