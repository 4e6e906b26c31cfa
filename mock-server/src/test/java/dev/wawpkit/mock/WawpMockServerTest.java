package dev.wawpkit.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.WireMock;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Starting, stopping and describing an embedded mock. */
class WawpMockServerTest {

    @Test
    void aNewServerListensOnAFreeLoopbackPort() {
        try (WawpMockServer mock = WawpMockServer.builder().build().start()) {
            assertThat(mock.port()).isPositive();
            assertThat(mock.baseUrl().toString()).isEqualTo("http://127.0.0.1:" + mock.port());
            assertThat(Calls.create(mock, WawpMockServer.DEFAULT_TOKEN).status())
                    .isEqualTo(200);
        }
    }

    @Test
    void twoServersRunSideBySideWithSeparateState() {
        try (WawpMockServer a = WawpMockServer.builder().build().start();
                WawpMockServer b = WawpMockServer.builder().build().start()) {
            Calls.create(a, WawpMockServer.DEFAULT_TOKEN);

            assertThat(a.port()).isNotEqualTo(b.port());
            assertThat(a.sessions()).hasSize(1);
            assertThat(b.sessions()).isEmpty();
        }
    }

    @Test
    void startingAndClosingTwiceIsHarmless() {
        WawpMockServer mock = WawpMockServer.builder().build();

        assertThat(mock.start()).isSameAs(mock.start());
        mock.close();
        mock.close();

        assertThat(mock.isRunning()).isFalse();
    }

    @Test
    void toStringShowsNewRunningAndClosed() {
        WawpMockServer mock = WawpMockServer.builder().build();
        assertThat(mock).hasToString("WawpMockServer{new}");

        mock.start();
        assertThat(mock).hasToString("WawpMockServer{running at http://127.0.0.1:" + mock.port() + "}");

        mock.close();
        assertThat(mock).hasToString("WawpMockServer{closed}");
    }

    @Test
    void portBeforeStartFailsFastWithAFix() {
        WawpMockServer mock = WawpMockServer.builder().build();

        assertThatThrownBy(mock::port)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("call start() first");
    }

    @Test
    void aClosedServerCannotBeRestarted() {
        WawpMockServer mock = WawpMockServer.builder().build().start();
        mock.close();

        assertThatThrownBy(mock::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("build a new one");
    }

    @Test
    void aTakenPortFailsWithAMessageNamingTheFix() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            WawpMockServer mock =
                    WawpMockServer.builder().port(taken.getLocalPort()).build();

            assertThatThrownBy(mock::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Pick another port");
        }
    }

    @Test
    void builderRefusesBadValuesWithTheExpectedRange() {
        assertThatThrownBy(() -> WawpMockServer.builder().port(70000)).hasMessageContaining("0 to 65535");
        assertThatThrownBy(() -> WawpMockServer.builder().quota(-2)).hasMessageContaining("0 or more");
        assertThatThrownBy(() -> WawpMockServer.builder().token("has space")).hasMessageContaining("printable ASCII");
        assertThatThrownBy(() -> WawpMockServer.builder().bootDelay(Duration.ofMillis(-1)))
                .hasMessageContaining("0 or more");
    }

    @Test
    void theWireMockEscapeHatchServesExtraStubs() {
        try (WawpMockServer mock = WawpMockServer.builder().build().start()) {
            mock.wireMock().stubFor(WireMock.get("/health").atPriority(1).willReturn(WireMock.ok("up")));

            assertThat(Http.to(mock, "/health").method("GET").send().body()).isEqualTo("up");
        }
    }

    @Test
    void unknownTokensAreRefusedAndTheDefaultTokenIsOnlyValidWhenNoneIsConfigured() {
        try (WawpMockServer mock =
                WawpMockServer.builder().token("my-token-1").build().start()) {
            assertThat(Calls.create(mock, WawpMockServer.DEFAULT_TOKEN).status())
                    .isEqualTo(401);
            assertThat(Calls.create(mock, "my-token-1").status()).isEqualTo(200);
            assertThat(mock.token()).isEqualTo("my-token-1");
        }
    }

    @Test
    void beyondTheSessionLimitTheOldestSessionsAreForgotten() {
        try (WawpMockServer mock =
                WawpMockServer.builder().maxSessions(3).build().start()) {
            String first = Calls.createdId(mock, WawpMockServer.DEFAULT_TOKEN);
            String second = Calls.createdId(mock, WawpMockServer.DEFAULT_TOKEN);
            Calls.createdId(mock, WawpMockServer.DEFAULT_TOKEN);
            Http.to(mock, "/v2/session/delete?instance_id=" + second + "&access_token=" + WawpMockServer.DEFAULT_TOKEN)
                    .method("DELETE")
                    .send();
            Calls.createdId(mock, WawpMockServer.DEFAULT_TOKEN);
            assertThat(mock.sessions())
                    .hasSize(3)
                    .extracting(MockSession::instanceId)
                    .contains(first);

            Calls.createdId(mock, WawpMockServer.DEFAULT_TOKEN);

            assertThat(mock.sessions())
                    .hasSize(3)
                    .extracting(MockSession::instanceId)
                    .doesNotContain(first);
            assertThat(Calls.info(mock, first, WawpMockServer.DEFAULT_TOKEN).status())
                    .isEqualTo(404);
        }
    }
}
