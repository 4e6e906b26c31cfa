package dev.wawpkit.mock.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The body pace rule judges the sender: any pace during the grace period, then at least 1 KiB/s
 * on average since the request came, and never 10 s of silence.
 */
class BodyRateTest {
    private static final long S = TimeUnit.SECONDS.toNanos(1);

    @Test
    void anyPaceIsFineDuringTheGracePeriod() {
        assertThat(Bodies.tooSlow(0, 2 * S, 2 * S)).isFalse();
    }

    @Test
    void afterTheGracePeriodTheAverageMustStayAtOneKibPerSecond() {
        // 3 s after the request: 1 s judged, so 1024 bytes are needed
        assertThat(Bodies.tooSlow(1023, 3 * S, 0)).isTrue();
        assertThat(Bodies.tooSlow(1024, 3 * S, 0)).isFalse();
        // a byte every 2 s, the drip a stalling client sends
        assertThat(Bodies.tooSlow(5, 10 * S, 0)).isTrue();
    }

    @Test
    void tenSecondsOfSilenceEndAnyBody() {
        assertThat(Bodies.tooSlow(90_000, 20 * S, 10 * S + 1)).isTrue();
        assertThat(Bodies.tooSlow(90_000, 20 * S, 10 * S)).isFalse();
    }
}
