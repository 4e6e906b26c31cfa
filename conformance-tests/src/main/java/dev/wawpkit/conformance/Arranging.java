package dev.wawpkit.conformance;

import dev.wawpkit.conformance.internal.Masking;
import dev.wawpkit.mock.Endpoint;
import dev.wawpkit.mock.Format;
import dev.wawpkit.mock.SessionStatus;
import dev.wawpkit.mock.WawpMock;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;

/**
 * Sets up the situation a row needs: sessions in a status, faults and quotas. Uses the mock's control API where the
 * target has one (its enums only arrange, never serve as expected values), else the API itself; in a dry run it
 * lists what it would do instead.
 */
public final class Arranging {
    /** A phone_number of the documented form that reaches no phone: country code 999 is not assigned. */
    public static final String PHONE = "99900000000";

    static final String INVALID_TOKEN = "conformance-invalid-token";
    /** What an instance_id the suite makes up starts with: not hexadecimal, so no real instance_id does. */
    static final String UNKNOWN_PREFIX = "ZZ";

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Conformance wawp;

    Arranging(Conformance wawp) {
        this.wawp = wawp;
    }

    /** Returns a token the target does not know. */
    public String invalidToken() {
        Masking.register(INVALID_TOKEN);
        return INVALID_TOKEN;
    }

    /** Returns a well-formed instance_id (12 letters or digits) that no session has. */
    public String unknownInstanceId() {
        StringBuilder sb = new StringBuilder(UNKNOWN_PREFIX);
        for (int i = 0; i < 10; i++) {
            sb.append("0123456789ABCDEF".charAt(RANDOM.nextInt(16)));
        }
        return sb.toString();
    }

    /** Returns an instance_id that is not of the documented form (12 letters or digits), so it names no session. */
    public String malformedInstanceId() {
        return UNKNOWN_PREFIX + "-" + unknownInstanceId().substring(8);
    }

    /** Returns whether the target has a control API to arrange situations with. */
    public boolean hasControlApi() {
        return wawp.target.isMock();
    }

    /** Creates a session with the suite's token; on live it is deleted after the row. */
    public Exchange create() {
        Exchange ex = wawp.post("create").token().send();
        if (ex.status() / 100 == 2) {
            ex.field("instance_id").ifPresent(wawp.guard::created);
        }
        return ex;
    }

    /** Returns a fresh STOPPED session of the suite: seeded where there is a control API, else created. */
    public String newSession() {
        if (hasControlApi()) {
            return seed("STOPPED", false);
        }
        Exchange ex = create();
        return ex.field("instance_id")
                .orElseThrow(() -> new IllegalStateException(
                        "Expected create to answer 200 with an instance_id, so the row has a session to work on, but got: "
                                + ex));
    }

    /** Returns a session to read: on live the one WAWP_INSTANCE_ID names, when given; else a new one. */
    public String anySession() {
        String named = wawp.target.settings().instanceId();
        return wawp.target.isLive() && named != null ? named : newSession();
    }

    /** Seeds a session through the control API, in a status named as the specification names it. */
    public String seed(String status, boolean loggedIn) {
        return control(
                "seed a " + status + " session" + (loggedIn ? " with a saved login" : ""),
                () -> mock().seedSession()
                        .token(wawp.target.token())
                        .status(SessionStatus.valueOf(status))
                        .loggedIn(loggedIn)
                        .create()
                        .instanceId(),
                "{seeded " + status + "}");
    }

    /**
     * Returns a logged-in (WORKING) session: seeded where there is a control API, else the one WAWP_INSTANCE_ID
     * names; skips the row (with the reason) when that one is not WORKING or none is named.
     */
    public String workingSession() {
        if (hasControlApi()) {
            return seed("WORKING", true);
        }
        String id = wawp.target.settings().instanceId();
        if (id == null) {
            Assumptions.abort("needs a logged-in session: set WAWP_INSTANCE_ID to a WORKING instance "
                    + "(a new one would need a phone to scan its QR code)");
        }
        Exchange info = wawp.send("info", id);
        String status = !info.answered()
                ? "does not answer"
                : info.status() != 200
                        ? "answers " + info.status()
                        : "is " + info.field("status").orElse("without a status");
        if (!status.equals("is WORKING") && !wawp.target.dry()) {
            Assumptions.abort("needs a logged-in session, but WAWP_INSTANCE_ID " + id + " " + status
                    + ": scan its QR code, or name a WORKING instance");
        }
        return id;
    }

    /** Returns a session waiting for a scan: seeded where there is a control API, else a new one, started and booted. */
    public String scanningSession() {
        if (hasControlApi()) {
            return seed("SCAN_QR_CODE", false);
        }
        String id = newSession();
        wawp.send("start", id);
        wawp.check.awaitState(id, "SCAN_QR_CODE", "STARTING");
        return id;
    }

    /**
     * Arms a fault for the next call of the endpoint (on the session, unless null): an HTTP status (500, 502) in a format
     * (json, xml, html), or status 0 with "reset" (the connection is reset) or "empty" (closed without a response).
     */
    public void fault(String endpoint, String instanceId, int status, String format) {
        control(
                (status == 0 ? format : status + " " + format) + " on the next " + endpoint,
                () -> {
                    var when = mock().faults().on(endpoint(endpoint));
                    when = instanceId == null ? when : when.session(instanceId);
                    return status != 0
                            ? when.respond(status, Format.valueOf(format.toUpperCase(Locale.ROOT)))
                            : format.equals("reset") ? when.resetConnection() : when.emptyResponse();
                },
                null);
    }

    /** Moves a session through the control API, as the phone or the engine would: scanned, rotated, unlinked. */
    public void move(String instanceId, String status) {
        control(
                "move " + instanceId + " to " + status,
                () -> mock().session(instanceId).moveTo(SessionStatus.valueOf(status)),
                null);
    }

    /** Returns a new token whose create quota is used up, its own so that no row running beside this one spends it. */
    public String spentToken() {
        String token = "conformance-spent-" + unknownInstanceId().substring(2).toLowerCase(Locale.ROOT);
        Masking.register(token);
        return control(
                "make a token whose create quota is used up",
                () -> {
                    mock().forToken(token).tokens().quota(token, 0);
                    return token;
                },
                "{spent token}");
    }

    /** Returns how many sessions the token has, through the control API. */
    public int sessionCount(String token) {
        return control(
                "count the sessions of a token",
                () -> mock().forToken(token).sessions().size(),
                0);
    }

    private <T> T control(String what, Supplier<T> action, T dry) {
        if (wawp.target.dry()) {
            wawp.calls.add("control API: " + what);
            return dry;
        }
        return action.get();
    }

    private WawpMock mock() {
        return wawp.target
                .control()
                .orElseThrow(() -> new IllegalStateException("Expected a target with a control API for "
                        + wawp.behaviour.id() + ", but " + wawp.target.describe() + " has none."));
    }

    private static Endpoint endpoint(String name) {
        return Endpoint.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
