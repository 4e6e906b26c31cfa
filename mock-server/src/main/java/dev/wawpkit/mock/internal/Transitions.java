package dev.wawpkit.mock.internal;

import static dev.wawpkit.mock.SessionStatus.FAILED;
import static dev.wawpkit.mock.SessionStatus.SCAN_QR_CODE;
import static dev.wawpkit.mock.SessionStatus.STARTING;
import static dev.wawpkit.mock.SessionStatus.STOPPED;
import static dev.wawpkit.mock.SessionStatus.WORKING;

import dev.wawpkit.mock.SessionStatus;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Holds the specification's state table (section 4) as the moves the control API may make.
 *
 * <p>Each allowed move stands for an event of the table: start, boot, QR scanned, QR rotated,
 * stop, restart, logout, login lost. API calls apply their own events in {@link Session}.
 */
final class Transitions {
    private static final Map<SessionStatus, Set<SessionStatus>> ALLOWED = new EnumMap<>(SessionStatus.class);

    static {
        // from STOPPED: start, or stop again (idempotent)
        ALLOWED.put(STOPPED, EnumSet.of(STARTING, STOPPED));
        // from STARTING: booted without / with a login, crashed, stopped, restarted
        ALLOWED.put(STARTING, EnumSet.of(SCAN_QR_CODE, WORKING, FAILED, STOPPED, STARTING));
        // from SCAN_QR_CODE: scanned, QR rotated, QR expired unscanned (FAILED), stopped, restarted
        ALLOWED.put(SCAN_QR_CODE, EnumSet.of(WORKING, SCAN_QR_CODE, FAILED, STOPPED, STARTING));
        // from WORKING: logout, login lost, stopped, restarted
        ALLOWED.put(WORKING, EnumSet.of(SCAN_QR_CODE, FAILED, STOPPED, STARTING));
        // from FAILED: restart, logout then start, stop
        ALLOWED.put(FAILED, EnumSet.of(STARTING, SCAN_QR_CODE, STOPPED));
    }

    private Transitions() {}

    static boolean allowed(SessionStatus from, SessionStatus to) {
        return ALLOWED.get(from).contains(to);
    }

    static Set<SessionStatus> targetsFrom(SessionStatus from) {
        return ALLOWED.get(from);
    }
}
