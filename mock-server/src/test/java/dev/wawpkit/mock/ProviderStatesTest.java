package dev.wawpkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wawpkit.mock.junit5.WawpMockTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pact's standard provider-state change call, as any verifier sends it. */
@WawpMockTest(token = "configured-1", bootDelayMillis = -1)
class ProviderStatesTest {
    private final WawpMockServer mock;

    ProviderStatesTest(WawpMockServer mock) {
        this.mock = mock;
    }

    @BeforeEach
    void reset() {
        mock.reset(); // the whole server: provider states set up sessions and tokens beyond the fixed one
    }

    private Http.Response state(String json) {
        return Http.to(mock, "/__admin/wawp/provider-states").json(json).send();
    }

    @Test
    void aSessionStateWithParamsSeedsThatSessionAndReturnsTheValues() {
        Http.Response r = state("{\"state\": \"session {instance_id} is {status} for token {access_token}\", "
                + "\"params\": {\"instance_id\": \"3EB0BCB2E3D4\", \"status\": \"SCAN_QR_CODE\", \"access_token\": "
                + "\"test-token-1234\"}, \"action\": \"setup\"}");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("instance_id").asText()).isEqualTo("3EB0BCB2E3D4");
        assertThat(Calls.info(mock, "3EB0BCB2E3D4", "test-token-1234")
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("SCAN_QR_CODE");
    }

    @Test
    void aSessionStateReplacesAnEarlierSessionWithTheSameId() {
        mock.seedSession()
                .token("configured-1")
                .instanceId("3EB0BCB2E3D4")
                .status(SessionStatus.WORKING)
                .create();

        state("{\"state\": \"session 3EB0BCB2E3D4 is STOPPED for token test-token-1234\"}");

        assertThat(Calls.info(mock, "3EB0BCB2E3D4", "test-token-1234")
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("STOPPED");
    }

    @Test
    void noSessionStateDeletesIt() {
        mock.seedSession().token("test-token-1234").instanceId("3EB0BCB2E3D4").create();

        state("{\"state\": \"no session {instance_id} exists for token {access_token}\", \"params\": "
                + "{\"instance_id\": \"3EB0BCB2E3D4\", \"access_token\": \"test-token-1234\"}}");

        assertThat(Calls.info(mock, "3EB0BCB2E3D4", "test-token-1234").status()).isEqualTo(404);
    }

    @Test
    void tokenStatesMakeTokensValidInvalidOrOutOfQuota() {
        state("{\"state\": \"token test-token-1234 is valid\"}");
        assertThat(Calls.create(mock, "test-token-1234").status()).isEqualTo(200);

        state(
                "{\"state\": \"token {access_token} has no quota left\", \"params\": {\"access_token\": \"test-token-1234\"}}");
        assertThat(Calls.create(mock, "test-token-1234").status()).isEqualTo(403);

        state("{\"state\": \"token configured-1 is not valid\"}");
        assertThat(Calls.create(mock, "configured-1").status()).isEqualTo(401);
    }

    @ParameterizedTest
    @CsvSource({"start, 502, xml, application/xml", "info, 500, html, text/html", "create, 500, json, application/json"
    })
    void theNextCallFailsState(String endpoint, int status, String format, String mediaType) {
        state("{\"state\": \"the next {endpoint} call fails with {status} as {format}\", \"params\": {\"endpoint\": \""
                + endpoint + "\", \"status\": " + status + ", \"format\": \"" + format + "\"}}");
        state("{\"state\": \"session 3EB0BCB2E3D4 is STOPPED for token test-token-1234\"}");

        Http.Response r = endpoint.equals("create")
                ? Calls.create(mock, "test-token-1234")
                : Calls.call(mock, endpoint, "3EB0BCB2E3D4", "test-token-1234");

        assertThat(r.status()).isEqualTo(status);
        assertThat(r.mediaType()).isEqualTo(mediaType);
    }

    @Test
    void anEmptyStateIsANoOp() {
        mock.seedSession()
                .token("configured-1")
                .instanceId("3EB0BCB2E3D4")
                .status(SessionStatus.WORKING)
                .create();

        Http.Response r = state("{\"state\": \"\", \"params\": {}, \"action\": \"setup\"}");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().size()).isZero();
        assertThat(mock.sessions()).hasSize(1);
    }

    @Test
    void aStateSentAsQueryParametersIsSetUpLikeTheJsonBody() {
        Http.Response r = Http.to(
                        mock,
                        "/__admin/wawp/provider-states?state="
                                + "session%20%7Binstance_id%7D%20is%20%7Bstatus%7D%20for%20token%20%7Baccess_token%7D"
                                + "&action=setup&instance_id=3EB0BCB2E3D4&status=SCAN_QR_CODE&access_token=test-token-1234")
                .method("POST")
                .send();

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("status").asText()).isEqualTo("SCAN_QR_CODE");
        assertThat(Calls.info(mock, "3EB0BCB2E3D4", "test-token-1234")
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("SCAN_QR_CODE");
    }

    @Test
    void aValidTokenStateRestoresAQuotaAnEarlierStateUsedUp() {
        state("{\"state\": \"token test-token-1234 has no quota left\"}");

        state("{\"state\": \"token test-token-1234 is valid\"}");

        assertThat(Calls.create(mock, "test-token-1234").status()).isEqualTo(200);
    }

    @Test
    void aNextCallFailsStateReplacesAFaultAnEarlierStateLeftArmed() {
        state("{\"state\": \"the next start call fails with 502 as xml\"}");
        state("{\"state\": \"the next info call fails with 502 as json\"}");

        state("{\"state\": \"the next start call fails with 500 as json\"}");
        state("{\"state\": \"session 3EB0BCB2E3D4 is STOPPED for token test-token-1234\"}");

        assertThat(mock.faults().list()).extracting(FaultRule::endpoint).containsExactly(Endpoint.INFO, Endpoint.START);
        assertThat(Calls.start(mock, "3EB0BCB2E3D4", "test-token-1234").status())
                .isEqualTo(500);
        assertThat(Calls.start(mock, "3EB0BCB2E3D4", "test-token-1234").status())
                .isEqualTo(200);
    }

    @Test
    void teardownResetsTheMock() {
        state("{\"state\": \"session 3EB0BCB2E3D4 is WORKING for token test-token-1234\"}");

        state("{\"state\": \"session 3EB0BCB2E3D4 is WORKING for token test-token-1234\", \"action\": \"teardown\"}");

        assertThat(mock.sessions()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"state\": \"the moon is full\"} | unknown_provider_state",
                "{\"params\": {}} | missing_state",
                "{\"state\": \"token {access_token} is valid\", \"params\": {}} | missing_state_param",
                "{\"state\": \"token t-1 is valid\", \"action\": \"verify\"} | invalid_action",
                "{\"state\": \"token t-1 is valid\", \"params\": [1]} | invalid_field",
                "{\"state\": \"the next start call fails with 418 as json\"} | undocumented_fault",
                "{\"state\": \"session 3EB0 is WORKING for token t-1\"} | invalid_instance_id",
                "{\"state\": \"session 3EB0BCB2E3D4 is RUNNING for token t-1\"} | unknown_status"
            })
    void anUnknownOrBadStateIsRefusedSoVerificationCannotPassOnIt(String body, String code) {
        Http.Response r = state(body);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).isEqualTo(code);
        assertThat(r.json().get("message").asText()).startsWith("Expected");
        assertThat(mock.sessions()).isEmpty();
        assertThat(mock.faults().list()).isEmpty();
    }
}
