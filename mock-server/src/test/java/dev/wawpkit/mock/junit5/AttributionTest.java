package dev.wawpkit.mock.junit5;

import static dev.wawpkit.mock.junit5.WawpMockExtensionTest.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * An unexpected call fails the test that made it, and no other, with concurrent methods under
 * every server scope; and the extension's resources close without JUnit's warning.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AttributionTest {
    static CountDownLatch typoCalled;

    /** Two concurrent tests: one calls a path the mock does not serve, the other finishes meanwhile. */
    @Execution(ExecutionMode.CONCURRENT)
    abstract static class TypoAndInnocent {
        @Test
        void typo(URI baseUrl, @WawpToken String token) throws Exception {
            post(baseUrl, "/v2/session/strat?instance_id=3EB0BCB2E3D4&access_token=" + token);
            typoCalled.countDown();
            Thread.sleep(1000); // innocent finishes, and is checked, while this test still runs
        }

        @Test
        void innocent() throws InterruptedException {
            assertThat(typoCalled.await(20, TimeUnit.SECONDS)).isTrue();
        }
    }

    @WawpMockTest(scope = ServerScope.CLASS)
    static class ClassScope extends TypoAndInnocent {}

    @WawpMockTest(scope = ServerScope.METHOD)
    static class MethodScope extends TypoAndInnocent {}

    @WawpMockTest(scope = ServerScope.SHARED)
    static class SharedScope extends TypoAndInnocent {}

    @WawpMockTest
    static class NoTokenCase {
        @Test
        void callsWithoutAToken(URI baseUrl) throws Exception {
            post(baseUrl, "/v2/session/strat");
        }
    }

    private static EngineExecutionResults runConcurrently(Class<?> type) {
        typoCalled = new CountDownLatch(1);
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(type))
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "2")
                .execute();
    }

    private static String message(Event event) {
        return event.getPayload(TestExecutionResult.class)
                .orElseThrow()
                .getThrowable()
                .orElseThrow()
                .getMessage();
    }

    @ParameterizedTest
    @ValueSource(classes = {ClassScope.class, MethodScope.class, SharedScope.class})
    void anUnexpectedCallFailsOnlyTheTestThatMadeIt(Class<?> scope) {
        EngineExecutionResults results = runConcurrently(scope);

        results.testEvents().assertStatistics(s -> s.started(2).succeeded(1).failed(1));
        Event failed = results.testEvents().failed().list().get(0);
        assertThat(failed.getTestDescriptor().getDisplayName()).startsWith("typo(");
        assertThat(message(failed))
                .contains("typo(", "POST /v2/session/strat?instance_id=3EB0BCB2E3D4&access_token=wawp...");
        results.containerEvents().assertStatistics(s -> s.failed(0));
    }

    @Test
    void aCallWithoutATokenFailsTheClassNotATest() {
        EngineExecutionResults results = runConcurrently(NoTokenCase.class);

        results.testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
        List<Event> failed = results.containerEvents().failed().list();
        assertThat(failed).hasSize(1);
        assertThat(message(failed.get(0)))
                .contains("without an access token", "POST /v2/session/strat", "failOnUnexpectedCalls = false");
    }

    @Test
    void theExtensionsResourcesCloseWithoutJUnitsWarning() {
        List<String> warnings = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String text = String.valueOf(record.getMessage()) + Arrays.toString(record.getParameters());
                if (text.contains("WawpMockExtension")) {
                    synchronized (warnings) {
                        warnings.add(text);
                    }
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger logger = Logger.getLogger("org.junit.jupiter.engine.descriptor.AbstractExtensionContext");
        logger.addHandler(handler);
        try {
            runConcurrently(ClassScope.class);
        } finally {
            logger.removeHandler(handler);
        }

        assertThat(warnings)
                .as("JUnit's log about the extension's store resources")
                .isEmpty();
    }
}
