package dev.wawpkit.mock;

import dev.wawpkit.mock.internal.ControlPort;
import dev.wawpkit.mock.internal.RequestQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Checks how often an endpoint was called, read from the request journal:
 * {@code mock.verify(Endpoint.CREATE).times(3)}, {@code mock.verify(Endpoint.START).session(id).never()}.
 *
 * <p>Narrow with {@link #session}, {@link #header} and {@link #body} before a terminal check. A
 * failing check throws an {@link AssertionError} that lists every request of the endpoint the
 * mock received, credentials masked. Counts only what the journal still holds (see its bounds).
 */
public final class Verification {
    private final ControlPort port;
    private final Endpoint endpoint;
    private final List<String> conditions = new ArrayList<>();
    private Predicate<RecordedRequest> filter = r -> true;
    private String instanceId;

    Verification(ControlPort port, Endpoint endpoint) {
        this.port = port;
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    }

    /** Counts only requests that named this session. */
    public Verification session(String instanceId) {
        this.instanceId = Objects.requireNonNull(instanceId, "instanceId");
        conditions.add("instance_id " + instanceId);
        return this;
    }

    /** Counts only requests with this header value (name matched case-insensitively; masked values for credentials). */
    public Verification header(String name, String value) {
        return header(name, v -> Objects.equals(v, value), "header " + name + ": " + value);
    }

    /** Counts only requests whose header (first value, or null when absent) passes the test. */
    public Verification header(String name, Predicate<String> test) {
        return header(name, test, "header " + name + " matching a predicate");
    }

    /** Counts only requests whose body (masked text, or null when empty) passes the test. */
    public Verification body(Predicate<String> test) {
        Objects.requireNonNull(test, "test");
        filter = filter.and(r -> test.test(r.body()));
        conditions.add("a body matching a predicate");
        return this;
    }

    /** Checks the endpoint was called exactly {@code expected} times. */
    public void times(int expected) {
        check(expected, expected, "exactly " + expected);
    }

    /** Checks the endpoint was called at least {@code min} times. */
    public void atLeast(int min) {
        check(min, Integer.MAX_VALUE, "at least " + min);
    }

    /** Checks the endpoint was not called. */
    public void never() {
        check(0, 0, "no");
    }

    private Verification header(String name, Predicate<String> test, String description) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(test, "test");
        filter = filter.and(r -> test.test(r.header(name)));
        conditions.add(description);
        return this;
    }

    private void check(int min, int max, String expectation) {
        List<RecordedRequest> all = port.requests(new RequestQuery(null, endpoint.key(), null, null, 0)).stream()
                .filter(r -> !"CORS_PREFLIGHT".equals(r.fault()))
                .toList();
        long count = all.stream()
                .filter(r -> instanceId == null || instanceId.equals(r.instanceId()))
                .filter(filter)
                .count();
        if (count >= min && count <= max) {
            return;
        }
        StringBuilder sb = new StringBuilder("\nExpecting ")
                .append(expectation)
                .append(' ')
                .append(endpoint.key())
                .append(" request")
                .append(max == 1 && min == 1 ? "" : "s");
        if (!conditions.isEmpty()) {
            sb.append(" with ").append(String.join(" and ", conditions));
        }
        sb.append(",\nbut got ")
                .append(count)
                .append(". The ")
                .append(all.size())
                .append(' ')
                .append(endpoint.key())
                .append(" request")
                .append(all.size() == 1 ? "" : "s")
                .append(" received:");
        if (all.isEmpty()) {
            sb.append("\n  (none)");
        }
        for (RecordedRequest r : all) {
            sb.append("\n  ").append(r);
        }
        throw new AssertionError(sb.toString());
    }
}
