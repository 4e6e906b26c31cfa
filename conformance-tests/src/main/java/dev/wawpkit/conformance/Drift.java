package dev.wawpkit.conformance;

import dev.wawpkit.conformance.internal.Masking;

/**
 * Says where the target drifted from the specification in one behaviour.
 *
 * @param side     which side drifted: status, content type, field, state or connection
 * @param expected what the specification says
 * @param observed what the target did
 */
public record Drift(Side side, String expected, String observed) {
    /** The sides a response can drift on. */
    public enum Side {
        /** The HTTP status. */
        STATUS("status"),
        /** The media type of the body. */
        CONTENT_TYPE("content type"),
        /** The body's shape or a field's value. */
        FIELD("field"),
        /** The session's status afterwards. */
        STATE("state"),
        /** No HTTP response where one was expected, or one where none was. */
        CONNECTION("connection");

        private final String label;

        Side(String label) {
            this.label = label;
        }

        /** Returns the label the report uses, such as "content type". */
        public String label() {
            return label;
        }
    }

    /** Renders it as one line, tokens masked: {@code status: expected 401, observed 403}. */
    @Override
    public String toString() {
        return Masking.mask(side.label() + ": expected " + expected + ", observed " + observed);
    }
}
