package dev.wawpkit.mock.internal;

import dev.wawpkit.mock.SessionStatus;

/** What a session tells its mock: status changes (webhooks, persistence) and boots to schedule. */
interface SessionEvents {
    /** Called under the session's monitor, once per change; must not block. */
    void statusChanged(Session session, SessionStatus from, SessionStatus to);

    /** Called when a session enters STARTING with an automatic boot; must not block. */
    void bootPending(Session session, long delayNanos);

    /** Called after any other stored change (login, webhooks); must not block. */
    void changed();
}
