package dev.wawpkit.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wawpkit.mock.junit5.ServerScope;
import dev.wawpkit.mock.junit5.WawpMockTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every method of the fluent Java API, run against an in-process server and, through the HTTP
 * control API, against the same server as a remote client would see it.
 */
// A mock per test, as before; aTokenScopeSeesAndResetsOnlyItsShare calls a path it does not serve on purpose.
@WawpMockTest(
        scope = ServerScope.METHOD,
        token = FluentApiContract.TOKEN,
        bootDelayMillis = -1,
        failOnUnexpectedCalls = false)
abstract class FluentApiContract {
    static final String TOKEN = "fluent-token-1";
    WawpMockServer server;
    WawpMock mock;

    /** Returns the API under test for the running server. */
    abstract WawpMock api(WawpMockServer server);

    @BeforeEach
    void start(WawpMockServer server) {
        this.server = server;
        mock = api(server);
    }

    @Test
    void seedSessionSetsEveryField() {
        MockSession s = mock.seedSession()
                .token(TOKEN)
                .instanceId("FLUENT000001")
                .status(SessionStatus.STOPPED)
                .loggedIn(true)
                .create();

        assertThat(s.instanceId()).isEqualTo("FLUENT000001");
        assertThat(s.status()).isEqualTo(SessionStatus.STOPPED);
        assertThat(s.loggedIn()).isTrue();
        assertThat(s.tokenHint()).isEqualTo("flue...");
        assertThat(mock.sessions()).extracting(MockSession::instanceId).containsExactly("FLUENT000001");
    }

    @Test
    void seedSessionDefaultsToTheMocksTokenAndStopped() {
        MockSession s = mock.seedSession().create();

        assertThat(s.instanceId()).matches("[A-Z0-9]{12}");
        assertThat(s.status()).isEqualTo(SessionStatus.STOPPED);
        assertThat(Calls.info(server, s.instanceId(), mock.token()).status()).isEqualTo(200);
    }

    @Test
    void sessionHandleReadsMovesAndListsCalls() {
        String id = Calls.createdId(server, TOKEN);
        Calls.start(server, id, TOKEN);
        SessionHandle handle = mock.session(id);

        assertThat(handle.instanceId()).isEqualTo(id);
        assertThat(handle.status()).isEqualTo(SessionStatus.STARTING);
        assertThat(handle.moveTo(SessionStatus.WORKING).loggedIn()).isTrue();
        assertThat(handle.moveTo(SessionStatus.FAILED, true).loggedIn()).isTrue();
        assertThat(handle.get().status()).isEqualTo(SessionStatus.FAILED);
        assertThat(handle.calls()).extracting(RecordedCall::endpoint).containsExactly(Endpoint.CREATE, Endpoint.START);
        assertThat(handle.calls().get(1).url()).endsWith("access_token=flue...");
    }

    @Test
    void refusalsCarryTheControlApiStatusAndCode() {
        String id = Calls.createdId(server, TOKEN);

        assertThatThrownBy(() -> mock.session(id).moveTo(SessionStatus.WORKING))
                .isInstanceOfSatisfying(WawpMockException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(409);
                    assertThat(e.code()).isEqualTo("illegal_transition");
                });
        assertThatThrownBy(() -> mock.session("NOSUCHSESSN1").get())
                .isInstanceOfSatisfying(
                        WawpMockException.class, e -> assertThat(e.httpStatus()).isEqualTo(404));
    }

    @Test
    void faultsArmListAndClearWithEveryScope() {
        String id = Calls.createdId(server, TOKEN);
        mock.faults()
                .on(Endpoint.INFO)
                .session(id)
                .token(TOKEN)
                .times(2)
                .after(Duration.ofMillis(1))
                .respond(502, Format.XML);
        mock.faults().onInfo().respond(500);
        mock.faults().onStart().resetConnection();
        mock.faults().onCreate().emptyResponse();
        mock.faults().onStart().delay(Duration.ofMillis(10));
        mock.faults().arm(new FaultRule(Endpoint.CREATE, null, TOKEN, Fault.httpError(403, Format.JSON), null, 1));

        assertThat(mock.faults().list()).hasSize(6);
        assertThat(mock.faults().list().get(0)).satisfies(r -> {
            assertThat(r.instanceId()).isEqualTo(id);
            assertThat(r.times()).isEqualTo(2);
            assertThat(r.fault()).isEqualTo(Fault.httpError(502, Format.XML));
        });
        assertThat(Calls.info(server, id, TOKEN).status()).isEqualTo(502);
        assertThatThrownBy(() -> Http.to(server, "/v2/session/start?instance_id=" + id + "&access_token=" + TOKEN)
                        .sendOrThrow())
                .isInstanceOf(IOException.class);

        mock.faults().clear();
        assertThat(mock.faults().list()).isEmpty();
        assertThat(Calls.info(server, id, TOKEN).status()).isEqualTo(200);
    }

    @Test
    void tokensSetQuotasAndList() {
        assertThat(mock.tokens().quota("quota-token-1", 1).remaining()).isEqualTo(1);
        assertThat(mock.tokens().unlimited("free-token-2").quota()).isNull();
        assertThat(mock.tokens().list()).extracting(TokenQuota::tokenHint).contains("quot...", "free...", "flue...");

        assertThat(Calls.create(server, "quota-token-1").status()).isEqualTo(200);
        assertThat(Calls.create(server, "quota-token-1").status()).isEqualTo(403);
    }

    @Test
    void unexpectedCallsAreListedAndTaken() {
        Http.to(server, "/v2/session/strat?access_token=" + TOKEN).send();

        assertThat(mock.unexpectedCalls()).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(404);
            assertThat(c.url()).isEqualTo("/v2/session/strat?access_token=flue...");
            assertThat(c.nearest()).isEqualTo("POST|GET /v2/session/start");
        });
        assertThat(mock.takeUnexpectedCalls()).hasSize(1);
        assertThat(mock.unexpectedCalls()).isEmpty();
    }

    @Test
    void aTokenScopeSeesAndResetsOnlyItsShare() {
        WawpMock mine = mock.forToken("scope-token-1");
        WawpMock theirs = mock.forToken("scope-token-2");
        String myId = mine.seedSession().create().instanceId();
        String theirId =
                theirs.seedSession().status(SessionStatus.WORKING).create().instanceId();
        mine.faults().onInfo().respond(502);
        Http.to(server, "/v2/nope?access_token=scope-token-2").send();

        assertThat(mine.token()).isEqualTo("scope-token-1");
        assertThat(mine.sessions()).extracting(MockSession::instanceId).containsExactly(myId);
        assertThat(Calls.info(server, theirId, "scope-token-2").status())
                .as("my fault spares their calls")
                .isEqualTo(200);
        assertThat(Calls.info(server, myId, "scope-token-1").status()).isEqualTo(502);
        assertThat(mine.unexpectedCalls()).isEmpty();
        assertThat(theirs.unexpectedCalls()).hasSize(1);
        assertThatThrownBy(() -> mine.session(theirId).get())
                .isInstanceOf(WawpMockException.class)
                .hasMessageContaining("belongs to another token");

        mine.reset();

        assertThat(mine.sessions()).isEmpty();
        assertThat(theirs.sessions()).hasSize(1);
        assertThat(theirs.unexpectedCalls()).hasSize(1);
    }

    @Test
    void resetForgetsEverything() {
        mock.seedSession().create();
        mock.faults().onCreate().respond(500);

        mock.reset();

        assertThat(mock.sessions()).isEmpty();
        assertThat(mock.faults().list()).isEmpty();
    }
}

class InProcessFluentApiTest extends FluentApiContract {
    @Override
    WawpMock api(WawpMockServer server) {
        return server;
    }
}

class RemoteFluentApiTest extends FluentApiContract {
    @Override
    WawpMock api(WawpMockServer server) {
        return WawpMockClient.connect(server.baseUrl(), TOKEN);
    }

    @Test
    void theFirstCallToNothingFailsWithAFix() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + port);

        assertThatThrownBy(() -> WawpMockClient.connect(nowhere).sessions())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Cannot reach the Wawp mock's control API at " + nowhere)
                .hasMessageContaining("java -jar mock-server/target/wawp-mock-server.jar --port " + port);
    }
}
