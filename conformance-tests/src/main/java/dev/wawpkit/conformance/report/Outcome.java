package dev.wawpkit.conformance.report;

import com.fasterxml.jackson.annotation.JsonValue;

/** Says how one behaviour came out. */
public enum Outcome {
    /** It ran and the target showed it. */
    PASS("pass"),
    /** It ran and the target drifted on a fact that counts: any against a Wawp mock, a DOC or CLIENT one elsewhere. */
    FAIL("fail"),
    /** It ran against a target that is not a Wawp mock, which holds every documented fact but differs from the mock's choice. */
    DIFFERS("differs"),
    /** It did not run, for the reason given. */
    SKIPPED("skipped"),
    /** Dry run: it would run on this target, making the calls listed. */
    WOULD_RUN("would run"),
    /** Dry run: it would be skipped, for the reason given. */
    WOULD_SKIP("would skip");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    /** Returns the label the report shows, such as "pass". */
    @JsonValue
    public String label() {
        return label;
    }
}
