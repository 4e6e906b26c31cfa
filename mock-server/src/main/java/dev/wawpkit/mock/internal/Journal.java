package dev.wawpkit.mock.internal;

import dev.wawpkit.mock.RecordedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Keeps the requests the API received: a ring per access token (requests without one share a
 * ring), bounded in entries and in the request text they hold (headers, path, query, body). The
 * oldest go first; {@link #dropped()} counts them. A request that does not fit the text budget is
 * kept without its body, or else masked and cut ({@link JournalEntry#cut()}): a few large requests
 * never cost more than the budget, whatever their headers.
 *
 * <p>Writing is lock-free (one counter increment and one slot swap) and stores the request raw;
 * readers copy and sort a ring and see each entry masked ({@link JournalEntry#recorded()}).
 * When more tokens have written than the global cap leaves rings for, the ring written to least
 * recently is dropped whole.
 */
final class Journal {
    /** Default ring size per token. */
    static final int DEFAULT_PER_TOKEN = 1_000;
    /** Default cap on entries across all rings. */
    static final int DEFAULT_MAX_ENTRIES = 20_000;
    /** Largest body kept per request. */
    static final int MAX_BODY_CHARS = 64 * 1024;
    /** Cap on the request text kept in all (headers, path, query and body, in characters and bytes). */
    static final long MAX_KEPT_BYTES = 16L << 20;

    private static final String NO_TOKEN = "";

    private final int perToken;
    private final int maxRings;
    private final Map<String, Ring> rings = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong keptBytes = new AtomicLong();
    private final Map<String, AtomicLong> takeCursors = new ConcurrentHashMap<>();
    private final AtomicInteger waiters = new AtomicInteger();
    private final Object arrival = new Object();

    Journal(int perToken, int maxEntries) {
        if (perToken < 1 || maxEntries < perToken) {
            throw new IllegalArgumentException("Expected a journal of at least 1 request per token and a cap of at "
                    + "least that many, but got " + perToken + " per token and " + maxEntries + " in all.");
        }
        this.perToken = perToken;
        this.maxRings = Math.max(1, maxEntries / perToken);
    }

    /** Returns the next sequence number; the caller builds the entry with it. */
    long nextSequence() {
        return sequence.incrementAndGet();
    }

    /**
     * Adds a request to its token's ring, as much of it as the text budget has room for; wakes
     * anyone waiting in {@link #take}. Returns the entry as kept.
     */
    JournalEntry add(String token, JournalEntry request) {
        request = fit(request);
        String key = token == null ? NO_TOKEN : token;
        Ring ring = rings.get(key);
        if (ring == null) {
            ring = rings.computeIfAbsent(key, k -> new Ring(perToken));
            if (rings.size() > maxRings) {
                evictStalestRingBut(key);
            }
        }
        JournalEntry old = ring.put(request);
        if (old != null) {
            forget(old);
        }
        if (waiters.get() > 0) {
            synchronized (arrival) {
                arrival.notifyAll();
            }
        }
        return request;
    }

    /** The entry whole if the budget has room for it, else without its body, else cut. */
    private JournalEntry fit(JournalEntry request) {
        if (reserve(request.keptBytes())) {
            return request;
        }
        JournalEntry bodiless = request.withoutBody();
        if (bodiless != request && reserve(bodiless.keptBytes())) {
            return bodiless;
        }
        return request.cut();
    }

    private boolean reserve(long bytes) {
        if (keptBytes.addAndGet(bytes) > MAX_KEPT_BYTES) {
            keptBytes.addAndGet(-bytes);
            return false;
        }
        return true;
    }

    /**
     * Lists the kept requests of one token (or of all, when null) that pass the filter, oldest first,
     * masked (an entry is masked the first time it is read).
     */
    List<RecordedRequest> list(String token, Predicate<RecordedRequest> filter, int limit) {
        List<JournalEntry> entries = new ArrayList<>();
        for (Ring ring : ringsOf(token)) {
            ring.copyInto(entries);
        }
        entries.sort(Comparator.comparingLong(e -> e.sequence));
        List<RecordedRequest> out = new ArrayList<>();
        for (JournalEntry e : entries) {
            RecordedRequest r = e.recorded();
            if (filter.test(r)) {
                out.add(r);
            }
        }
        return limit > 0 && out.size() > limit ? List.copyOf(out.subList(out.size() - limit, out.size())) : out;
    }

    /**
     * Returns the oldest request of the token (or of any, when null) not taken yet, waiting up to
     * the timeout for one to arrive; null when none came in time.
     */
    RecordedRequest take(String token, Duration timeout) throws InterruptedException {
        AtomicLong cursor = takeCursors.computeIfAbsent(token == null ? "\0all" : token, k -> new AtomicLong());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long after = cursor.get();
            JournalEntry next = null;
            for (Ring ring : ringsOf(token)) {
                JournalEntry r = ring.firstAfter(after);
                if (r != null && (next == null || r.sequence < next.sequence)) {
                    next = r;
                }
            }
            if (next != null) {
                if (cursor.compareAndSet(after, next.sequence)) {
                    return next.recorded();
                }
                continue;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            waiters.incrementAndGet();
            try {
                synchronized (arrival) {
                    TimeUnit.NANOSECONDS.timedWait(arrival, Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)));
                }
            } finally {
                waiters.decrementAndGet();
            }
        }
    }

    /** Forgets the requests of one token (or all, when null), and where {@link #take} stands for it. */
    void clear(String token) {
        if (token == null) {
            rings.clear();
            takeCursors.clear();
            keptBytes.set(0);
            return;
        }
        Ring ring = rings.remove(token);
        if (ring != null) {
            ring.forEach(this::release);
        }
        takeCursors.remove(token);
    }

    /** Returns how many requests were dropped to keep the journal within its bounds. */
    long dropped() {
        return dropped.get();
    }

    private List<Ring> ringsOf(String token) {
        if (token == null) {
            return List.copyOf(rings.values());
        }
        Ring ring = rings.get(token);
        return ring == null ? List.of() : List.of(ring);
    }

    private void forget(JournalEntry old) {
        dropped.incrementAndGet();
        release(old);
    }

    private void release(JournalEntry old) {
        if (old.keptBytes() > 0) {
            keptBytes.addAndGet(-old.keptBytes());
        }
    }

    private void evictStalestRingBut(String keep) {
        String stalest = null;
        long oldest = Long.MAX_VALUE;
        for (Map.Entry<String, Ring> e : rings.entrySet()) {
            long last = e.getValue().lastSequence();
            if (!Objects.equals(e.getKey(), keep) && last < oldest) {
                oldest = last;
                stalest = e.getKey();
            }
        }
        if (stalest != null) {
            Ring gone = rings.remove(stalest);
            if (gone != null) {
                gone.forEach(this::forget);
            }
        }
    }

    /** A fixed ring of requests; writers claim a slot with one increment. */
    private static final class Ring {
        private final AtomicReferenceArray<JournalEntry> slots;
        private final AtomicLong next = new AtomicLong();
        private volatile long lastSequence;

        Ring(int size) {
            this.slots = new AtomicReferenceArray<>(size);
        }

        JournalEntry put(JournalEntry r) {
            lastSequence = r.sequence;
            return slots.getAndSet((int) (next.getAndIncrement() % slots.length()), r);
        }

        long lastSequence() {
            return lastSequence;
        }

        void copyInto(List<JournalEntry> out) {
            for (int i = 0; i < slots.length(); i++) {
                JournalEntry r = slots.get(i);
                if (r != null) {
                    out.add(r);
                }
            }
        }

        JournalEntry firstAfter(long sequence) {
            JournalEntry best = null;
            for (int i = 0; i < slots.length(); i++) {
                JournalEntry r = slots.get(i);
                if (r != null && r.sequence > sequence && (best == null || r.sequence < best.sequence)) {
                    best = r;
                }
            }
            return best;
        }

        void forEach(Consumer<JournalEntry> action) {
            for (int i = 0; i < slots.length(); i++) {
                JournalEntry r = slots.get(i);
                if (r != null) {
                    action.accept(r);
                }
            }
        }
    }
}
