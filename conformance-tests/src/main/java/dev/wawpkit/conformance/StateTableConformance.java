package dev.wawpkit.conformance;

import static dev.wawpkit.conformance.Behaviour.STATE_BOOT_NO_LOGIN;
import static dev.wawpkit.conformance.Behaviour.STATE_BOOT_SAVED_LOGIN;
import static dev.wawpkit.conformance.Behaviour.STATE_CREATE;
import static dev.wawpkit.conformance.Behaviour.STATE_DELETE;
import static dev.wawpkit.conformance.Behaviour.STATE_FAILED;
import static dev.wawpkit.conformance.Behaviour.STATE_FAILED_RECOVERY;
import static dev.wawpkit.conformance.Behaviour.STATE_LOGOUT;
import static dev.wawpkit.conformance.Behaviour.STATE_QR_ROTATES;
import static dev.wawpkit.conformance.Behaviour.STATE_QR_SCANNED;
import static dev.wawpkit.conformance.Behaviour.STATE_RESTART;
import static dev.wawpkit.conformance.Behaviour.STATE_START;
import static dev.wawpkit.conformance.Behaviour.STATE_START_AGAIN;
import static dev.wawpkit.conformance.Behaviour.STATE_STOP;
import static dev.wawpkit.conformance.Behaviour.STATE_STOP_STOPPED;

import dev.wawpkit.conformance.Drift.Side;
import dev.wawpkit.mock.SessionStatus;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Specification section 4: one test per row of the state table. Rows that stop, restart, log out or delete
 * a session run, on live, only on sessions the run created ({@link Need#OWN_SESSION}).
 */
@ConformanceSuite
class StateTableConformance {

    @Test
    @Covers(STATE_CREATE)
    void createMakesAStoppedSession(Conformance wawp) {
        Exchange created = wawp.create();

        wawp.expect(created).field("status", "STOPPED");
        created.field("instance_id").ifPresent(id -> wawp.expectState(id, "STOPPED"));
    }

    @Test
    @Covers(STATE_START)
    void startMovesStoppedSessionToStarting(Conformance wawp) {
        String id = wawp.newSession();
        wawp.expectState(id, "STOPPED");

        wawp.expect(wawp.post("start").instance(id).token().send()).field("status", "STARTING");
        wawp.expectState(id, "STARTING", "SCAN_QR_CODE");
    }

    @Test
    @Covers(STATE_BOOT_NO_LOGIN)
    void bootedSessionWithoutLoginAsksForQrCode(Conformance wawp) {
        String id = wawp.newSession();
        wawp.expect(wawp.post("start").instance(id).token().send()).field("status", "STARTING");

        Exchange info = wawp.awaitState(id, "SCAN_QR_CODE", "STARTING");

        wawp.expect(info).fieldMatches("qr", "data:image/png;base64,[A-Za-z0-9+/=]+", "a data:image/png;base64 URL");
    }

    @Test
    @Covers(STATE_BOOT_SAVED_LOGIN)
    void bootedSessionWithSavedLoginResumesWorking(Conformance wawp) {
        String id = wawp.seed("STOPPED", true);
        wawp.expect(wawp.post("start").instance(id).token().send()).field("status", "STARTING");

        Exchange info = wawp.awaitState(id, "WORKING", "STARTING");

        wawp.expect(info).hasObject("me");
    }

    @Test
    @Covers(STATE_QR_SCANNED)
    void scannedQrCodeMovesSessionToWorking(Conformance wawp) {
        String id = wawp.seed("SCAN_QR_CODE", false);

        wawp.control().session(id).moveTo(SessionStatus.WORKING);   // the phone scans the QR code

        wawp.expect(wawp.get("info").instance(id).token().send()).field("status", "WORKING").hasObject("me");
    }

    @Test
    @Covers(STATE_QR_ROTATES)
    void rotatedQrCodeKeepsScanQrCodeWithANewQr(Conformance wawp) {
        String id = wawp.seed("SCAN_QR_CODE", false);
        String before = wawp.get("info").instance(id).token().send().field("qr").orElse(null);

        wawp.control().session(id).moveTo(SessionStatus.SCAN_QR_CODE);   // the QR code rotates

        Exchange info = wawp.get("info").instance(id).token().send();
        wawp.expect(info).field("status", "SCAN_QR_CODE")
                .fieldMatches("qr", "data:image/png;base64,[A-Za-z0-9+/=]+", "a data:image/png;base64 URL");
        if (Objects.equals(before, info.field("qr").orElse(null))) {
            wawp.drift(Side.FIELD, "a different qr after the rotation", "the same qr");
        }
    }

    @Test
    @Covers(STATE_FAILED)
    void lostLoginMovesWorkingSessionToFailed(Conformance wawp) {
        String id = wawp.seed("WORKING", true);

        wawp.control().session(id).moveTo(SessionStatus.FAILED);   // the device is unlinked

        wawp.expect(wawp.get("info").instance(id).token().send()).field("status", "FAILED");
    }

    @Test
    @Covers(STATE_START_AGAIN)
    void startAgainAnswersTheCurrentStatusAndChangesNothing(Conformance wawp) {
        String id = wawp.newSession();
        wawp.post("start").instance(id).token().send();

        wawp.expect(wawp.post("start").instance(id).token().send()).fieldIn("status", "STARTING", "SCAN_QR_CODE", "WORKING");
        wawp.expectState(id, "STARTING", "SCAN_QR_CODE", "WORKING");

        if (!wawp.hasControlApi()) {
            return;                                 // SCAN_QR_CODE and WORKING need a seeded session
        }
        for (String status : new String[] {"SCAN_QR_CODE", "WORKING"}) {
            String seeded = wawp.seed(status, "WORKING".equals(status));
            wawp.expect(wawp.post("start").instance(seeded).token().send()).field("status", status);
            wawp.expectState(seeded, status);
        }
    }

    @Test
    @Covers(STATE_STOP)
    void stopMovesARunningSessionToStoppedAndKeepsTheLogin(Conformance wawp) {
        String id = wawp.newSession();
        wawp.post("start").instance(id).token().send();

        wawp.expect(wawp.post("stop").instance(id).token().send()).field("status", "STOPPED");
        wawp.expectState(id, "STOPPED");

        if (!wawp.hasControlApi()) {
            return;                                 // a saved login needs a phone that scanned the QR code
        }
        String working = wawp.seed("WORKING", true);
        wawp.expect(wawp.post("stop").instance(working).token().send()).field("status", "STOPPED");
        wawp.expectState(working, "STOPPED");
        wawp.expect(wawp.post("start").instance(working).token().send()).field("status", "STARTING");
        wawp.expect(wawp.awaitState(working, "WORKING", "STARTING")).hasObject("me");   // no new scan
    }

    @Test
    @Covers(STATE_RESTART)
    void restartMovesASessionThroughStartingAndBootsAsAfterStart(Conformance wawp) {
        String id = wawp.newSession();

        wawp.expect(wawp.post("restart").instance(id).token().send()).field("status", "STARTING");
        wawp.awaitState(id, "SCAN_QR_CODE", "STARTING");   // no login: a QR code, as after start

        if (!wawp.hasControlApi()) {
            return;                                 // a WORKING session needs a phone that scanned the QR code
        }
        String working = wawp.seed("WORKING", true);
        wawp.expect(wawp.post("restart").instance(working).token().send()).field("status", "STARTING");
        wawp.awaitState(working, "WORKING", "STARTING");   // the login is kept: back to WORKING
    }

    @Test
    @Covers(STATE_LOGOUT)
    void logoutMovesWorkingSessionToScanQrCodeAndWipesTheLogin(Conformance wawp) {
        String id = wawp.seed("WORKING", true);

        wawp.expect(wawp.post("logout").instance(id).token().send()).field("status", "SCAN_QR_CODE").field("instance_id", id);
        wawp.expectState(id, "SCAN_QR_CODE");

        // the login is gone: stopped and started again, the session asks for a QR code instead of resuming
        wawp.post("stop").instance(id).token().send();
        wawp.expect(wawp.post("start").instance(id).token().send()).field("status", "STARTING");
        wawp.awaitState(id, "SCAN_QR_CODE", "STARTING");
    }

    @Test
    @Covers(STATE_FAILED_RECOVERY)
    void failedSessionRecoversByRestartOrByLogoutThenStart(Conformance wawp) {
        String byRestart = wawp.seed("WORKING", true);
        wawp.control().session(byRestart).moveTo(SessionStatus.FAILED);   // the device is unlinked

        wawp.expect(wawp.post("restart").instance(byRestart).token().send()).field("status", "STARTING");
        wawp.expectState(byRestart, "STARTING", "SCAN_QR_CODE");

        String byLogout = wawp.seed("WORKING", true);
        wawp.control().session(byLogout).moveTo(SessionStatus.FAILED);

        wawp.expect(wawp.post("logout").instance(byLogout).token().send()).field("instance_id", byLogout);
        wawp.expect(wawp.post("start").instance(byLogout).token().send()).field("status", "STARTING");
        wawp.awaitState(byLogout, "SCAN_QR_CODE", "STARTING");
    }

    @Test
    @Covers(STATE_DELETE)
    void deletedSessionAnswersNotFoundToEveryEndpoint(Conformance wawp) {
        String id = wawp.newSession();

        wawp.expect(wawp.delete("delete").instance(id).token().send(), 200, "application/json")
                .field("status", "DELETED").field("instance_id", id);

        for (Request call : List.of(wawp.post("info"), wawp.post("start"), wawp.post("stop"), wawp.post("restart"),
                wawp.post("logout"), wawp.get("me"), wawp.post("qr"), wawp.post("qr-image"),
                wawp.post("request-code").phone(RequestCodeConformance.PHONE), wawp.delete("delete"))) {
            wawp.expect(call.instance(id).token().send());
        }
    }

    @Test
    @Covers(STATE_STOP_STOPPED)
    void stopOfAStoppedSessionAnswersStoppedAgain(Conformance wawp) {
        String id = wawp.newSession();

        wawp.expect(wawp.post("stop").instance(id).token().send()).field("status", "STOPPED");
        wawp.expect(wawp.post("stop").instance(id).token().send()).field("status", "STOPPED");
        wawp.expectState(id, "STOPPED");
    }
}
