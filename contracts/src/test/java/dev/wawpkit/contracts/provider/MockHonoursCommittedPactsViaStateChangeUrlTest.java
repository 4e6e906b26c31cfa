package dev.wawpkit.contracts.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wawpkit.contracts.pact.PactDirs;
import dev.wawpkit.mock.WawpMockServer;
import dev.wawpkit.mock.junit5.WawpMockTest;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Verifies the mock against the committed pacts the way any Pact verifier outside JUnit would:
 * Pact JVM's plain {@code ProviderVerifier}, with the mock's provider-state endpoint as its
 * state-change URL. This is what a consumer team gets when it points its own verifier at the mock.
 *
 * <p>Runs in the {@code check-pacts} surefire execution, after the pacts may have been updated.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@WawpMockTest(bootDelayMillis = -1)
class MockHonoursCommittedPactsViaStateChangeUrlTest {
    @Test
    void everyCommittedInteractionPasses(WawpMockServer mock) {
        assertThat(StateChangeUrlVerification.ofMock(mock.baseUrl()).verify(PactDirs.committedPact()))
                .isEmpty();
    }
}
