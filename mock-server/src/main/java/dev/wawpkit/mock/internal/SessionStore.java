package dev.wawpkit.mock.internal;

import dev.wawpkit.mock.SessionStatus;
import dev.wawpkit.mock.WawpMockException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
        if (sessions.size() > maxSessions && evicting.tryLock()) {
            try {
                evictLeastRecentlyUsed();
            } finally {
                evicting.unlock();
            }
        }
    }

    /**
     * Forgets the least recently used sessions: the excess, and while at it up to 1% of the cap
     * more (at most 1,000), so the scan that finds them runs once per that many creates.
     */
    private void evictLeastRecentlyUsed() {
        int excess = sessions.size() - maxSessions;
        if (excess <= 0) {
            return;
        }
        long[] stamps = sessions.values().stream().mapToLong(Session::lastUsed).toArray();
        int batch = Math.min(stamps.length, Math.max(excess, Math.min(maxSessions / 100, 1000)));
        Arrays.sort(stamps);
        long cutoff = stamps[batch - 1];
        int removed = 0;
        for (Session x : sessions.values()) {
            if (removed >= batch) {
                break;
            }
            if (x.lastUsed() <= cutoff && sessions.remove(x.instanceId, x)) {
                removed++;
            }
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
        events.changed();
    }
}
