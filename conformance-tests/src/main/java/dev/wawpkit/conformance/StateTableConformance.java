package dev.wawpkit.conformance;

import static dev.wawpkit.conformance.Behaviour.STATE_BOOT_NO_LOGIN;
import static dev.wawpkit.conformance.Behaviour.STATE_BOOT_SAVED_LOGIN;
import static dev.wawpkit.conformance.Behaviour.STATE_CREATE;
import static dev.wawpkit.conformance.Behaviour.STATE_FAILED;
import static dev.wawpkit.conformance.Behaviour.STATE_QR_ROTATES;
import static dev.wawpkit.conformance.Behaviour.STATE_QR_SCANNED;
import static dev.wawpkit.conformance.Behaviour.STATE_START;
import static dev.wawpkit.conformance.Behaviour.STATE_START_AGAIN;

import dev.wawpkit.conformance.Drift.Side;
import dev.wawpkit.mock.SessionStatus;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Specification section 4: one test per row of the state table that create, start and info can show.
 * Rows driven by stop, restart, logout and delete are listed in the report as not covered yet.
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
}
