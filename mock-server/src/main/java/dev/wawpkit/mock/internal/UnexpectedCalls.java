package dev.wawpkit.mock.internal;

import dev.wawpkit.mock.UnexpectedCall;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Remembers the last calls to paths or methods the mock does not serve, each with the token it
 * carried (if any), so a test can be failed for its own mistakes only. Lock-free; bounded.
 */
final class UnexpectedCalls {
    static final int LIMIT = 1_000;

    private final ConcurrentLinkedQueue<Entry> entries = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();

    void add(String token, UnexpectedCall call) {
        entries.add(new Entry(token, call));
        if (size.incrementAndGet() > LIMIT && entries.poll() != null) {
            size.decrementAndGet();
        }
    }

    /** Lists the calls made with the token (all calls when it is null). */
    List<UnexpectedCall> list(String token) {
        List<UnexpectedCall> out = new ArrayList<>();
        for (Entry e : entries) {
            if (token == null || token.equals(e.token)) {
                out.add(e.call);
            }
        }
        return out;
    }

    /** Removes and returns the calls made with the token, and those with no token when asked. */
    List<UnexpectedCall> drain(String token, boolean unattributed) {
        List<UnexpectedCall> out = new ArrayList<>();
        for (Iterator<Entry> it = entries.iterator(); it.hasNext(); ) {
            Entry e = it.next();
            if (((token == null && unattributed)
                            || (token != null && token.equals(e.token))
                            || (unattributed && e.token == null))
                    && entries.remove(e)) {
                size.decrementAndGet();
                out.add(e.call);
            }
        }
        return out;
    }

    private record Entry(String token, UnexpectedCall call) {}
}
