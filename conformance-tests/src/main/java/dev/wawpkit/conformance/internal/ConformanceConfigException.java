package dev.wawpkit.conformance.internal;

/** Says that the run cannot start: what is wrong with the chosen target and how to fix it. */
public final class ConformanceConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates one with a message that says what happened and how to fix it. */
    public ConformanceConfigException(String message) {
        super(Masking.mask(message));
    }
}
