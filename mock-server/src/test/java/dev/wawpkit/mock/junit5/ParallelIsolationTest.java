package dev.wawpkit.mock.junit5;

import static dev.wawpkit.mock.assertj.WawpMockAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.wawpkit.mock.Endpoint;
import dev.wawpkit.mock.WawpMock;
import dev.wawpkit.mock.WawpMockServer;
import java.net.URI;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Four test classes run in parallel against one shared server. Each creates sessions, arms a
 * fault and waits until all four have, then checks it sees only its own state. Under the
 * extension, which gives each test its own token, all pass; the same four sharing one token and
 * the whole server, as hand-written tests around one server would, see each other and fail.
 */
@Timeout(60)
class ParallelIsolationTest {
    static CyclicBarrier allFourReady;
    /** The server the shared-token classes use instead of the extension; set by the test that runs them. */
    static WawpMockServer sharedServer;

    /** What each of the four classes does, with the view of the mock and the token it was given. */
    static void createArmAndLook(WawpMock mock, URI baseUrl, String token) throws Exception {
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

    /** The four classes under the extension: each test has its own token and view. */
    abstract static class Suite {
        @Test
        void seesOnlyItsOwnSessionsFaultsAndCalls(WawpMock mock, URI baseUrl, @WawpToken String token)
                throws Exception {
            createArmAndLook(mock, baseUrl, token);
        }
    }

    @WawpMockTest(scope = ServerScope.SHARED)
    static class SuiteA extends Suite {}

    @WawpMockTest(scope = ServerScope.SHARED)
    static class SuiteB extends Suite {}

    @WawpMockTest(scope = ServerScope.SHARED)
    static class SuiteC extends Suite {}

    @WawpMockTest(scope = ServerScope.SHARED)
    static class SuiteD extends Suite {}

    /** The same four without isolation: the server's one token, the whole server as their view. */
    abstract static class SharedTokenSuite {
        @Test
        void seesOnlyItsOwnSessionsFaultsAndCalls() throws Exception {
            createArmAndLook(sharedServer, sharedServer.baseUrl(), sharedServer.token());
        }

        @AfterEach
        void resetTheWholeServer() {
            sharedServer.reset();
        }
    }

    static class SharedA extends SharedTokenSuite {}

    static class SharedB extends SharedTokenSuite {}

    static class SharedC extends SharedTokenSuite {}

    static class SharedD extends SharedTokenSuite {}

    private static EngineExecutionResults runInParallel(Class<?>... classes) {
        allFourReady = new CyclicBarrier(4);
        return EngineTestKit.engine("junit-jupiter")
                .selectors(
                        selectClass(classes[0]),
                        selectClass(classes[1]),
                        selectClass(classes[2]),
                        selectClass(classes[3]))
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "4")
                .execute();
    }

    @Test
    void fourParallelClassesSharingOneServerDoNotInterfere() {
        runInParallel(SuiteA.class, SuiteB.class, SuiteC.class, SuiteD.class)
                .testEvents()
                .assertStatistics(s -> s.started(4).succeeded(4).failed(0));
    }

    @Test
    void withoutIsolationTheSameClassesInterfere() {
        try (WawpMockServer server = WawpMockServer.builder().build().start()) {
            sharedServer = server;

            EngineExecutionResults results = runInParallel(SharedA.class, SharedB.class, SharedC.class, SharedD.class);

            results.testEvents().assertStatistics(s -> s.started(4).failed(4));
            assertThat(results.testEvents()
                            .failed()
                            .list()
                            .get(0)
                            .getPayload(TestExecutionResult.class)
                            .orElseThrow()
                            .getThrowable()
                            .orElseThrow())
                    .hasMessageContaining("12");
        } finally {
            sharedServer = null;
        }
    }
}
