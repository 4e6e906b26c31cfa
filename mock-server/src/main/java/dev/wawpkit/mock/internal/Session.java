package dev.wawpkit.mock.internal;

import dev.wawpkit.mock.MockSession;
import dev.wawpkit.mock.RecordedCall;
import dev.wawpkit.mock.SessionStatus;
import dev.wawpkit.mock.WawpMockException;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One simulated session and its state machine.
 *
 * <p>Every read and change holds this session's own monitor, so transitions are atomic per
 * session while unrelated sessions never wait for each other. STARTING moves on lazily: the first
 * look after the boot delay has passed applies the boot, so no timer thread is needed.
 */
final class Session {
    /** How many calls a session remembers; older ones are dropped first. */
    static final int CALL_BUFFER = 256;

    final String instanceId;
    final String name;
    final String token;
    final Instant createdAt;
    private final long bootDelayNanos; // negative: boot only when told (manual)

    private SessionStatus status;
    private boolean loggedIn;
    private long startingSinceNanos;
    private int qrGeneration;
    private final ArrayDeque<RecordedCall> calls = new ArrayDeque<>();

    Session(String instanceId, String name, String token, SessionStatus status, boolean loggedIn,
            long bootDelayNanos) {
        this.instanceId = instanceId;
        this.name = name;
        this.token = token;
        this.createdAt = Instant.now();
        this.bootDelayNanos = bootDelayNanos;
        this.status = status;
        this.loggedIn = loggedIn || status == SessionStatus.WORKING;
        this.startingSinceNanos = System.nanoTime();
        this.qrGeneration = status == SessionStatus.SCAN_QR_CODE ? 1 : 0;
    }

    /** Applies the start call: STOPPED boots; every other status answers unchanged (DECIDED). */
    synchronized Snapshot start() {
        settle();
        if (status == SessionStatus.STOPPED) {
            enter(SessionStatus.STARTING);
        }
        return snapshot();
    }

    synchronized Snapshot read() {
        settle();
        return snapshot();
    }

    /** Moves the session as the control API asks, if the state table allows it. */
    synchronized Snapshot moveTo(SessionStatus target, Boolean loggedInOverride) {
        settle();
        if (!Transitions.allowed(status, target)) {
            throw new WawpMockException(409, "illegal_transition",
                    "Cannot move session " + instanceId + " from " + status + " to " + target
                            + ": the state table allows " + status + " -> " + Transitions.targetsFrom(status)
                            + ". Move it through an allowed status first.");
        }
        switch (target) {
            case WORKING -> loggedIn = true;              // QR scanned, or booted with a saved login
            case FAILED -> loggedIn = false;              // login lost / device unlinked
            case SCAN_QR_CODE -> {
                if (status == SessionStatus.WORKING || status == SessionStatus.FAILED) {
                    loggedIn = false;                     // logout wipes the login
                }
            }
            default -> {
            }
        }
        if (loggedInOverride != null) {
            loggedIn = loggedInOverride;
        }
        enter(target);
        return snapshot();
    }

    synchronized void record(RecordedCall call) {
        if (calls.size() == CALL_BUFFER) {
            calls.removeFirst();
        }
        calls.addLast(call);
    }

    synchronized List<RecordedCall> calls() {
        return List.copyOf(calls);
    }

    private void enter(SessionStatus next) {
        if (next == SessionStatus.STARTING) {
            startingSinceNanos = System.nanoTime();
        }
        if (next == SessionStatus.SCAN_QR_CODE) {
            qrGeneration++;                               // a fresh QR each time one is shown
        }
        status = next;
    }

    /** Applies the boot once the delay has passed: resume the login, or ask for a QR scan. */
    private void settle() {
        if (status == SessionStatus.STARTING && bootDelayNanos >= 0
                && System.nanoTime() - startingSinceNanos >= bootDelayNanos) {
            enter(loggedIn ? SessionStatus.WORKING : SessionStatus.SCAN_QR_CODE);
        }
    }

    private Snapshot snapshot() {
        return new Snapshot(this, status, loggedIn, qrGeneration);
    }

    /** Generates a fresh instance id: 12 upper-case alphanumerics, as Wawp's look. */
    static String newInstanceId() {
        String alphabet = "0123456789ABCDEF";
        ThreadLocalRandom r = ThreadLocalRandom.current();
        char[] id = new char[12];
        for (int i = 0; i < id.length; i++) {
            id[i] = alphabet.charAt(r.nextInt(alphabet.length()));
        }
        return new String(id);
    }

    /** Generates a session name, {@code wawp-} and 8 digits. */
    static String newName() {
        return "wawp-" + (10_000_000 + ThreadLocalRandom.current().nextInt(90_000_000));
    }

    /** One consistent view of a session, taken under its monitor. */
    record Snapshot(Session session, SessionStatus status, boolean loggedIn, int qrGeneration) {
        MockSession toPublic() {
            return new MockSession(session.instanceId, session.name, Secrets.mask(session.token), status, loggedIn,
                    session.createdAt);
        }
    }
}
