package dev.wawpkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wawpkit.mock.junit5.WawpMockTest;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every documented response of {@code POST /v2/session/create}, over real HTTP. */
@WawpMockTest(token = CreateAcceptanceTest.TOKEN, bootDelayMillis = -1)
class CreateAcceptanceTest {
    static final String TOKEN = "create-token-1";

    private final WawpMockServer mock;

    CreateAcceptanceTest(WawpMockServer mock) {
        this.mock = mock;
    }

    @BeforeEach
    void reset() {
        mock.reset(); // the whole server: faults armed here are server-wide, not only TOKEN's
    }

    @Test
    void createAnswers200WithAStoppedSessionAndStoresIt() {
        Http.Response r = Calls.create(mock, TOKEN);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.mediaType()).isEqualTo("application/json");
        JsonNode body = r.json();
        assertThat(body.get("instance_id").asText()).matches("[A-Za-z0-9]{12}");
        assertThat(body.get("session_name").asText()).matches("wawp-\\d{8}");
        assertThat(body.get("server_name").isTextual()).isTrue();
        assertThat(body.get("status").asText()).isEqualTo("STOPPED");
        assertThat(mock.session(body.get("instance_id").asText()).status()).isEqualTo(SessionStatus.STOPPED);
    }

    @Test
    void createTakesTheTokenFromAJsonBody() {
        Http.Response r = Http.to(mock, "/v2/session/create")
                .json("{\"access_token\": \"" + TOKEN + "\"}")
                .send();

        assertThat(r.status()).isEqualTo(200);
        assertThat(mock.sessions(TOKEN)).hasSize(1);
    }

    @Test
    void createTakesTheTokenFromAFormBody() {
        Http.Response r = Http.to(mock, "/v2/session/create")
                .form("access_token=" + TOKEN)
                .send();

        assertThat(r.status()).isEqualTo(200);
        assertThat(mock.sessions(TOKEN)).hasSize(1);
    }

    @Test
    void createTakesTheTokenFromTheAccessTokenHeader() {
        Http.Response r = Http.to(mock, "/v2/session/create")
                .header("access-token", TOKEN)
                .send();

        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void theQueryStringWinsOverABodyThatDisagrees() {
        Http.Response r = Http.to(mock, "/v2/session/create?access_token=" + TOKEN)
                .json("{\"access_token\": \"some-other-token\"}")
                .send();

        assertThat(r.status()).isEqualTo(200);
        assertThat(mock.sessions(TOKEN)).hasSize(1);
    }

    @Test
    void createWithoutATokenAnswers400MissingToken() {
        Http.Response r = Http.to(mock, "/v2/session/create").send();

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.mediaType()).isEqualTo("application/json");
        assertThat(r.json().get("error").asText()).isEqualTo("missing_token");
        assertThat(r.json().get("status").asInt()).isEqualTo(400);
        assertThat(r.json().get("message").asText()).contains("access_token");
        assertThat(mock.sessions()).isEmpty();
    }

    @Test
    void createWithAnUnknownTokenAnswers401AndStoresNothing() {
        Http.Response r = Calls.create(mock, "not-a-known-token");

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("error").asText()).isEqualTo("invalid_token");
        assertThat(r.json().get("message").asText()).contains("not-...").doesNotContain("not-a-known-token");
        assertThat(mock.sessions()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/xml", "text/xml", "text/plain"})
    void createDocumentsItsErrorsAsJsonOnlyWhateverIsAccepted(String accept) {
        Http.Response unauthorised = Http.to(mock, "/v2/session/create?access_token=wrong-token")
                .accept(accept)
                .send();
        Http.Response missing =
                Http.to(mock, "/v2/session/create").accept(accept).send();

        assertThat(unauthorised.status()).isEqualTo(401);
        assertThat(unauthorised.mediaType()).isEqualTo("application/json");
        assertThat(unauthorised.json().get("error").asText()).isEqualTo("invalid_token");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.mediaType()).isEqualTo("application/json");
    }

    @Test
    void createAnswers403OnceTheQuotaIsUsedUp() {
        mock.tokens().quota(TOKEN, 2);

        assertThat(Calls.create(mock, TOKEN).status()).isEqualTo(200);
        assertThat(Calls.create(mock, TOKEN).status()).isEqualTo(200);
        Http.Response third = Calls.create(mock, TOKEN);

        assertThat(third.status()).isEqualTo(403);
        assertThat(third.mediaType()).isEqualTo("application/json");
        assertThat(third.json().get("error").asText()).isEqualTo("quota_exceeded");
        assertThat(mock.sessions(TOKEN)).hasSize(2);
    }

    @Test
    void aQuotaConfiguredOnTheBuilderLimitsCreates() {
        // Its own mock: a quota set on the builder is what this test is about.
        try (WawpMockServer limited =
                WawpMockServer.builder().token("quota-token", 1).build().start()) {
            assertThat(Calls.create(limited, "quota-token").status()).isEqualTo(200);
            assertThat(Calls.create(limited, "quota-token").status()).isEqualTo(403);
        }
    }

    @Test
    void createAnswersAnInjected500AsJson() {
        mock.faults().onCreate().respond(500);

        Http.Response r = Calls.create(mock, TOKEN);

        assertThat(r.status()).isEqualTo(500);
        assertThat(r.mediaType()).isEqualTo("application/json");
        assertThat(r.json().get("status").asInt()).isEqualTo(500);
        assertThat(mock.sessions()).as("a failed create stores nothing").isEmpty();
        assertThat(Calls.create(mock, TOKEN).status())
                .as("the fault fired once")
                .isEqualTo(200);
    }

    @Test
    void anHtml500OnCreateIsRefusedBecauseCreateDocumentsJsonOnly() {
        Assertions.assertThatThrownBy(() -> mock.faults().onCreate().respond(500, Format.HTML))
                .isInstanceOfSatisfying(
                        WawpMockException.class,
                        e -> assertThat(e.getMessage()).contains("500 on create [JSON], but got html"));
    }

    @Test
    void aCreateQuotaIsNotSpentByAFailedCall() {
        mock.tokens().quota(TOKEN, 1);
        mock.faults().onCreate().respond(500);

        assertThat(Calls.create(mock, TOKEN).status()).isEqualTo(500);
        assertThat(Calls.create(mock, TOKEN).status()).isEqualTo(200);
    }
}
