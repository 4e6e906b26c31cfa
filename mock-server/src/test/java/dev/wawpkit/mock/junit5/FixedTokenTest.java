package dev.wawpkit.mock.junit5;

import static dev.wawpkit.mock.junit5.WawpMockExtensionTest.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.wawpkit.mock.Endpoint;
import dev.wawpkit.mock.WawpMock;
import dev.wawpkit.mock.WawpMockServer;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** A fixed token: valid from the start, a clean share per test, refused to concurrent tests; static access. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FixedTokenTest {

    private static EngineExecutionResults run(Class<?> type, boolean parallel) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(type))
                .configurationParameter("junit.jupiter.execution.parallel.enabled", String.valueOf(parallel))
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "2")
                .execute();
    }

    private static List<String> failures(EngineExecutionResults results) {
        return results.allEvents().failed().list().stream()
                .map(e -> e.getPayload(TestExecutionResult.class)
                        .orElseThrow()
                        .getThrowable()
                        .orElseThrow()
                        .getMessage())
                .toList();
    }

    // ---- cases run by the tests below ----

    @WawpMockTest(token = "app-token", bootDelayMillis = -1)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class FixedTokenCase {
        @Test
        @Order(1)
        void leavesSessionsFaultsAndRequestsBehind(WawpMock mock, URI baseUrl, @WawpToken String token)
                throws Exception {
            assertThat(token).isEqualTo("app-token");
            assertThat(post(baseUrl, "/v2/session/create?access_token=app-token")
                            .statusCode())
                    .as("the fixed token is valid without any set-up")
                    .isEqualTo(200);
            mock.faults().onInfo().times(3).respond(502);
            mock.tokens().quota("app-token", 0);
            assertThat(mock.sessions()).hasSize(1);
        }

        @Test
        @Order(2)
        void startsWithACleanShareOfTheSameToken(WawpMock mock, URI baseUrl) throws Exception {
            assertThat(mock.token()).isEqualTo("app-token");
            assertThat(mock.sessions()).isEmpty();
            assertThat(mock.faults().list()).isEmpty();
            assertThat(mock.requests()).isEmpty();
            assertThat(post(baseUrl, "/v2/session/create?access_token=app-token")
                            .statusCode())
                    .as("the quota the test before set is gone")
                    .isEqualTo(200);
        }
    }

    @WawpMockTest(token = "app-token")
    @Execution(ExecutionMode.CONCURRENT)
    static class ConcurrentFixedTokenCase {
        @Test
        void first() throws InterruptedException {
            Thread.sleep(1500); // long enough for the other method to start meanwhile
        }

        @Test
        void second() throws InterruptedException {
            Thread.sleep(1500);
        }
    }

    @WawpMockTest
    static class ForTokenOnTheInjectedMockCase {
        @Test
        void composes(WawpMock mock, URI baseUrl) throws Exception {
            WawpMock other = mock.forToken("other-app-token");
            other.faults().onStart().respond(502);
            String created = post(baseUrl, "/v2/session/create?access_token=other-app-token")
                    .body();
            String id = created.replaceAll(".*\"instance_id\":\"(\\w+)\".*", "$1");

            assertThat(post(baseUrl, "/v2/session/start?instance_id=" + id + "&access_token=other-app-token")
                            .statusCode())
                    .isEqualTo(502);
            assertThat(other.sessions())
                    .singleElement()
                    .extracting(s -> s.instanceId())
                    .isEqualTo(id);
            assertThat(other.session(id).calls()).hasSize(2);
            assertThat(mock.sessions()).as("the test's own view").isEmpty();
            other.reset();
        }
    }

    static class StaticAccessCase {
        @RegisterExtension
        static WawpMockExtension wawp =
                WawpMockExtension.newInstance().token("app-token").quota(1).build();

        static URI seenBaseUrl;
        static String seenToken;
        static String seenMockToken;

        @BeforeAll
        static void wireTheApplication() {
            seenBaseUrl = wawp.baseUrl();
            seenToken = wawp.token();
            seenMockToken = wawp.mock().token();
        }

        @Test
        void theTestSeesWhatBeforeAllSaw(URI baseUrl, WawpMock mock) throws Exception {
            assertThat(seenBaseUrl).isEqualTo(baseUrl);
            assertThat(seenToken)
                    .isEqualTo("app-token")
                    .isEqualTo(seenMockToken)
                    .isEqualTo(mock.token());
            assertThat(post(baseUrl, "/v2/session/create?access_token=" + seenToken)
                            .statusCode())
                    .isEqualTo(200);
            assertThat(post(baseUrl, "/v2/session/create?access_token=" + seenToken)
                            .statusCode())
                    .as("the quota applies to the fixed token")
                    .isEqualTo(403);
            wawp.mock().verify(Endpoint.CREATE).times(2);
        }
    }

    static class PerTestTokenCase {
        @RegisterExtension
        static WawpMockExtension wawp = WawpMockExtension.newInstance().build();

        static Throwable tokenFailure;
        static WawpMock seenMock;

        @BeforeAll
        static void asksForAToken() {
            seenMock = wawp.mock();
            try {
                wawp.token();
            } catch (IllegalStateException e) {
                tokenFailure = e;
            }
        }

        @Test
        void runs() {}
    }

    static class MethodScopeCase {
        @RegisterExtension
        static WawpMockExtension wawp =
                WawpMockExtension.newInstance().scope(ServerScope.METHOD).build();

        static Throwable failure;

        @BeforeAll
        static void asksForTheUrl() {
            try {
                wawp.baseUrl();
            } catch (IllegalStateException e) {
                failure = e;
            }
        }

        @Test
        void runs() {}
    }

    // ---- the tests ----

    @Test
    void aFixedTokenIsValidFromTheStartAndEachTestGetsACleanShareOfIt() {
        run(FixedTokenCase.class, false)
                .testEvents()
                .assertStatistics(s -> s.started(2).succeeded(2));
    }

    @Test
    void concurrentTestsOnOneFixedTokenAreRefusedWithAFix() {
        EngineExecutionResults results = run(ConcurrentFixedTokenCase.class, true);

        results.testEvents().assertStatistics(s -> s.started(2).succeeded(1).failed(1));
        assertThat(failures(results))
                .singleElement()
                .asString()
                .contains(
                        "Expected one test at a time on the fixed token app-...",
                        "still uses it",
                        "@Execution(ExecutionMode.SAME_THREAD)")
                .containsAnyOf("first()", "second()")
                .doesNotContain("app-token");
    }

    @Test
    void theSameTestsOneAfterAnotherShareTheFixedToken() {
        run(ConcurrentFixedTokenCase.class, false)
                .testEvents()
                .assertStatistics(s -> s.started(2).succeeded(2));
    }

    @Test
    void aStaticExtensionGivesUrlTokenAndMockFromBeforeAllOn() {
        run(StaticAccessCase.class, false)
                .testEvents()
                .assertStatistics(s -> s.started(1).succeeded(1));

        assertThatThrownBy(() -> StaticAccessCase.wawp.baseUrl())
                .as("after the class")
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("from @BeforeAll on");
    }

    @Test
    void beforeTheClassStartsAccessIsRefusedWithAFix() {
        WawpMockExtension unstarted = WawpMockExtension.newInstance().build();

        assertThatThrownBy(unstarted::baseUrl)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Expected baseUrl() to be called from @BeforeAll on")
                .hasMessageContaining("@RegisterExtension static WawpMockExtension");
        assertThatThrownBy(unstarted::mock).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(unstarted::token).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withoutAFixedTokenTheStaticTokenIsRefusedAndTheMockIsTheServer() {
        run(PerTestTokenCase.class, false).testEvents().assertStatistics(s -> s.succeeded(1));

        assertThat(PerTestTokenCase.tokenFailure)
                .hasMessageContaining("gives each test its own token")
                .hasMessageContaining(".token(\"app-token\")");
        assertThat(PerTestTokenCase.seenMock).isInstanceOf(WawpMockServer.class);
    }

    @Test
    void methodScopeHasNoServerForTheClass() {
        run(MethodScopeCase.class, false).testEvents().assertStatistics(s -> s.succeeded(1));

        assertThat(MethodScopeCase.failure).hasMessageContaining("ServerScope.METHOD starts a fresh one per test");
    }

    @Test
    void forTokenOnTheInjectedMockReadsAndWritesTheOtherToken() {
        run(ForTokenOnTheInjectedMockCase.class, false)
                .testEvents()
                .assertStatistics(s -> s.started(1).succeeded(1));
    }

    @Test
    void aBlankFixedTokenIsRefused() {
        assertThatThrownBy(() -> WawpMockExtension.newInstance().token("app token"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("without spaces");
    }
}
