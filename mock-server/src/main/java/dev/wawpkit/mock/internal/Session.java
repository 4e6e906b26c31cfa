package dev.wawpkit.mock.internal;

import dev.wawpkit.mock.MockSession;
import dev.wawpkit.mock.RecordedCall;
import dev.wawpkit.mock.SessionStatus;
import dev.wawpkit.mock.WawpMockException;
import dev.wawpkit.mock.WebhookDelivery;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One simulated session and its state machine (spec section 4).
 *
 * <p>Every read and change holds this session's own monitor, so transitions are atomic per
 * session while unrelated sessions never wait for each other. STARTING moves on when its boot
 * delay has passed: a timer asks for it, and any earlier look past the deadline applies it too.
 */
final class Session {
    /** How many calls and webhook deliveries a session remembers; older ones are dropped first. */
    static final int CALL_BUFFER = 256;

    /** How a mock's sessions behave: boot delay (negative: manual) and QR rotation period. */
    record Rules(long bootDelayNanos, long qrPeriodNanos) {}

    /** One QR code as shown: its value, its image, and when it rotates (epoch ms). */
    record Qr(String value, String png, long expiresAtMillis) {}

    final String instanceId;
    final String name;
    final String token;
    final Instant createdAt;
    private final Rules rules;
    private final SessionEvents events;

    private SessionStatus status;
    private boolean loggedIn;
    private boolean deleted;
    private long startingSinceNanos;
    private long qrSinceNanos;
    private Qr qr;
    private long qrIndex = -1;
    private List<URI> webhooks = List.of();
    private String webhookSecret;
    private final ArrayDeque<JournalEntry.Call> calls = new ArrayDeque<>(4);
    private ArrayDeque<WebhookDelivery> deliveries; // most sessions never have one
    /** When the API last named this session (nanoTime); the least recently used go first at the cap. */
    private volatile long lastUsed = System.nanoTime();

    Session(
            String instanceId,
            String name,
            String token,
            Instant createdAt,
            SessionStatus status,
            boolean loggedIn,
            Rules rules,
            SessionEvents events) {
        this.instanceId = instanceId;
        this.name = name;
        this.token = token;
        this.createdAt = createdAt;
        this.rules = rules;
        this.events = events;
        this.status = status;
        this.loggedIn = loggedIn || status == SessionStatus.WORKING;
        this.startingSinceNanos = System.nanoTime();
        this.qrSinceNanos = System.nanoTime();
        if (status == SessionStatus.STARTING && rules.bootDelayNanos >= 0) {
            events.bootPending(this, rules.bootDelayNanos);
        }
    }

    /** Marks the session used by an API call now. */
    void used() {
        lastUsed = System.nanoTime();
    }

    long lastUsed() {
        return lastUsed;
    }

    // ---- API events ------------------------------------------------------------------------

    /** Start: STOPPED boots; every other status answers unchanged (DECIDED). */
    synchronized Snapshot start() {
        settle();
        if (status == SessionStatus.STOPPED) {
            enter(SessionStatus.STARTING);
        }
        return snapshot();
    }

    /** Stop: any status to STOPPED, the login kept; stopping a stopped session is a no-op. */
    synchronized Snapshot stop() {
        settle();
        if (status != SessionStatus.STOPPED) {
            enter(SessionStatus.STOPPED);
        }
        return snapshot();
    }

    /** Restart: any status through STARTING, then booting as after start. */
    synchronized Snapshot restart() {
        settle();
        enter(SessionStatus.STARTING);
        return snapshot();
    }

    /**
     * Logout: wipes the login. WORKING asks for a new scan (SCAN_QR_CODE); FAILED stops, so that
     * the next start boots to a QR code; other statuses stay as they are.
     */
    synchronized Snapshot logout() {
        settle();
        boolean wasLoggedIn = loggedIn;
        loggedIn = false;
        if (status == SessionStatus.WORKING) {
            enter(SessionStatus.SCAN_QR_CODE);
        } else if (status == SessionStatus.FAILED) {
            enter(SessionStatus.STOPPED);
        } else if (wasLoggedIn) {
            events.changed();
        }
        return snapshot();
    }

    /** Marks the session deleted; the store forgets it. */
    synchronized Snapshot delete() {
        settle();
        deleted = true;
        events.changed();
        return snapshot();
    }

    synchronized Snapshot read() {
        settle();
        return snapshot();
    }

    /** Reads the session with its current QR code (null unless SCAN_QR_CODE), in one consistent view. */
    synchronized Snapshot readWithQr() {
        settle();
        return new Snapshot(this, status, loggedIn, deleted, qr());
    }

    /** Returns the QR code shown now, rotating it when its period has passed; only while SCAN_QR_CODE. */
    private Qr qr() {
        if (status != SessionStatus.SCAN_QR_CODE) {
            return null;
        }
        long elapsed = System.nanoTime() - qrSinceNanos;
        long index = rules.qrPeriodNanos > 0 ? elapsed / rules.qrPeriodNanos : 0;
        if (qr == null || index != qrIndex) {
            long left = rules.qrPeriodNanos > 0 ? rules.qrPeriodNanos - elapsed % rules.qrPeriodNanos : 0;
            String value = QrCodes.newValue();
            qr = new Qr(value, QrCodes.pngDataUrl(value), System.currentTimeMillis() + left / 1_000_000);
            qrIndex = index;
        }
        return qr;
    }

    // ---- control events --------------------------------------------------------------------

    /** Moves the session as the control API asks, if the state table allows it. */
    synchronized Snapshot moveTo(SessionStatus target, Boolean loggedInOverride) {
        settle();
        if (!Transitions.allowed(status, target)) {
            throw new WawpMockException(
                    409,
                    "illegal_transition",
                    "Cannot move session " + instanceId + " from " + status + " to " + target
                            + ": the state table allows " + status + " -> " + Transitions.targetsFrom(status)
                            + ". Move it through an allowed status first.");
        }
        boolean before = loggedIn;
        switch (target) {
            case WORKING -> loggedIn = true; // QR scanned, or booted with a saved login
            case FAILED -> loggedIn = false; // login lost / device unlinked
            case SCAN_QR_CODE -> {
                if (status == SessionStatus.WORKING || status == SessionStatus.FAILED) {
                    loggedIn = false; // logout wipes the login
                }
            }
            default -> {}
        }
        if (loggedInOverride != null) {
            loggedIn = loggedInOverride;
        }
        if (target == status && target == SessionStatus.SCAN_QR_CODE) {
            qr = null; // the QR rotates now
            qrSinceNanos = System.nanoTime();
        }
        if (target != status || target == SessionStatus.STARTING) {
            enter(target);
        } else if (before != loggedIn) {
            events.changed();
        }
        return snapshot();
    }

    synchronized void webhooks(List<URI> urls, String secret) {
        this.webhooks = List.copyOf(urls);
        this.webhookSecret = secret;
        events.changed();
    }

    synchronized List<URI> webhookUrls() {
        return webhooks;
    }

    synchronized String webhookSecret() {
        return webhookSecret;
    }

    synchronized void record(JournalEntry.Call call) {
        if (calls.size() == CALL_BUFFER) {
            calls.removeFirst();
        }
        calls.addLast(call);
    }

    List<RecordedCall> calls() {
        List<JournalEntry.Call> raw;
        synchronized (this) {
            raw = List.copyOf(calls);
        }
        return raw.stream().map(c -> c.recorded(this)).toList(); // masked outside the monitor
    }

    synchronized void recordDelivery(WebhookDelivery delivery) {
        if (deliveries == null) {
            deliveries = new ArrayDeque<>(4);
        }
        if (deliveries.size() == CALL_BUFFER) {
            deliveries.removeFirst();
        }
        deliveries.addLast(delivery);
    }

    synchronized List<WebhookDelivery> deliveries() {
        return deliveries == null ? List.of() : List.copyOf(deliveries);
    }

    // ---- the machine -----------------------------------------------------------------------

    private void enter(SessionStatus next) {
        SessionStatus from = status;
        status = next;
        if (next == SessionStatus.STARTING) {
            startingSinceNanos = System.nanoTime();
            if (rules.bootDelayNanos >= 0) {
                events.bootPending(this, rules.bootDelayNanos);
            }
        }
        if (next == SessionStatus.SCAN_QR_CODE) {
            qr = null; // a fresh QR each time one is shown
            qrSinceNanos = System.nanoTime();
        }
        if (deleted) {
            return;
        }
        if (from != next) {
            events.statusChanged(this, from, next);
        } else {
            events.changed();
        }
    }

    /** Applies the boot once the delay has passed: resume the login, or ask for a QR scan. */
    private void settle() {
        if (status == SessionStatus.STARTING
                && rules.bootDelayNanos >= 0
                && System.nanoTime() - startingSinceNanos >= rules.bootDelayNanos) {
            enter(loggedIn ? SessionStatus.WORKING : SessionStatus.SCAN_QR_CODE);
        }
    }

    private Snapshot snapshot() {
        return new Snapshot(this, status, loggedIn, deleted, null);
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

    /** One consistent view of a session, taken under its monitor; {@code qr} only when asked for. */
    record Snapshot(Session session, SessionStatus status, boolean loggedIn, boolean deleted, Qr qr) {
        MockSession toPublic() {
            return new MockSession(
                    session.instanceId, session.name, Secrets.mask(session.token), status, loggedIn, session.createdAt);
        }
    }
}
