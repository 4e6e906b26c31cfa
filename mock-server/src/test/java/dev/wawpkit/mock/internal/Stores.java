package dev.wawpkit.mock.internal;

import dev.wawpkit.mock.SessionStatus;
import java.util.concurrent.TimeUnit;

/** Session stores for unit tests of the internals. */
final class Stores {
    private Stores() {}

    /** A store with manual boot, as the engine builds one, holding at most cap sessions and telling no one. */
    static SessionStore manualBoot(int cap) {
        return new SessionStore(new Session.Rules(-1, TimeUnit.SECONDS.toNanos(20)), new NoEvents(), cap);
    }

    private static final class NoEvents implements SessionEvents {
        @Override
        public void statusChanged(Session session, SessionStatus from, SessionStatus to) {}

        @Override
        public void bootPending(Session session, long delayNanos) {}

        @Override
        public void changed() {}
    }
}
