package dev.wawpkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wawpkit.mock.junit5.WawpMockTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every route of the HTTP control API under {@code /__admin/wawp}, and its one error format. */
@WawpMockTest(token = ControlApiTest.TOKEN, bootDelayMillis = -1)
class ControlApiTest {
    static final String TOKEN = "control-token-1";

    private final WawpMockServer mock;

    ControlApiTest(WawpMockServer mock) {
        this.mock = mock;
    }

    @BeforeEach
    void reset() {
        mock.reset(); // the whole server: these tests seed sessions and tokens beyond TOKEN
    }

    private Http.Response admin(String method, String path, String json) {
        Http http = Http.to(mock, "/__admin/wawp" + path).method(method);
        return (json == null ? http : http.json(json)).send();
    }

    @Test
    void seedingASessionStoresItWithTheGivenFieldsAndMasksTheToken() {
        Http.Response r = admin(
                "POST",
                "/sessions",
                "{\"access_token\": \"" + TOKEN + "\", \"instance_id\": "
                        + "\"3EB0BCB2E3D4\", \"status\": \"SCAN_QR_CODE\", \"logged_in\": false}");

        assertThat(r.status()).isEqualTo(201);
        JsonNode s = r.json();
        assertThat(s.get("instance_id").asText()).isEqualTo("3EB0BCB2E3D4");
        assertThat(s.get("status").asText()).isEqualTo("SCAN_QR_CODE");
        assertThat(s.get("access_token").asText()).isEqualTo("cont...");
        assertThat(r.body()).doesNotContain(TOKEN);
        assertThat(Calls.info(mock, "3EB0BCB2E3D4", TOKEN).json().get("status").asText())
                .isEqualTo("SCAN_QR_CODE");
    }

    @Test
    void seedingForANewTokenMakesTheTokenValid() {
        admin("POST", "/sessions", "{\"access_token\": \"fresh-token-7\", \"instance_id\": \"FRESH0000001\"}");

        assertThat(Calls.info(mock, "FRESH0000001", "fresh-token-7").status()).isEqualTo(200);
    }

    @Test
    void listingSessionsShowsAllOrOneTokens() {
        mock.seedSession().token(TOKEN).create();
        mock.seedSession().token("other-token-2").create();

        assertThat(admin("GET", "/sessions", null).json().get("sessions")).hasSize(2);
        JsonNode mine = Http.to(mock, "/__admin/wawp/sessions?access_token=" + TOKEN)
                .method("GET")
                .send()
                .json();
        assertThat(mine.get("sessions")).hasSize(1);
        assertThat(mine.get("sessions").get(0).get("access_token").asText()).isEqualTo("cont...");
    }

    @Test
    void readingOneSessionShowsItsCurrentStatus() {
        String id = mock.seedSession()
                .token(TOKEN)
                .status(SessionStatus.WORKING)
                .create()
                .instanceId();

        JsonNode s = admin("GET", "/sessions/" + id, null).json();

        assertThat(s.get("status").asText()).isEqualTo("WORKING");
        assertThat(s.get("logged_in").asBoolean()).isTrue();
    }

    @Test
    void movingASessionChangesWhatTheApiShows() {
        String id = mock.seedSession()
                .token(TOKEN)
                .status(SessionStatus.SCAN_QR_CODE)
                .create()
                .instanceId();

        Http.Response r = admin("POST", "/sessions/" + id + "/status", "{\"status\": \"WORKING\"}");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").asText()).isEqualTo("WORKING");
        assertThat(Calls.info(mock, id, TOKEN).json().get("status").asText()).isEqualTo("WORKING");
    }

    @Test
    void anIllegalMoveIsRefusedWith409AndAReason() {
        String id = mock.seedSession().token(TOKEN).create().instanceId();

        Http.Response r = admin("POST", "/sessions/" + id + "/status", "{\"status\": \"WORKING\"}");

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("error").asText()).isEqualTo("illegal_transition");
        assertThat(r.json().get("message").asText()).contains("STOPPED", "WORKING", "STARTING");
        assertThat(mock.session(id).status()).isEqualTo(SessionStatus.STOPPED);
    }

    @Test
    void callsAreListedOldestFirstWithTokensMasked() {
        String id = Calls.createdId(mock, TOKEN);
        Calls.start(mock, id, TOKEN);
        Calls.info(mock, id, TOKEN);

        Http.Response r = admin("GET", "/sessions/" + id + "/calls", null);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("calls"))
                .extracting(c -> c.get("endpoint").asText())
                .containsExactly("create", "start", "info");
        assertThat(r.json().get("calls").get(1).get("url").asText())
                .isEqualTo("/v2/session/start?instance_id=" + id + "&access_token=cont...");
        assertThat(r.body()).doesNotContain(TOKEN);
    }

    @Test
    void aFaultIsArmedListedAndCleared() {
        Http.Response armed = admin(
                "POST",
                "/faults",
                "{\"endpoint\": \"start\", \"status\": 502, \"format\": \"xml\", " + "\"times\": 2}");

        assertThat(armed.status()).isEqualTo(201);
        assertThat(armed.json().get("times").asInt()).isEqualTo(2);
        assertThat(admin("GET", "/faults", null).json().get("faults")).hasSize(1);
        Http.Response cleared = admin("DELETE", "/faults", null);
        assertThat(cleared.json().get("faults")).isEmpty();
        assertThat(mock.faults().list()).isEmpty();
    }

    @Test
    void puttingATokenSetsItsQuota() {
        Http.Response r = admin("PUT", "/tokens/quota-token-3", "{\"quota\": 1}");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("remaining").asInt()).isEqualTo(1);
        assertThat(r.json().get("access_token").asText()).isEqualTo("quot...");
        assertThat(Calls.create(mock, "quota-token-3").status()).isEqualTo(200);
        assertThat(Calls.create(mock, "quota-token-3").status()).isEqualTo(403);
        assertThat(admin("GET", "/tokens", null).body()).doesNotContain("quota-token-3");
    }

    @Test
    void resetForgetsSessionsFaultsAndAddedTokens() {
        mock.seedSession().token("added-token-4").create();
        mock.faults().onStart().respond(502);

        Http.Response r = admin("POST", "/reset", null);

        assertThat(r.status()).isEqualTo(200);
        assertThat(mock.sessions()).isEmpty();
        assertThat(mock.faults().list()).isEmpty();
        assertThat(Calls.create(mock, "added-token-4").status()).isEqualTo(401);
        assertThat(Calls.create(mock, TOKEN).status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3} {4}")
    @CsvSource(
            delimiter = '|',
            value = {
                "POST | /sessions | {\"state\": \"WORKING\"} | 400 | unknown_field",
                "POST | /sessions | {\"status\": \"WORKING\"} | 400 | missing_token",
                "POST | /sessions | {\"access_token\": \"t-12345\", \"status\": \"RUNNING\"} | 400 | unknown_status",
                "POST | /sessions | {\"access_token\": \"t-12345\", \"logged_in\": \"yes\"} | 400 | invalid_field",
                "POST | /sessions | {\"access_token\": \"t-12345\", \"instance_id\": \"short\"} | 400 | invalid_instance_id",
                "POST | /sessions | {\"access_token\": 5} | 400 | invalid_field",
                "POST | /sessions | [1, 2] | 400 | malformed_json",
                "POST | /sessions | {\"access_token\": | 400 | malformed_json",
                "GET | /sessions/NOSUCHSESSN1 | | 404 | session_not_found",
                "POST | /sessions/NOSUCHSESSN1/status | {\"status\": \"WORKING\"} | 404 | session_not_found",
                "GET | /sessions/NOSUCHSESSN1/calls | | 404 | session_not_found",
                "POST | /faults | {} | 400 | missing_endpoint",
                "POST | /faults | {\"endpoint\": \"stat\", \"status\": 502} | 400 | unknown_endpoint",
                "POST | /faults | {\"endpoint\": \"start\"} | 400 | missing_fault",
                "POST | /faults | {\"endpoint\": \"start\", \"status\": 418} | 400 | undocumented_fault",
                "POST | /faults | {\"endpoint\": \"start\", \"status\": 500, \"format\": \"xml\"} | 400 | undocumented_fault",
                "POST | /faults | {\"endpoint\": \"create\", \"status\": 404} | 400 | undocumented_fault",
                "POST | /faults | {\"endpoint\": \"start\", \"status\": 502, \"format\": \"yaml\"} | 400 | unknown_format",
                "POST | /faults | {\"endpoint\": \"start\", \"fault\": \"TIMEOUT\"} | 400 | unknown_fault",
                "POST | /faults | {\"endpoint\": \"start\", \"status\": 502, \"fault\": \"CONNECTION_RESET\"} | 400 | ambiguous_fault",
                "POST | /faults | {\"endpoint\": \"start\", \"status\": 502, \"times\": 0} | 400 | invalid_times",
                "POST | /faults | {\"endpoint\": \"start\", \"delay_ms\": -5} | 400 | invalid_delay",
                "POST | /faults | {\"endpoint\": \"create\", \"status\": 500, \"instance_id\": \"3EB0BCB2E3D4\"} | 400 | invalid_fault_scope",
                "PUT | /tokens/t-12345 | {\"quota\": -1} | 400 | invalid_quota",
                "PUT | /tokens/t-12345 | {\"quota\": 1.5} | 400 | invalid_field",
                "PATCH | /requests | | 405 | method_not_allowed",
                "PUT | /sessions | | 405 | method_not_allowed",
                "POST | /tokens | {} | 405 | method_not_allowed",
                "DELETE | /reset | | 405 | method_not_allowed",
                "GET | /nothing | | 404 | unknown_control_route",
                "GET | /sessions/NOSUCHSESSN1/nothing | | 404 | unknown_control_route",
                "GET | /requests?acces_token=x | | 400 | unknown_query_parameter",
                "GET | /requests?limit=1&limit=2 | | 400 | repeated_query_parameter",
                "GET | /requests?endpoint=CREATE | | 400 | unknown_endpoint",
                "GET | /faults?access_token=x | | 400 | unknown_query_parameter",
                "POST | /reset?token=x | | 400 | unknown_query_parameter"
            })
    void badControlRequestsGetOneJsonErrorFormat(String method, String path, String body, int status, String code) {
        int before = mock.sessions().size();

        Http.Response r = admin(method, path, body);

        assertThat(r.status()).isEqualTo(status);
        assertThat(r.mediaType()).isEqualTo("application/json");
        assertThat(r.json().get("error").asText()).isEqualTo(code);
        assertThat(r.json().get("status").asInt()).isEqualTo(status);
        assertThat(r.json().get("message").asText()).startsWith("Expected").doesNotContain("Exception");
        assertThat(mock.sessions()).hasSize(before);
        assertThat(mock.faults().list()).isEmpty();
    }

    @Test
    void seedingATakenInstanceIdIsRefusedWith409AndKeepsTheFirstSession() {
        mock.seedSession()
                .token(TOKEN)
                .instanceId("TAKEN0000001")
                .status(SessionStatus.WORKING)
                .create();

        Http.Response r =
                admin("POST", "/sessions", "{\"access_token\": \"t-12345\", \"instance_id\": \"TAKEN0000001\"}");

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("error").asText()).isEqualTo("session_exists");
        assertThat(mock.session("TAKEN0000001").get().tokenHint()).isEqualTo("cont...");
        assertThat(mock.session("TAKEN0000001").status()).isEqualTo(SessionStatus.WORKING);
    }
}
