package com.example.onboarding;

import static dev.wawpkit.mock.Endpoint.START;
import static dev.wawpkit.mock.SessionStatus.SCAN_QR_CODE;
import static dev.wawpkit.mock.assertj.WawpMockAssertions.assertThat;

import com.example.onboarding.OnboardingService.Onboarding;
import dev.wawpkit.mock.junit5.WawpMockExtension;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OnboardingWiringTest {

    @RegisterExtension
    static WawpMockExtension wawp = WawpMockExtension.newInstance()
            .token("app-token") // the token the application is configured with
            .bootDelay(Duration.ofMillis(100))
            .build();

    static OnboardingService service;

    @BeforeAll
    static void wireTheApplicationOnce() {
        // What a @DynamicPropertySource or a config file does: the URL and token are known before any test.
        service = new OnboardingService(wawp.baseUrl(), wawp.token(), 3, Duration.ofMillis(10));
    }

    @Test
    void showsTheQrCode() throws Exception {
        Onboarding onboarding = service.begin(Duration.ofSeconds(5));

        assertThat(wawp.mock()).session(onboarding.instanceId()).hasStatus(SCAN_QR_CODE);
    }

    @Test
    void retriesABadGateway() throws Exception {
        wawp.mock().faults().onStart().times(2).respond(502);

        service.begin(Duration.ofSeconds(5));

        // Only this test's calls: the token's sessions, faults and journal are reset before each test.
        assertThat(wawp.mock()).hasSessionCount(1).receivedCalls(START).hasSize(3);
    }
}
