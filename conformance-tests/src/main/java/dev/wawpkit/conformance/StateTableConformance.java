package dev.wawpkit.conformance;

import dev.wawpkit.conformance.Drift.Side;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Specification section 4, one row per row of the state table, and section 5's socket faults, which must leave the
 * session as it was. Rows that stop, restart, log out or delete a session run, on live, only on sessions the run created.
 */
@ConformanceSuite
class StateTableConformance {
    private static final Map<String, Consumer<Conformance>> ROWS = new LinkedHashMap<>();

    static {
        ROWS.put("state-create", w -> {
            Exchange created = w.arrange.create();
            w.check.expect(created).decided().field("status", "STOPPED");
            created.field("instance_id").ifPresent(id -> w.check.expectState(id, "STOPPED"));
        });
        ROWS.put("state-start", w -> {
            String id = w.arrange.newSession();
            w.check.expectState(id, "STOPPED");
            w.check.expect(w.send("start", id)).field("status", "STARTING");
            w.check.expectState(id, "STARTING", "SCAN_QR_CODE");
        });
        ROWS.put("state-boot-no-login", w -> {
            String id = w.arrange.newSession();
            w.check.expect(w.send("start", id)).field("status", "STARTING");
            w.check
                    .expect(w.check.awaitState(id, "SCAN_QR_CODE", "STARTING"))
                    .fieldMatches("qr", SuccessConformance.PNG, "a data:image/png;base64 URL");
        });
        ROWS.put("state-boot-saved-login", w -> {
            String id = w.arrange.seed("STOPPED", true);
            w.check.expect(w.send("start", id)).field("status", "STARTING");
            w.check.expect(w.check.awaitState(id, "WORKING", "STARTING")).hasObject("me");
        });
        ROWS.put("state-qr-scanned", w -> {
            String id = w.arrange.seed("SCAN_QR_CODE", false);
            w.arrange.move(id, "WORKING"); // the phone scans the QR code
            w.check.expect(w.send("info", id)).field("status", "WORKING").hasObject("me");
        });
        ROWS.put("state-qr-rotates", w -> {
            String id = w.arrange.seed("SCAN_QR_CODE", false);
            String before = w.send("info", id).field("qr").orElse(null);
            w.arrange.move(id, "SCAN_QR_CODE"); // the QR code rotates
            Exchange info = w.send("info", id);
            w.check
                    .expect(info)
                    .field("status", "SCAN_QR_CODE")
                    .fieldMatches("qr", SuccessConformance.PNG, "a data:image/png;base64 URL");
            if (Objects.equals(before, info.field("qr").orElse(null))) {
                w.check.drift(Side.FIELD, Basis.DOC, "a different qr after the rotation", "the same qr");
            }
        });
        ROWS.put("state-stop", w -> {
            String id = w.arrange.newSession();
            w.send("start", id);
            w.check.expect(w.send("stop", id)).field("status", "STOPPED");
            w.check.expectState(id, "STOPPED");
            if (w.arrange.hasControlApi()) { // a saved login needs a phone that scanned the QR code
                String working = w.arrange.seed("WORKING", true);
                w.check.expect(w.send("stop", working)).field("status", "STOPPED");
                w.check.expectState(working, "STOPPED");
                w.check.expect(w.send("start", working)).field("status", "STARTING");
                w.check
                        .expect(w.check.awaitState(working, "WORKING", "STARTING"))
                        .hasObject("me"); // no new scan
            }
        });
        ROWS.put("state-restart", w -> {
            String id = w.arrange.newSession();
            w.check.expect(w.send("restart", id)).field("status", "STARTING");
            w.check.awaitState(id, "SCAN_QR_CODE", "STARTING"); // no login: a QR code, as after start
            if (w.arrange.hasControlApi()) { // a WORKING session needs a phone that scanned the QR code
                String working = w.arrange.seed("WORKING", true);
                w.check.expect(w.send("restart", working)).field("status", "STARTING");
                w.check.awaitState(working, "WORKING", "STARTING"); // the login is kept: back to WORKING
            }
        });
        ROWS.put("state-logout", w -> {
            String id = w.arrange.seed("WORKING", true);
            w.check.expect(w.send("logout", id)).field("status", "SCAN_QR_CODE").field("instance_id", id);
            w.check.expectState(id, "SCAN_QR_CODE");
            w.send("stop", id); // the login is gone: started again, the session asks for a QR code instead of resuming
            w.check.expect(w.send("start", id)).field("status", "STARTING");
            w.check.awaitState(id, "SCAN_QR_CODE", "STARTING");
        });
        ROWS.put("state-failed", w -> {
            String id = w.arrange.seed("WORKING", true);
            w.arrange.move(id, "FAILED"); // the device is unlinked
            w.check.expect(w.send("info", id)).field("status", "FAILED");
        });
        ROWS.put("state-failed-recovery", w -> {
            String byRestart = w.arrange.seed("WORKING", true);
            w.arrange.move(byRestart, "FAILED");
            w.check.expect(w.send("restart", byRestart)).field("status", "STARTING");
            w.check.expectState(byRestart, "STARTING", "SCAN_QR_CODE");
            String byLogout = w.arrange.seed("WORKING", true);
            w.arrange.move(byLogout, "FAILED");
            w.check.expect(w.send("logout", byLogout)).field("instance_id", byLogout);
            w.check.expect(w.send("start", byLogout)).field("status", "STARTING");
            w.check.awaitState(byLogout, "SCAN_QR_CODE", "STARTING");
        });
        ROWS.put("state-delete", w -> {
            String id = w.arrange.newSession();
            w.check
                    .expect(w.send("delete", id), 200, "application/json")
                    .field("status", "DELETED")
                    .field("instance_id", id);
            for (String endpoint : List.of(
                    "info",
                    "status",
                    "start",
                    "stop",
                    "restart",
                    "logout",
                    "me",
                    "qr",
                    "qr-image",
                    "request-code",
                    "delete")) {
                w.check.expect(w.send(endpoint, id));
            }
        });
        ROWS.put("state-start-again", w -> {
            String id = w.arrange.newSession();
            w.send("start", id);
            w.check.expect(w.send("start", id)).fieldIn("status", "STARTING", "SCAN_QR_CODE", "WORKING");
            w.check.expectState(id, "STARTING", "SCAN_QR_CODE", "WORKING");
            for (String status : w.arrange.hasControlApi() ? List.of("SCAN_QR_CODE", "WORKING") : List.<String>of()) {
                String seeded = w.arrange.seed(status, "WORKING".equals(status));
                w.check.expect(w.send("start", seeded)).field("status", status);
                w.check.expectState(seeded, status);
            }
        });
        ROWS.put("state-stop-stopped", w -> {
            String id = w.arrange.newSession();
            w.check.expect(w.send("stop", id)).field("status", "STOPPED");
            w.check.expect(w.send("stop", id)).field("status", "STOPPED");
            w.check.expectState(id, "STOPPED");
        });
        ROWS.put("fault-connection-reset", w -> {
            String id = w.arrange.newSession();
            w.arrange.fault("start", id, 0, "reset");
            w.check.expectNoResponse(w.send("start", id));
            w.check.expectState(id, "STOPPED");
        });
        ROWS.put("fault-empty-response", w -> {
            String id = w.arrange.newSession();
            w.arrange.fault("info", id, 0, "empty");
            w.check.expectNoResponse(w.send("info", id));
            w.check.expectState(id, "STOPPED");
        });
    }

    static Stream<Behaviour> rows() {
        return ROWS.keySet().stream().map(Behaviour::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void movesAsTheStateTableSays(Behaviour row, Conformance wawp) {
        wawp.run(ROWS.get(row.id()));
    }
}
