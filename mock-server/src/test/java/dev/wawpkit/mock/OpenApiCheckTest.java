package dev.wawpkit.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wawpkit.mock.junit5.WawpMockTest;
import dev.wawpkit.mock.junit5.WawpToken;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The check every acceptance test runs on the mock's answers can fail, and does run. */
@WawpMockTest
class OpenApiCheckTest {

    @Test
    void aConformingAnswerPasses() {
        Http.Response ok = new Http.Response(
                200,
                "application/json",
                "{\"name\":\"wawp-12345678\",\"status\":\"STARTING\",\"config\":{\"webhooks\":{},\"proxy\":null}}",
                Map.of());

        assertThat(OpenApiCheck.report("POST", "/v2/session/start", ok).hasErrors())
                .isFalse();
    }

    @Test
    void aRenamedFieldOrAnUndocumentedMediaTypeFails() {
        Http.Response renamed = new Http.Response(
                200,
                "application/json",
                "{\"name\":\"wawp-12345678\",\"state\":\"STARTING\",\"config\":{\"webhooks\":{},\"proxy\":null}}",
                Map.of());
        Http.Response xmlOnCreate = new Http.Response(
                401,
                "application/xml",
                "<error><status>401</status><code>invalid_token</code><message>x</message></error>",
                Map.of());

        assertThatThrownBy(() -> OpenApiCheck.check("POST", "/v2/session/start", renamed))
                .hasMessageContaining("conform to the OpenAPI description")
                .hasMessageContaining("status");
        assertThatThrownBy(() -> OpenApiCheck.check("POST", "/v2/session/create", xmlOnCreate))
                .hasMessageContaining("Content-Type");
    }

    @Test
    void theAcceptanceTestsAnswersAreChecked(WawpMockServer mock, @WawpToken String token) {
        int before = OpenApiCheck.CHECKED.get();

        Calls.create(mock, token);

        assertThat(OpenApiCheck.CHECKED.get()).isGreaterThan(before);
    }
}
