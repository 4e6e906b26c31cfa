package dev.wawpkit.mock.junit5;

import dev.wawpkit.mock.Endpoint;
import dev.wawpkit.mock.WawpMock;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.net.URI;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import static dev.wawpkit.mock.assertj.WawpMockAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Four test classes run in parallel against one shared server. Each creates sessions, arms a
 * fault and waits until all four have, then checks it sees only its own state. With isolation
 * (the default) all pass; with {@code wawp.mock.isolation=none} they see each other and fail.
 */
class ParallelIsolationTest {
    static CyclicBarrier allFourReady;

    /** What each of the four classes does. */
    abstract static class Suite {
        @Test
        void seesOnlyItsOwnSessionsFaultsAndCalls(WawpMock mock, URI baseUrl, @WawpToken String token) throws Exception {
            for (int i = 0; i < 3; i++) {
                WawpMockExtensionTest.post(baseUrl, "/v2/session/create?access_token=" + token);
            }
            mock.faults().onInfo().times(5).respond(502);
            allFourReady.await(20, TimeUnit.SECONDS);

            assertThat(mock.sessions()).hasSize(3);
            assertThat(mock.faults().list()).hasSize(1);
            assertThat(mock).receivedCalls(Endpoint.CREATE).hasSize(3);
            allFourReady.await(20, TimeUnit.SECONDS); // nobody resets before everyone has looked
        }
    }

    @WawpMockTest(scope = ServerScope.SHARED)
    static class SuiteA extends Suite {
    }

    @WawpMockTest(scope = ServerScope.SHARED)
    static class SuiteB extends Suite {
    }

    @WawpMockTest(scope = ServerScope.SHARED)
    static class SuiteC extends Suite {
    }

    @WawpMockTest(scope = ServerScope.SHARED)
    static class SuiteD extends Suite {
    }

    private static EngineExecutionResults runInParallel(String isolation) {
        allFourReady = new CyclicBarrier(4);
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(SuiteA.class), selectClass(SuiteB.class), selectClass(SuiteC.class),
                        selectClass(SuiteD.class))
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "4")
                .configurationParameter("wawp.mock.isolation", isolation)
                .execute();
    }

    @Test
    void fourParallelClassesSharingOneServerDoNotInterfere() {
        runInParallel("token").testEvents().assertStatistics(s -> s.started(4).succeeded(4).failed(0));
    }

    @Test
    void withoutIsolationTheSameClassesInterfere() {
        EngineExecutionResults results = runInParallel("none");

        results.testEvents().assertStatistics(s -> s.started(4).failed(4));
        assertThat(results.testEvents().failed().list().get(0)
                .getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                .getThrowable().orElseThrow()).hasMessageContaining("12");
    }
}
