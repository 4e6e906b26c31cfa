package dev.wawpkit.mock.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.wawpkit.mock.SessionStatus;
import dev.wawpkit.mock.WawpMock;
import dev.wawpkit.mock.WawpMockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** What {@code @WawpMockTest} and {@code WawpMockExtension} give a test, run through the JUnit engine. */
class WawpMockExtensionTest {

    private static EngineExecutionResults run(Class<?>... classes) {
        var request = EngineTestKit.engine("junit-jupiter");
        for (Class<?> c : classes) {
            request.selectors(selectClass(c));
        }
        return request.execute();
    }

    private static String failureMessage(EngineExecutionResults results) {
        List<Event> failed = results.testEvents().failed().list();
        assertThat(failed).as("failed tests").hasSize(1);
        return failed.get(0)
                .getPayload(TestExecutionResult.class)
                .orElseThrow()
                .getThrowable()
                .orElseThrow()
                .getMessage();
    }

    static HttpResponse<String> post(URI base, String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(base.resolve(path))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    // ---- cases run by the tests below (not discovered on their own: nested static classes) ----

    @WawpMockTest
    static class InjectionCase {
        static final Set<String> tokens = new HashSet<>();

        @Test
        void injectsTheMockItsServerItsUrlAndItsToken(
                WawpMock mock, WawpMockServer server, URI baseUrl, @WawpToken String token) throws Exception {
            assertThat(baseUrl).isEqualTo(server.baseUrl()).isEqualTo(mock.baseUrl());
            assertThat(mock.token()).isEqualTo(token).startsWith("wawp-test-");
            assertThat(post(baseUrl, "/v2/session/create?access_token=" + token).statusCode())
                    .isEqualTo(200);
            assertThat(mock.sessions()).hasSize(1);
            tokens.add(token);
        }

        @Test
        void eachTestHasItsOwnTokenAndStartsEmpty(WawpMock mock, @WawpToken String token) {
            assertThat(mock.sessions()).isEmpty();
            mock.seedSession().status(SessionStatus.WORKING).create();
            tokens.add(token);
        }
    }

    @WawpMockTest
    static class UnexpectedCallCase {
        @Test
        void callsAPathTheMockDoesNotServe(URI baseUrl, @WawpToken String token) throws Exception {
            post(baseUrl, "/v2/session/strat?instance_id=3EB0BCB2E3D4&access_token=" + token);
        }
    }

    @WawpMockTest(failOnUnexpectedCalls = false)
    static class UnexpectedCallAllowedCase {
        @Test
        void callsAPathTheMockDoesNotServe(URI baseUrl) throws Exception {
            post(baseUrl, "/v2/session/strat");
        }
    }

    @WawpMockTest(scope = ServerScope.METHOD)
    static class PerMethodCase {
        static final Set<Integer> ports = new HashSet<>();

        @Test
        void one(WawpMockServer server) {
            ports.add(server.port());
        }

        @Test
        void two(WawpMockServer server) {
            ports.add(server.port());
        }
    }

    @WawpMockTest(scope = ServerScope.SHARED, bootDelayMillis = -1)
    static class SharedCaseA {
        static int port;

        @Test
        void recordsThePort(WawpMockServer server) {
            port = server.port();
        }
    }

    @WawpMockTest(scope = ServerScope.SHARED, bootDelayMillis = -1)
    static class SharedCaseB {
        static int port;

        @Test
        void recordsThePort(WawpMockServer server) {
            port = server.port();
        }
    }

    @WawpMockTest(quota = 1, bootDelayMillis = -1)
    static class QuotaAndManualBootCase {
        @Test
        void theTestTokenHasTheQuotaAndSessionsStayStarting(WawpMock mock, URI baseUrl, @WawpToken String token)
                throws Exception {
            String created =
                    post(baseUrl, "/v2/session/create?access_token=" + token).body();
            assertThat(post(baseUrl, "/v2/session/create?access_token=" + token).statusCode())
                    .isEqualTo(403);
            String id = created.replaceAll(".*\"instance_id\":\"(\\w+)\".*", "$1");
            post(baseUrl, "/v2/session/start?instance_id=" + id + "&access_token=" + token);
            Thread.sleep(600);
            assertThat(mock.session(id).status()).isEqualTo(SessionStatus.STARTING);
        }
    }

    static class ProgrammaticCase {
        @RegisterExtension
        static WawpMockExtension wawp =
                WawpMockExtension.newInstance().manualBoot().quota(0).build();

        @Test
        void theBuilderConfiguresTheServer(URI baseUrl, @WawpToken String token) throws Exception {
            assertThat(post(baseUrl, "/v2/session/create?access_token=" + token).statusCode())
                    .isEqualTo(403);
        }
    }

    static class NoTokenOutsideATestCase {
        @RegisterExtension
        static WawpMockExtension wawp = WawpMockExtension.newInstance().build();

        @BeforeAll
        static void wantsAToken(@WawpToken String token) {}

        @Test
        void neverRuns() {}
    }

    // ---- the tests ----

    @Test
    void injectsAndIsolatesEachTest() {
        InjectionCase.tokens.clear();

        run(InjectionCase.class).testEvents().assertStatistics(s -> s.started(2).succeeded(2));

        assertThat(InjectionCase.tokens).hasSize(2);
    }

    @Test
    void aCallToAnUnservedPathFailsTheTestNamingTheNearestEndpoint() {
        String message = failureMessage(run(UnexpectedCallCase.class));

        assertThat(message)
                .contains(
                        "Expecting only calls the Wawp mock serves",
                        "POST /v2/session/strat?instance_id=3EB0BCB2E3D4&access_token=wawp...",
                        "did you mean POST|GET /v2/session/start?",
                        "failOnUnexpectedCalls = false");
    }

    @Test
    void theUnexpectedCallCheckCanBeTurnedOff() {
        run(UnexpectedCallAllowedCase.class)
                .testEvents()
                .assertStatistics(s -> s.succeeded(1).failed(0));
    }

    @Test
    void methodScopeGivesEachTestAFreshServer() {
        PerMethodCase.ports.clear();

        run(PerMethodCase.class).testEvents().assertStatistics(s -> s.succeeded(2));

        assertThat(PerMethodCase.ports).hasSize(2);
    }

    @Test
    void sharedScopeGivesClassesOneServer() {
        run(SharedCaseA.class, SharedCaseB.class).testEvents().assertStatistics(s -> s.succeeded(2));

        assertThat(SharedCaseA.port).isPositive().isEqualTo(SharedCaseB.port);
    }

    @Test
    void theAnnotationSetsQuotaAndManualBoot() {
        run(QuotaAndManualBootCase.class)
                .testEvents()
                .assertStatistics(s -> s.succeeded(1).failed(0));
    }

    @Test
    void theProgrammaticExtensionIsConfiguredByItsBuilder() {
        run(ProgrammaticCase.class)
                .testEvents()
                .assertStatistics(s -> s.succeeded(1).failed(0));
    }

    @Test
    void aTokenOutsideATestIsRefusedWithAFix() {
        EngineExecutionResults results = run(NoTokenOutsideATestCase.class);

        Throwable error = results.containerEvents()
                .failed()
                .list()
                .get(0)
                .getPayload(TestExecutionResult.class)
                .orElseThrow()
                .getThrowable()
                .orElseThrow();
        assertThat(error).hasMessageContaining("Expected @WawpToken on a test").hasMessageContaining("Move it");
    }
}
