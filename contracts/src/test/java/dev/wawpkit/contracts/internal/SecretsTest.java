package dev.wawpkit.contracts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsTest {
    @Test
    void maskKeepsTheFirstFourCharacters() {
        assertThat(Secrets.mask("dev-0123456789")).isEqualTo("dev-...");
    }

    @Test
    void maskHidesShortTokensEntirely() {
        assertThat(Secrets.mask("abcd")).isEqualTo("...");
        assertThat(Secrets.mask(null)).isNull();
    }

    @Test
    void scrubReplacesEveryOccurrence() {
        assertThat(Secrets.scrub("a dev-0123456789 b dev-0123456789", "dev-0123456789"))
                .isEqualTo("a dev-... b dev-...");
    }
}
