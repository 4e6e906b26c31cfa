package dev.wawpkit.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wawpkit.mock.junit5.WawpMockTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rows of the state table (spec section 4) that create, start, info and the control API
 * drive, over real HTTP. Boot-delay rows use a mock with a 100 ms boot; the rest a manual one.
 */
@WawpMockTest(token = StateMachineTest.TOKEN, bootDelayMillis = -1)
class StateMachineTest {
    static final String TOKEN = "state-token-1";

    private final WawpMockServer manual;

    StateMachineTest(WawpMockServer manual) {
        this.manual = manual;
    }

    @Test
    void createLeavesTheSessionStopped() {
        String id = Calls.createdId(manual, TOKEN);

        assertThat(Calls.info(manual, id, TOKEN).json().get("status").asText()).isEqualTo("STOPPED");
    }

    @Test
    void startMovesStoppedToStarting() {
        String id = Calls.createdId(manual, TOKEN);

        Calls.start(manual, id, TOKEN);

        assertThat(Calls.info(manual, id, TOKEN).json().get("status").asText()).isEqualTo("STARTING");
    }

    @Test
    void manualBootStaysStartingUntilMoved() throws InterruptedException {
        String id = Calls.createdId(manual, TOKEN);
        Calls.start(manual, id, TOKEN);

        Thread.sleep(150);
        assertThat(manual.session(id).status()).isEqualTo(SessionStatus.STARTING);
        manual.session(id).moveTo(SessionStatus.SCAN_QR_CODE);

        assertThat(Calls.info(manual, id, TOKEN).json().get("status").asText()).isEqualTo("SCAN_QR_CODE");
    }

    @Test
    void scanningTheQrMovesToWorkingAndKeepsTheLogin() {
        String id = manual.seedSession()
                .token(TOKEN)
                .status(SessionStatus.SCAN_QR_CODE)
                .create()
                .instanceId();

        MockSession after = manual.session(id).moveTo(SessionStatus.WORKING);

        assertThat(after.loggedIn()).isTrue();
        assertThat(Calls.info(manual, id, TOKEN).json().get("status").asText()).isEqualTo("WORKING");
    }

    @Test
    void qrRotationKeepsScanQrCode() {
        String id = manual.seedSession()
                .token(TOKEN)
                .status(SessionStatus.SCAN_QR_CODE)
                .create()
                .instanceId();

        manual.session(id).moveTo(SessionStatus.SCAN_QR_CODE);

        assertThat(Calls.info(manual, id, TOKEN).json().get("status").asText()).isEqualTo("SCAN_QR_CODE");
    }

    @ParameterizedTest
    @CsvSource({"STARTING", "SCAN_QR_CODE", "WORKING", "FAILED", "STOPPED"})
    void restartGoesThroughStartingFromAnyStatus(SessionStatus from) {
        String id = manual.seedSession().token(TOKEN).status(from).create().instanceId();

        manual.session(id).moveTo(SessionStatus.STARTING);

        assertThat(Calls.info(manual, id, TOKEN).json().get("status").asText()).isEqualTo("STARTING");
    }

    @ParameterizedTest
    @CsvSource({"WORKING", "STARTING"})
    void losingTheLoginMovesToFailed(SessionStatus from) {
        String id = manual.seedSession().token(TOKEN).status(from).create().instanceId();

        MockSession failed = manual.session(id).moveTo(SessionStatus.FAILED);

        assertThat(failed.loggedIn()).isFalse();
        assertThat(Calls.info(manual, id, TOKEN).json().get("status").asText()).isEqualTo("FAILED");
    }

    @ParameterizedTest
    @CsvSource({"STARTING", "SCAN_QR_CODE"})
    void failedRecoversByRestartOrLogoutThenStart(SessionStatus to) {
        String id = manual.seedSession()
                .token(TOKEN)
                .status(SessionStatus.FAILED)
                .create()
                .instanceId();

        manual.session(id).moveTo(to);

        assertThat(Calls.info(manual, id, TOKEN).json().get("status").asText()).isEqualTo(to.name());
    }

    @ParameterizedTest
    @CsvSource({"STARTING", "SCAN_QR_CODE", "WORKING", "FAILED"})
    void startAgainLeavesTheStatusUnchangedAndAnswers200(SessionStatus status) {
        String id = manual.seedSession().token(TOKEN).status(status).create().instanceId();

        Http.Response r = Calls.start(manual, id, TOKEN);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").asText()).isEqualTo(status.name());
        assertThat(manual.session(id).status()).isEqualTo(status);
    }

    @Test
    void stoppingAStoppedSessionIsIdempotent() {
        String id = Calls.createdId(manual, TOKEN);

        assertThat(manual.session(id).moveTo(SessionStatus.STOPPED).status()).isEqualTo(SessionStatus.STOPPED);
    }

    @ParameterizedTest
    @CsvSource({
        "STOPPED, WORKING",
        "STOPPED, SCAN_QR_CODE",
        "STOPPED, FAILED",
        "WORKING, WORKING",
        "FAILED, WORKING",
        "FAILED, FAILED"
    })
    void aMoveTheTableForbidsIsRefusedWith409AndChangesNothing(SessionStatus from, SessionStatus to) {
        String id = manual.seedSession().token(TOKEN).status(from).create().instanceId();

        assertThatThrownBy(() -> manual.session(id).moveTo(to)).isInstanceOfSatisfying(WawpMockException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(409);
            assertThat(e.code()).isEqualTo("illegal_transition");
            assertThat(e.getMessage()).contains(id, from.name(), to.name(), "allows");
        });
        assertThat(manual.session(id).status()).isEqualTo(from);
    }

    /** The rows the engine drives by itself, on a mock whose STARTING lasts 100 ms. */
    @Nested
    @WawpMockTest(token = StateMachineTest.TOKEN, bootDelayMillis = 100)
    class AfterABootDelay {
        private final WawpMockServer timed;

        AfterABootDelay(WawpMockServer timed) {
            this.timed = timed;
        }

        @Test
        void bootWithoutASavedLoginAsksForAQrScan() throws InterruptedException {
            String id = Calls.createdId(timed, TOKEN);

            assertThat(Calls.start(timed, id, TOKEN).json().get("status").asText())
                    .isEqualTo("STARTING");
            Http.Response info = Calls.awaitStatus(timed, id, TOKEN, "SCAN_QR_CODE", 5_000);

            assertThat(info.json().get("qr").asText()).startsWith("data:image/png;base64,");
        }

        @Test
        void bootWithASavedLoginResumesToWorking() throws InterruptedException {
            String id = timed.seedSession()
                    .token(TOKEN)
                    .status(SessionStatus.STOPPED)
                    .loggedIn(true)
                    .create()
                    .instanceId();

            Calls.start(timed, id, TOKEN);
            Http.Response info = Calls.awaitStatus(timed, id, TOKEN, "WORKING", 5_000);

            assertThat(info.json().get("me").get("id").asText()).endsWith("@c.us");
        }

        @Test
        void stopKeepsTheLoginSoTheNextBootResumesWithoutAScan() throws InterruptedException {
            String id = timed.seedSession()
                    .token(TOKEN)
                    .status(SessionStatus.WORKING)
                    .create()
                    .instanceId();

            timed.session(id).moveTo(SessionStatus.STOPPED);
            assertThat(Calls.info(timed, id, TOKEN).json().get("status").asText())
                    .isEqualTo("STOPPED");
            Calls.start(timed, id, TOKEN);

            Calls.awaitStatus(timed, id, TOKEN, "WORKING", 5_000);
        }

        @Test
        void logoutFromWorkingWipesTheLoginSoTheNextBootAsksForAScan() throws InterruptedException {
            String id = timed.seedSession()
                    .token(TOKEN)
                    .status(SessionStatus.WORKING)
                    .create()
                    .instanceId();

            MockSession loggedOut = timed.session(id).moveTo(SessionStatus.SCAN_QR_CODE);
            timed.session(id).moveTo(SessionStatus.STOPPED);
            Calls.start(timed, id, TOKEN);

            assertThat(loggedOut.loggedIn()).isFalse();
            Calls.awaitStatus(timed, id, TOKEN, "SCAN_QR_CODE", 5_000);
        }
    }
}
