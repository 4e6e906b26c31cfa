package dev.wawpkit.mock.assertj;

import dev.wawpkit.mock.WawpMock;

/**
 * Starts AssertJ assertions on a Wawp mock: {@code assertThat(mock).session(id).hasStatus(WORKING)}.
 *
 * <p>Failures follow AssertJ's layout: what was expected, what was found, and the calls the mock
 * received, so a failing test shows what the code under test actually did.
 */
public final class WawpMockAssertions {
    private WawpMockAssertions() {}

    /** Starts assertions on the mock (a server, a client, or one token's scope). */
    public static WawpMockAssert assertThat(WawpMock actual) {
        return new WawpMockAssert(actual);
    }
}
