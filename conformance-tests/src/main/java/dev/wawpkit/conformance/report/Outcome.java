package dev.wawpkit.conformance.report;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Says how one behaviour came out. */
public enum Outcome {
    /** It ran and the target showed it. */
    PASS,
    /** It ran and the target drifted on a fact that counts: any against a Wawp mock, a DOC or CLIENT one elsewhere. */
    FAIL,
    /** It ran against a target that is not a Wawp mock, which holds every documented fact but differs from the mock's choice. */
    DIFFERS,
    /** It did not run, for the reason given. */
    SKIPPED,
    /** Dry run: it would run on this target, making the calls listed. */
    WOULD_RUN,
    /** Dry run: it would be skipped, for the reason given. */
    WOULD_SKIP;

    /** Returns the label the report shows, such as "pass" or "would run". */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
