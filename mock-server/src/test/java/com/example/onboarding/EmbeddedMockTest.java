package com.example.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wawpkit.mock.Format;
import dev.wawpkit.mock.MockSession;
import dev.wawpkit.mock.SessionStatus;
import dev.wawpkit.mock.WawpMockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EmbeddedMockTest {

    @Test
    void seedsASessionAndMakesTheNextStartFail() throws Exception {
        try (WawpMockServer mock = WawpMockServer.builder()
                .token("test-token-1") // valid tokens; others get 401
                .quota(10) // creates per token, then 403
                .bootDelay(Duration.ofMillis(100))
                .build()
                .start()) { // port 0: a free port on 127.0.0.1

            // Seed a session that waits for a QR scan, and make the next start fail with 502 as XML.
            MockSession session = mock.seedSession()
                    .token("test-token-1")
                    .status(SessionStatus.SCAN_QR_CODE)
                    .create();
            mock.faults().onStart().session(session.instanceId()).respond(502, Format.XML);

            URI info = mock.baseUrl()
                    .resolve("/v2/session/info?instance_id=" + session.instanceId() + "&access_token=test-token-1");
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(info).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.body()).contains("\"status\":\"SCAN_QR_CODE\"");

            mock.session(session.instanceId()).moveTo(SessionStatus.WORKING); // the QR was scanned
            assertThat(mock.session(session.instanceId()).calls()).hasSize(1);
        }
    }
}
