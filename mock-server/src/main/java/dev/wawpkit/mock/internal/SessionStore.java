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
    /** Every stored session, least recently queued first: the eviction candidates, in CLOCK order. */
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
        s.queuedAt = System.nanoTime();
        order.offer(s);
        queued.incrementAndGet();
    }

    /**
     * Forgets sessions beyond the cap, least recently used first, as a CLOCK cache does: the
     * session at the head of the queue goes if nobody used it since it was queued; one that was
     * used gets a second chance at the tail. Each create pays for about two steps, however many
     * sessions there are (sorting every session's last use once per thousand creates took two
     * thirds of the request path's time at the cap). Entries of sessions deleted meanwhile are
     * dropped on the way, so the queue stays within twice the store.
     */
    private void evictLeastRecentlyUsed() {
        int excess = sessions.size() - maxSessions;
        for (int steps = queued.get() + Math.max(excess, 0) * 2; steps > 0; steps--) {
            boolean trimming = queued.get() > 2L * sessions.size() + STALE_SLACK;
            if (excess <= 0 && !trimming) {
                return;
            }
            Session head = order.poll();
            if (head == null) {
                return;
            }
            queued.decrementAndGet();
            if (sessions.get(head.instanceId) != head) {
                continue; // deleted or replaced since it was queued
            }
            if (excess > 0 && head.lastUsed() <= head.queuedAt) {
                if (sessions.remove(head.instanceId, head)) {
                    excess--;
                }
                continue;
            }
            enqueue(head);
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
