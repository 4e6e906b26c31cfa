package dev.wawpkit.mock.internal;

import dev.wawpkit.mock.SessionStatus;
import dev.wawpkit.mock.WawpMockException;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * Holds every session in one concurrent map keyed by instance id; each entry remembers its owner.
 *
 * <p>A session is visible only to its owning token: {@link #find} hides other tokens' sessions.
 */
final class SessionStore {
    static final Pattern INSTANCE_ID = Pattern.compile("[A-Za-z0-9]{12}");

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Session.Rules rules;
    private final SessionEvents events;
    private final int maxSessions;
    /** How many entries of deleted sessions the eviction queue may carry beyond the store's size. */
    private static final int STALE_SLACK = 1024;
    /** How many of the longest-queued sessions each eviction compares. */
    private static final int SAMPLE = 8;
    /** Every stored session, longest queued first: where each eviction takes its sample. */
    private final Queue<Session> order = new ConcurrentLinkedQueue<>();
    /** The queue's length (a concurrent queue counts itself in linear time). */
    private final AtomicInteger queued = new AtomicInteger();
    /** Held only by the one thread that evicts; others never wait for it (tryLock). */
    private final ReentrantLock evicting = new ReentrantLock();

    SessionStore(Session.Rules rules, SessionEvents events, int maxSessions) {
        this.rules = rules;
        this.events = events;
        this.maxSessions = maxSessions;
    }

    /** Remembers a newly stored session, and forgets the least recently used ones beyond the cap. */
    private void added(Session s) {
        events.changed();
        enqueue(s);
        if ((sessions.size() > maxSessions || queued.get() > 2L * sessions.size() + STALE_SLACK)
                && evicting.tryLock()) {
            try {
                evictLeastRecentlyUsed();
            } finally {
                evicting.unlock();
            }
        }
    }

    private void enqueue(Session s) {
        order.offer(s);
        queued.incrementAndGet();
    }

    /** Takes the queue's head, skipping entries of sessions deleted or replaced since; null when empty. */
    private Session nextLive() {
        for (Session head; (head = order.poll()) != null; ) {
            queued.decrementAndGet();
            if (sessions.get(head.instanceId) == head) {
                return head;
            }
        }
        return null;
    }

    /**
     * Forgets sessions beyond the cap, least recently used first, by sampling as Redis does: of the
     * {@value #SAMPLE} sessions longest in the queue, the one used longest ago goes and the others go
     * back to the tail. A session just created was used just now, so it never goes before older
     * ones; one in use keeps winning its samples. Each create costs a few queue steps however many
     * sessions there are (sorting every session's last use once per thousand creates took two thirds
     * of the request path's time at the cap). Entries of deleted sessions are dropped on the way, so
     * the queue stays within twice the store.
     */
    private void evictLeastRecentlyUsed() {
        Session[] sample = new Session[SAMPLE];
        for (int rounds = sessions.size() - maxSessions; rounds > 0 && sessions.size() > maxSessions; rounds--) {
            int n = 0;
            for (Session s; n < SAMPLE && (s = nextLive()) != null; ) {
                sample[n++] = s;
            }
            int oldest = 0;
            for (int i = 1; i < n; i++) {
                if (sample[i].lastUsed() < sample[oldest].lastUsed()) {
                    oldest = i;
                }
            }
            for (int i = 0; i < n; i++) {
                if (i == oldest) {
                    sessions.remove(sample[i].instanceId, sample[i]);
                } else {
                    enqueue(sample[i]);
                }
            }
        }
        for (int steps = queued.get(); steps > 0 && queued.get() > 2L * sessions.size() + STALE_SLACK; steps--) {
            Session live = nextLive();
            if (live == null) {
                return;
            }
            enqueue(live);
        }
    }

    /** Creates a STOPPED session with a fresh, unique instance id. */
    Session create(String token) {
        while (true) {
            Session s = new Session(
                    Session.newInstanceId(),
                    Session.newName(),
                    token,
                    Instant.now(),
                    SessionStatus.STOPPED,
                    false,
                    rules,
                    events);
            if (sessions.putIfAbsent(s.instanceId, s) == null) {
                added(s);
                return s;
            }
        }
    }

    /** Seeds a session as the control API asks; refuses an id already in use. */
    Session seed(String token, String instanceId, SessionStatus status, boolean loggedIn) {
        if (instanceId != null && !INSTANCE_ID.matcher(instanceId).matches()) {
            throw new WawpMockException(
                    400,
                    "invalid_instance_id",
                    "Expected instance_id to be 12 letters or digits (like 3EB0BCB2E3D4), but got '" + instanceId
                            + "'. Leave it out to have one generated.");
        }
        while (true) {
            String id = instanceId == null ? Session.newInstanceId() : instanceId;
            Session s = new Session(id, Session.newName(), token, Instant.now(), status, loggedIn, rules, events);
            if (sessions.putIfAbsent(id, s) == null) {
                added(s);
                return s;
            }
            if (instanceId != null) {
                throw new WawpMockException(
                        409,
                        "session_exists",
                        "Expected a new instance_id, but session " + instanceId
                                + " already exists. Pick another id, or reset the mock first.");
            }
        }
    }

    /** Puts back a session read from a state file. */
    void restore(Session s) {
        sessions.put(s.instanceId, s);
        added(s);
    }

    /** Returns the session if it exists and belongs to the token, else null; marks it used. */
    Session find(String instanceId, String token) {
        Session s = sessions.get(instanceId);
        if (s != null && s.token.equals(token)) {
            s.used();
            return s;
        }
        return null;
    }

    /** Returns the session whoever owns it, or throws a 404 control error. */
    Session require(String instanceId) {
        Session s = sessions.get(instanceId);
        if (s == null) {
            throw new WawpMockException(
                    404,
                    "session_not_found",
                    "Expected an existing session, but there is no session " + instanceId
                            + ". List them with GET /__admin/wawp/sessions, or seed one with POST /__admin/wawp/sessions.");
        }
        return s;
    }

    /** Deletes the session if it is still the one given (a concurrent replacement stays). */
    boolean remove(Session s) {
        boolean removed = sessions.remove(s.instanceId, s);
        if (removed) {
            events.changed();
        }
        return removed;
    }

    void remove(String instanceId) {
        if (instanceId != null && sessions.remove(instanceId) != null) {
            events.changed();
        }
    }

    /** The eviction queue's length, deleted sessions' entries included (for tests). */
    int queuedForEviction() {
        return queued.get();
    }

    Collection<Session> all() {
        return sessions.values();
    }

    Session.Rules rules() {
        return rules;
    }

    SessionEvents events() {
        return events;
    }

    void clear() {
        sessions.clear();
        order.clear();
        queued.set(0);
        events.changed();
    }
}
