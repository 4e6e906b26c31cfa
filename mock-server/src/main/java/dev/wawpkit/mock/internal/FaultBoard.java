package dev.wawpkit.mock.internal;

import dev.wawpkit.mock.Endpoint;
import dev.wawpkit.mock.FaultRule;
import dev.wawpkit.mock.WawpMockException;
import java.util.ArrayList;
import java.util.List;
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

    void arm(FaultRule rule) {
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
