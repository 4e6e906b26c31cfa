package dev.wawpkit.contracts.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import dev.wawpkit.mock.WawpMockServer;
import dev.wawpkit.mock.junit5.WawpMockTest;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Shows that a provider state the mock does not know fails the verification, both in this
 * module's JUnit 5 verification and in any verifier that uses the mock's state-change URL.
 *
 * <p>The hand-written pact in {@code src/test/resources/pacts-broken/} asks for "create without a
 * token" given the state "the moon is made of green cheese". Without that state the interaction
 * passes against the mock (shown below), so the only reason for the failures is the state.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@WawpMockTest(bootDelayMillis = -1)
class UnknownProviderStateTest {
    private static final String UNKNOWN_STATE = "the moon is made of green cheese";
    private static final String ENABLE_BROKEN = "wawp.verify.pacts-broken";

    private final WawpMockServer mock;

    UnknownProviderStateTest(WawpMockServer mock) {
        this.mock = mock;
    }

    private static Path brokenPact() throws URISyntaxException {
        return Path.of(UnknownProviderStateTest.class
                .getResource("/pacts-broken/unknown-state-consumer-wawp-api.json")
                .toURI());
    }

    @Test
    void theBrokenInteractionPassesWhenItsStateIsIgnored() throws Exception {
        List<String> failures = new StateChangeUrlVerification("127.0.0.1", mock.port(), null).verify(brokenPact());

        assertThat(failures).isEmpty();
    }

    @Test
    void junitVerificationFailsOnAnUnknownState() {
        Events tests = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(BrokenPactVerification.class))
                .configurationParameter(ENABLE_BROKEN, "true")
                .execute()
                .testEvents();

        tests.assertStatistics(stats -> stats.started(1).succeeded(0).failed(1));
        Throwable failure = tests.failed()
                .list()
                .get(0)
                .getPayload(TestExecutionResult.class)
                .orElseThrow()
                .getThrowable()
                .orElseThrow();
        assertThat(failure)
                .hasMessage("Provider state change callback failed")
                .cause()
                .hasMessageContaining("@State(\"" + UNKNOWN_STATE + "\")");
    }

    @Test
    void stateChangeUrlVerificationFailsOnAnUnknownState() throws Exception {
        List<String> failures =
                StateChangeUrlVerification.ofMock(mock.baseUrl()).verify(brokenPact());

        assertThat(failures)
                .singleElement()
                .asString()
                .contains("create without a token, given a state no provider knows")
                .contains("State Change Request Failed - 400");
    }

    /** Verifies the broken pact exactly as {@link MockHonoursCommittedPactsTest} verifies the committed ones. */
    @Provider("wawp-api")
    @PactFolder("pacts-broken")
    @EnabledIf("selectedByEngineTestKit")
    static class BrokenPactVerification extends MockProviderVerification {
        static boolean selectedByEngineTestKit(ExtensionContext context) {
            return context.getConfigurationParameter(ENABLE_BROKEN).isPresent();
        }
    }
}
