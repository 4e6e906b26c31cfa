package dev.wawpkit.conformance;

import dev.wawpkit.conformance.Drift.Side;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Specification section 3: every error each endpoint documents (400, 401, 404 in each format Accept picks, injected
 * 500 and 502; for status the 404 of a wrong or malformed instance_id, the rest as decided), create's own, and the
 * decided 400s of an endpoint called in the wrong status; one row per {@link Behaviour}, so a new endpoint is new rows.
 */
@ConformanceSuite
class ErrorConformance {
    /** The status a session is in when a fault hits the endpoint; it must still be in it afterwards. */
    private static final Map<String, String> HOME = Map.ofEntries(
            Map.entry("start", "STOPPED"),
            Map.entry("info", "STOPPED"),
            Map.entry("status", "STOPPED"),
            Map.entry("delete", "STOPPED"),
            Map.entry("stop", "WORKING"),
            Map.entry("restart", "WORKING"),
            Map.entry("logout", "WORKING"),
            Map.entry("me", "WORKING"),
            Map.entry("qr", "SCAN_QR_CODE"),
            Map.entry("qr-image", "SCAN_QR_CODE"),
            Map.entry("request-code", "SCAN_QR_CODE"));

    static Stream<Behaviour> rows() {
        return Behaviour.ALL.stream().filter(b -> b.section().startsWith("3 ") && b.status() >= 400);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void answersTheDocumentedError(Behaviour row, Conformance wawp) {
        wawp.run(row.endpoint().equals("create") ? ErrorConformance::create : ErrorConformance::error);
    }

    private static void error(Conformance wawp) {
        Behaviour b = wawp.behaviour;
        String endpoint = b.endpoint();
        String accept = b.mediaType();
        if (b.id().endsWith("-not-working")
                || b.id().endsWith("-not-scanning")) { // called while the session is STOPPED
            String id = wawp.arrange.newSession();
            wawp.check
                    .expect(wawp.send(endpoint, id))
                    .field("error", b.id().endsWith("not-working") ? "not_logged_in" : "not_scanning");
            wawp.check.expectState(id, "STOPPED");
        } else if (b.status() == 400) {
            wawp.check.expect(wawp.call(endpoint).token().accept(accept).send());
        } else if (b.status() == 401) {
            wawp.check.expect(wawp.call(endpoint)
                    .instance(Behaviour.EXAMPLE_INSTANCE)
                    .token(wawp.arrange.invalidToken())
                    .accept(accept)
                    .send());
        } else if (b.status() == 404) {
            String id = b.id().endsWith("-malformed")
                    ? wawp.arrange.malformedInstanceId()
                    : wawp.arrange.unknownInstanceId();
            wawp.check.expect(
                    wawp.call(endpoint).instance(id).token().accept(accept).send());
        } else { // 500 and 502 happen only when injected: the fault names its format, and the session stays as it was
            String home = HOME.get(endpoint);
            String id = home.equals("STOPPED")
                    ? wawp.arrange.newSession()
                    : wawp.arrange.seed(home, home.equals("WORKING"));
            wawp.arrange.fault(endpoint, id, b.status(), b.id().substring(b.id().lastIndexOf('-') + 1));
            wawp.check.expect(wawp.send(endpoint, id));
            wawp.check.expectState(id, home);
        }
    }

    private static void create(Conformance wawp) {
        switch (wawp.behaviour.status()) {
            case 400 -> wawp.check.expect(wawp.post("create").send());
            case 401 ->
                wawp.check.expect(
                        wawp.post("create").token(wawp.arrange.invalidToken()).send());
            case 403 -> {
                String spent = wawp.arrange.spentToken();
                int before = wawp.arrange.sessionCount(spent);
                wawp.check.expect(wawp.post("create").token(spent).send());
                int after = wawp.arrange.sessionCount(spent);
                if (after != before) {
                    wawp.check.drift(Side.STATE, Basis.DOC, "no new session", (after - before) + " new session(s)");
                }
            }
            default -> {
                wawp.arrange.fault("create", null, 500, "json");
                wawp.check.expect(wawp.post("create").token().send());
            }
        }
    }
}
