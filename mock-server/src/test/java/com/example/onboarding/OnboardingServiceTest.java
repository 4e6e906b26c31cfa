package com.example.onboarding;

import static dev.wawpkit.mock.Endpoint.CREATE;
import static dev.wawpkit.mock.Endpoint.INFO;
import static dev.wawpkit.mock.Endpoint.START;
import static dev.wawpkit.mock.SessionStatus.SCAN_QR_CODE;
import static dev.wawpkit.mock.assertj.WawpMockAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.onboarding.OnboardingService.Onboarding;
import com.example.onboarding.OnboardingService.OnboardingException;
import dev.wawpkit.mock.Format;
import dev.wawpkit.mock.WawpMock;
import dev.wawpkit.mock.junit5.WawpMockTest;
import dev.wawpkit.mock.junit5.WawpToken;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@WawpMockTest(bootDelayMillis = 100)
class OnboardingServiceTest {

    private static OnboardingService service(WawpMock mock, String token) {
        return new OnboardingService(mock.baseUrl(), token, 3, Duration.ofMillis(10));
    }

    @Test
    void showsTheQrCodeOnceTheSessionHasBooted(WawpMock mock, @WawpToken String token) throws Exception {
        Onboarding onboarding = service(mock, token).begin(Duration.ofSeconds(5));

        assertThat(onboarding.qr()).startsWith("data:image/png;base64,");
        assertThat(mock).session(onboarding.instanceId()).hasStatus(SCAN_QR_CODE);
        assertThat(mock).session(onboarding.instanceId()).receivedCalls(START).hasSize(1);
    }

    @Test
    void retriesABadGatewayAndSucceeds(WawpMock mock, @WawpToken String token) throws Exception {
        mock.faults().onStart().times(2).respond(502, Format.XML);

        Onboarding onboarding = service(mock, token).begin(Duration.ofSeconds(5));

        assertThat(mock)
                .receivedCalls(START)
                .forSession(onboarding.instanceId())
                .hasSize(3);
    }

    @Test
    void retriesADroppedConnection(WawpMock mock, @WawpToken String token) throws Exception {
        mock.faults().onCreate().resetConnection();

        Onboarding onboarding = service(mock, token).begin(Duration.ofSeconds(5));

        assertThat(mock).session(onboarding.instanceId()).hasStatus(SCAN_QR_CODE);
    }

    @Test
    void givesUpAfterThreeBadGateways(WawpMock mock, @WawpToken String token) {
        mock.faults().onStart().times(3).respond(502);

        assertThatThrownBy(() -> service(mock, token).begin(Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(
                        OnboardingException.class, e -> assertThat(e.status()).isEqualTo(502));
        assertThat(mock).receivedCalls(START).hasSize(3).allAnsweredWith(502);
    }

    @Test
    void doesNotRetryARejectedToken(WawpMock mock) {
        assertThatThrownBy(() -> service(mock, "revoked-token").begin(Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(
                        OnboardingException.class, e -> assertThat(e.status()).isEqualTo(401));
        assertThat(mock).hasSessionCount(0);
    }

    @Test
    void stopsWhenTheSessionVanishes(WawpMock mock, @WawpToken String token) {
        mock.faults().onInfo().respond(404);

        assertThatThrownBy(() -> service(mock, token).begin(Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(
                        OnboardingException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThat(mock).receivedCalls(INFO).hasSize(1);
        assertThat(mock).receivedCalls(CREATE).hasSize(1);
    }
}
