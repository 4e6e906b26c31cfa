package dev.wawpkit.mock.internal;

import dev.wawpkit.mock.Endpoint;
import dev.wawpkit.mock.Fault;
import dev.wawpkit.mock.FaultRule;
import dev.wawpkit.mock.WawpMockException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Holds the armed faults in arrival order and hands each out for at most its {@code times} calls.
 *
 * <p>Lock-free: the request path reads a counter, and claims a shot with a compare-and-set; with
 * nothing armed it costs one emptiness check.
 */
final class FaultBoard {
    private final ConcurrentLinkedQueue<Armed> armed = new ConcurrentLinkedQueue<>();

    /** How many faults may be armed at once; one more is refused (409). */
    static final int MAX_ARMED = 1_000;

    /**
     * How much answer text (raw bodies and header values, in characters) the armed faults may hold
     * in all; a raw fault that would pass it is refused (409). Each body may be 1 MiB; without this,
     * a hundred of them ran a mock started with {@code -Xmx160m} out of memory.
     */
    static final long MAX_RAW_CHARS = 16L << 20;

    /** Arms a fault; refuses (409) one over {@link #MAX_ARMED} or {@link #MAX_RAW_CHARS}. Not on the request path. */
    synchronized void arm(FaultRule rule) {
        long adding = rawChars(rule);
        if (adding > 0) {
            long held = 0;
            for (Armed a : armed) {
                held += rawChars(a.rule);
            }
            if (held + adding > MAX_RAW_CHARS) {
                throw new WawpMockException(
                        409,
                        "raw_faults_too_large",
                        "Expected the armed raw faults to hold at most " + MAX_RAW_CHARS
                                + " characters of answer text in all, but " + held
                                + " are armed and this one adds " + adding
                                + ". Use times(n) on one fault instead of n faults, or clear the faults"
                                + " you no longer need (DELETE /__admin/wawp/faults).");
            }
        }
        if (armed.size() >= MAX_ARMED) {
            throw new WawpMockException(
                    409,
                    "too_many_faults",
                    "Expected at most " + MAX_ARMED
                            + " armed faults, but " + MAX_ARMED
                            + " are armed already. Use times(n) on one fault instead of "
                            + "n faults, or clear them (DELETE /__admin/wawp/faults).");
        }
        armed.add(new Armed(rule));
    }

    private static long rawChars(FaultRule rule) {
        if (!(rule.fault() instanceof Fault.Raw raw)) {
            return 0;
        }
        long chars = raw.body().length();
        for (Map.Entry<String, String> h : raw.headers().entrySet()) {
            chars += h.getKey().length() + h.getValue().length();
        }
        return chars;
    }

    /** Returns whether any fault is armed (one emptiness check). */
    boolean armed() {
        return !armed.isEmpty();
    }

    /** Claims the first armed fault matching the call, or returns null. */
    FaultRule claim(Endpoint endpoint, String instanceId, String token) {
        if (armed.isEmpty()) {
            return null;
        }
        for (Armed a : armed) {
            FaultRule r = a.rule;
            if (r.endpoint() == endpoint
                    && (r.instanceId() == null || r.instanceId().equals(instanceId))
                    && (r.accessToken() == null || r.accessToken().equals(token))
                    && a.claim()) {
                if (a.left.get() == 0) {
                    armed.remove(a);
                }
                return r;
            }
        }
        return null;
    }

    /** Lists the armed faults, each with the number of calls it still hits. */
    List<FaultRule> list() {
        List<FaultRule> out = new ArrayList<>();
        for (Armed a : armed) {
            int left = a.left.get();
            if (left > 0) {
                FaultRule r = a.rule;
                out.add(new FaultRule(r.endpoint(), r.instanceId(), r.accessToken(), r.fault(), r.delay(), left));
            }
        }
        return out;
    }

    /** Disarms every fault, or only those scoped to the given token when it is not null. */
    void clear(String token) {
        armed.removeIf(a -> token == null || Objects.equals(a.rule.accessToken(), token));
    }

    private static final class Armed {
        final FaultRule rule;
        final AtomicInteger left;

        Armed(FaultRule rule) {
            this.rule = rule;
            this.left = new AtomicInteger(rule.times());
        }

        boolean claim() {
            int n;
            do {
                n = left.get();
                if (n <= 0) {
                    return false;
                }
            } while (!left.compareAndSet(n, n - 1));
            return true;
        }
    }
}
