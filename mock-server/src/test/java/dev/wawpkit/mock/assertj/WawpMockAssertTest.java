package dev.wawpkit.mock.assertj;

import static dev.wawpkit.mock.Endpoint.CREATE;
import static dev.wawpkit.mock.Endpoint.INFO;
import static dev.wawpkit.mock.Endpoint.START;
import static dev.wawpkit.mock.assertj.WawpMockAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wawpkit.mock.SessionStatus;
import dev.wawpkit.mock.WawpMockServer;
import dev.wawpkit.mock.junit5.WawpMockTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The assertions pass on what happened, and fail with expected, actual and the calls received. */
@WawpMockTest(token = WawpMockAssertTest.TOKEN, bootDelayMillis = -1)
class WawpMockAssertTest {
    static final String TOKEN = "assert-token-1";

    private final WawpMockServer mock;
    private String id;

    WawpMockAssertTest(WawpMockServer mock) {
        this.mock = mock;
    }

    @BeforeEach
    void createAndStart() throws Exception {
        String created = post("/v2/session/create?access_token=" + TOKEN);
        id = created.replaceAll(".*\"instance_id\":\"(\\w+)\".*", "$1");
        post("/v2/session/start?instance_id=" + id + "&access_token=" + TOKEN);
    }

    private String post(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(mock.baseUrl() + path))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    @Test
    void passingAssertionsChain() {
        assertThat(mock).hasSessionCount(1).hasNoUnexpectedCalls();
        assertThat(mock)
                .session(id)
                .hasStatus(SessionStatus.STARTING)
                .isNotLoggedIn()
                .receivedCallsInOrder(CREATE, START);
        assertThat(mock).receivedCalls(START).forSession(id).hasSize(1).allAnsweredWith(200);
        assertThat(mock).receivedCalls(INFO).isNone();
        mock.session(id).moveTo(SessionStatus.WORKING);
        assertThat(mock).session(id).isLoggedIn();
    }

    @Test
    void aWrongStatusShowsExpectedActualAndTheCalls() {
        assertThatThrownBy(() -> assertThat(mock).session(id).hasStatus(SessionStatus.WORKING))
                .isInstanceOf(AssertionError.class)
                .hasMessage(
                        "Expecting session %s to have status:%n  WORKING%nbut was:%n  STARTING%n"
                                + "Calls it received:%n  POST /v2/session/create?access_token=asse... -> 200%n"
                                + "  POST /v2/session/start?instance_id=%s&access_token=asse... -> 200",
                        id, id);
    }

    @Test
    void aWrongCallCountShowsTheCallsTheMockReceived() {
        assertThatThrownBy(() ->
                        assertThat(mock).receivedCalls(START).forSession(id).hasSize(2))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting start calls to /v2/session/start of session " + id
                        + ":%n  2%nbut got:%n  1".formatted())
                .hasMessageContaining("Calls the mock received:")
                .hasMessageContaining("POST /v2/session/start?instance_id=" + id + "&access_token=asse... -> 200");
    }

    @Test
    void aWrongOrderShowsBothOrders() {
        assertThatThrownBy(() -> assertThat(mock).session(id).receivedCallsInOrder(START, CREATE))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(
                        "to have received, in order:%n  [START, CREATE]%nbut it received:%n  [CREATE, START]"
                                .formatted());
    }

    @Test
    void anUnknownSessionListsTheSessionsThereAre() {
        assertThatThrownBy(() -> assertThat(mock).session("NOSUCHSESSN1"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(
                        "Expecting the mock to hold session:%n  NOSUCHSESSN1%nbut it holds:%n  %s STARTING"
                                .formatted(id));
    }

    @Test
    void failingStatusAndCountAndLoginChecksFail() throws Exception {
        post("/v2/session/strat");

        assertThatThrownBy(() -> assertThat(mock).hasNoUnexpectedCalls())
                .hasMessageContaining("POST /v2/session/strat -> 404 (did you mean POST|GET /v2/session/start?)");
        assertThatThrownBy(() -> assertThat(mock).hasSessionCount(2)).hasMessageContaining("2 sessions");
        assertThatThrownBy(() -> assertThat(mock).session(id).isLoggedIn()).hasMessageContaining("keep a login");
        assertThatThrownBy(() -> assertThat(mock).receivedCalls(START).allAnsweredWith(502))
                .hasMessageContaining(
                        "Expecting every start call of all sessions to be answered with:%n  502".formatted());
        mock.takeUnexpectedCalls();
    }
}
