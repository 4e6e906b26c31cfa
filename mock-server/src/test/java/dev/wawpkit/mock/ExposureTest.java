package dev.wawpkit.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Loopback by default; beyond it, the control API is locked unless the user says it is open. */
class ExposureTest {
    private static final String ADMIN = "admin-secret-42";

    @Test
    void bindingBeyondLoopbackWithoutAnAdminTokenIsRefused() {
        assertThatThrownBy(() -> WawpMockServer.builder().bindAddress("0.0.0.0").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Refusing to listen on 0.0.0.0 with an open control API")
                .hasMessageContaining("--admin-token")
                .hasMessageContaining("--open-control-api");
    }

    @Test
    void anExplicitlyOpenControlApiMayListenBeyondLoopback() {
        try (WawpMockServer mock = WawpMockServer.builder()
                .bindAddress("0.0.0.0")
                .openControlApi()
                .build()
                .start()) {
            assertThat(Http.to(mock, "/__admin/wawp/sessions")
                            .method("GET")
                            .send()
                            .status())
                    .isEqualTo(200);
        }
    }

    @Test
    void anAdminTokenLocksTheControlApiAndWireMocksOwnAdminApi() {
        try (WawpMockServer mock = WawpMockServer.builder()
                .bindAddress("0.0.0.0")
                .adminToken(ADMIN)
                .build()
                .start()) {
            Http.Response none =
                    Http.to(mock, "/__admin/wawp/sessions").method("GET").send();
            Http.Response wrong = Http.to(mock, "/__admin/wawp/sessions")
                    .method("GET")
                    .header("X-Wawp-Admin-Token", "admin-secret-43")
                    .send();
            Http.Response wiremock =
                    Http.to(mock, "/__admin/mappings").method("GET").send();

            assertThat(none.status()).isEqualTo(401);
            assertThat(none.json().get("error").asText()).isEqualTo("admin_token_required");
            assertThat(none.json().get("message").asText()).contains("none came");
            assertThat(wrong.json().get("message").asText())
                    .contains("did not match")
                    .doesNotContain(ADMIN);
            assertThat(wiremock.status()).isEqualTo(401);
            assertThat(Http.to(mock, "/__admin/wawp/sessions")
                            .method("GET")
                            .header("X-Wawp-Admin-Token", ADMIN)
                            .send()
                            .status())
                    .isEqualTo(200);
            assertThat(Http.to(mock, "/__admin/wawp/sessions")
                            .method("GET")
                            .header("Authorization", "Bearer " + ADMIN)
                            .send()
                            .status())
                    .isEqualTo(200);
            assertThat(Calls.create(mock, WawpMockServer.DEFAULT_TOKEN).status())
                    .as("the API stays open")
                    .isEqualTo(200);
        }
    }

    @Test
    void theRemoteClientSendsTheAdminToken() {
        try (WawpMockServer mock =
                WawpMockServer.builder().adminToken(ADMIN).build().start()) {
            assertThat(WawpMockClient.connect(mock.baseUrl(), "t-123456", ADMIN).sessions())
                    .isEmpty();
            assertThatThrownBy(() -> WawpMockClient.connect(mock.baseUrl()).sessions())
                    .isInstanceOfSatisfying(
                            WawpMockException.class,
                            e -> assertThat(e.httpStatus()).isEqualTo(401));
        }
    }

    @Test
    void aShortAdminTokenIsRefused() {
        assertThatThrownBy(() -> WawpMockServer.builder().adminToken("short")).hasMessageContaining("at least 8");
    }
}
