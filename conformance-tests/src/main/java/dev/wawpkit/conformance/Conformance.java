package dev.wawpkit.conformance;

import dev.wawpkit.conformance.internal.Capture;
import dev.wawpkit.conformance.internal.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Gives one row of the suite its target: calls ({@link #post}, {@link #get}, {@link #delete}) that all pass the
 * {@link LiveGuard}, {@link #arrange} to set up the situation, and {@link #check} to compare what came with the
 * specification. In a dry run the calls are listed, not sent. One per row; not thread-safe.
 */
public final class Conformance {
    /** Sets up the situation the row needs. */
    public final Arranging arrange;
    /** Compares what came with the specification. */
    public final Checking check;

    final Target target;
    final Behaviour behaviour;
    final LiveGuard guard;
    private final Target shadow;
    /** The calls a dry run would make, one line each. */
    final List<String> calls = new ArrayList<>();
    /** Where the target's answers differ from the mock's, one line each. */
    List<String> mockDrift = List.of();

    Conformance(Target target, Target shadow, Behaviour behaviour) {
        this.target = target;
        this.shadow = shadow;
        this.behaviour = behaviour;
        this.guard = new LiveGuard(target, behaviour);
        this.arrange = new Arranging(this);
        this.check = new Checking(this);
    }

    /** Starts a POST to the endpoint: {@code /v2/auth/} for qr, qr-image and request-code, {@code /v2/status}, else {@code /v2/session/}. */
    public Request post(String endpoint) {
        return new Request(this::send, "POST", endpoint, target.token());
    }

    /** Starts a GET to the endpoint, as {@link #post(String)} names it. */
    public Request get(String endpoint) {
        return new Request(this::send, "GET", endpoint, target.token());
    }

    /** Starts a DELETE to the endpoint, as {@link #post(String)} names it ({@code DELETE /v2/session/delete}). */
    public Request delete(String endpoint) {
        return new Request(this::send, "DELETE", endpoint, target.token());
    }

    /** Starts the endpoint's canonical call: DELETE for delete, GET for me, else POST; request-code with a phone_number. */
    public Request call(String endpoint) {
        Request r = switch (endpoint) {
            case "delete" -> delete(endpoint);
            case "me" -> get(endpoint);
            default -> post(endpoint);
        };
        if (endpoint.equals("request-code")) {
            r.query.put("phone_number", Arranging.PHONE);
        }
        return r;
    }

    /** Sends the endpoint's canonical call for the session, with the suite's token. */
    public Exchange send(String endpoint, String instanceId) {
        return call(endpoint).instance(instanceId).token().send();
    }

    private Exchange send(Request r) {
        guard.check(r);
        Exchange ex;
        if (target.dry()) {
            calls.add(Request.describe(r.method, r.path, r.query, r.accept, this::placeholder));
            ex = new Exchange(
                    r.method,
                    r.path,
                    r.path,
                    r.accept,
                    200,
                    "application/json",
                    r.endpoint.equals("create") ? "{\"instance_id\": \"{own session}\"}" : "{}",
                    null);
        } else {
            ex = target.http().send(r.method, r.path, r.query, r.accept);
        }
        guard.sent(r, ex);
        return ex;
    }

    private String placeholder(String value) {
        return value.equals(target.token())
                ? "{token}"
                : value.equals(Arranging.INVALID_TOKEN)
                        ? "{invalid token}"
                        : value.startsWith(Arranging.UNKNOWN_PREFIX) ? "{unknown instance}" : value;
    }

    /**
     * Runs the row's code on the target, then deletes what it created on live. For a target that is not a Wawp mock
     * it runs the code on the run's embedded mock as well and notes where the answers differ, and saves what the
     * target answered when the run captures.
     */
    public void run(Consumer<Conformance> code) {
        try {
            code.accept(this);
        } finally {
            guard.leftOver().forEach(id -> delete("delete").instance(id).token().send());
        }
        if (shadow != null) {
            Conformance mirror = new Conformance(shadow, null, behaviour);
            try {
                code.accept(mirror);
            } catch (RuntimeException | AssertionError e) {
                // the mock's answers so far are what it would answer
            }
            mockDrift = MockDrift.compare(check.exchanges, mirror.check.exchanges);
        }
        if (target.settings().captureDir() != null && !target.isMock() && !target.dry()) {
            Capture.write(target.settings().captureDir(), behaviour, check.exchanges);
        }
    }
}
