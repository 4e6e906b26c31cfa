package dev.wawpkit.mock;

import dev.wawpkit.mock.internal.ErrorVariants;
import java.time.Duration;
import java.util.Objects;

/**
 * Arms a {@link Fault} for the next {@code times} calls of one endpoint, optionally only for one
 * session or one access token.
 *
 * @param endpoint    the endpoint whose calls the fault hits
 * @param instanceId  only calls naming this session, or {@code null} for any
 * @param accessToken only calls made with this token, or {@code null} for any
 * @param fault       what the fault does
 * @param delay       an extra wait before the fault fires ({@link Duration#ZERO} for none)
 * @param times       how many calls it hits, at least 1
 */
public record FaultRule(
        Endpoint endpoint, String instanceId, String accessToken, Fault fault, Duration delay, int times) {

    /** Upper bound on {@code times}, to catch typos such as a timestamp passed as a count. */
    public static final int MAX_TIMES = 1_000_000;

    /** Checks the rule: create has no session to scope to, times is 1 to 1,000,000. */
    public FaultRule {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(fault, "fault");
        delay = delay == null ? Duration.ZERO : delay;
        new Fault.Delay(delay); // validates the range
        if (times < 1 || times > MAX_TIMES) {
            throw WawpMockException.badRequest(
                    "invalid_times", "Expected times between 1 and " + MAX_TIMES + ", but got " + times + ".");
        }
        if (instanceId != null && endpoint == Endpoint.CREATE) {
            throw WawpMockException.badRequest(
                    "invalid_fault_scope",
                    "Expected no instance_id for a create fault (create names no session), but got '" + instanceId
                            + "'. Scope it by access_token instead.");
        }
        if (fault instanceof Fault.HttpError e
                && !ErrorVariants.statusesFor(endpoint).contains(e.status())) {
            throw WawpMockException.badRequest(
                    "undocumented_fault",
                    "Expected a status documented for " + endpoint.key() + " " + ErrorVariants.statusesFor(endpoint)
                            + ", but got " + e.status() + ".");
        }
        if (fault instanceof Fault.HttpError e
                && !ErrorVariants.formatsFor(endpoint, e.status()).contains(e.format())) {
            throw WawpMockException.badRequest(
                    "undocumented_fault",
                    "Expected a format documented for " + e.status() + " on " + endpoint.key() + " "
                            + ErrorVariants.formatsFor(endpoint, e.status()) + ", but got "
                            + e.format().key() + ".");
        }
    }
}
