package dev.wawpkit.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wawpkit.mock.Endpoint;
import dev.wawpkit.mock.SessionStatus;
import dev.wawpkit.mock.WawpMock;
import dev.wawpkit.mock.junit5.WawpMockTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The extension as a consumer uses it, on the JUnit version of this module: a mock per class, a
 * token per test, parameter injection into tests, parameterized tests and nested classes, with
 * the module's classes running in parallel.
 */
@WawpMockTest(bootDelayMillis = -1)
class ExtensionOnThisJUnitTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static HttpResponse<String> post(URI server, String pathAndQuery) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(server + pathAndQuery))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void runsOnTheJUnitVersionOfThisModule() {
        assertThat(Test.class.getPackage().getImplementationVersion())
                .as("junit-jupiter-api on the test class path")
                .isEqualTo(System.getProperty("compat.junit.version"));
    }

    @Test
    void aTestGetsAMockWithItsOwnToken(WawpMock mock) throws Exception {
        HttpResponse<String> created = post(mock.baseUrl(), "/v2/session/create?access_token=" + mock.token());

        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        assertThat(mock.sessions())
                .singleElement()
                .satisfies(s -> assertThat(s.status()).isEqualTo(SessionStatus.STOPPED));
        mock.verify(Endpoint.CREATE).times(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void eachInvocationStartsWithNothing(int creates, WawpMock mock) throws Exception {
        mock.verify(Endpoint.CREATE).never();
        for (int i = 0; i < creates; i++) {
            post(mock.baseUrl(), "/v2/session/create?access_token=" + mock.token());
        }
        mock.verify(Endpoint.CREATE).times(creates);
    }

    @Nested
    class InANestedClass {
        @Test
        void theMockIsThereToo(WawpMock mock) throws Exception {
            assertThat(post(mock.baseUrl(), "/v2/session/create?access_token=not-" + mock.token())
                            .statusCode())
                    .isEqualTo(401);
            mock.verify(Endpoint.CREATE).never(); // the wrong token's call is not this test's
        }
    }
}
