package dev.wawpkit.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wawpkit.conformance.Drift.Side;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Specification sections 2 and 3: the 200 of every endpoint, with the fields the specification documents (or decides). */
@ConformanceSuite
class SuccessConformance {
    static final String PNG = "data:image/png;base64,[A-Za-z0-9+/=]+";
    static final String[] STATUSES = {"STOPPED", "STARTING", "SCAN_QR_CODE", "WORKING", "FAILED"};
    private static final Map<String, Consumer<Conformance>> ROWS = new LinkedHashMap<>();

    static {
        ROWS.put("create-200", w -> {
            Exchange created = w.arrange.create();
            w.check
                    .expect(created)
                    .fieldMatches("instance_id", "[A-Za-z0-9]{12}", "of 12 letters or digits")
                    .fieldMatches("session_name", "wawp-[0-9]{8}", "of wawp- and 8 digits")
                    .decided()
                    .field("status", "STOPPED");
            created.field("instance_id").ifPresent(id -> w.check.expectState(id, "STOPPED"));
        });
        ROWS.put("start-200", w -> {
            String id = w.arrange.newSession();
            w.check.expect(w.send("start", id)).field("status", "STARTING").hasObject("config");
            w.check.expectState(id, "STARTING", "SCAN_QR_CODE");
        });
        ROWS.put(
                "info-200",
                w -> w.check
                        .expect(w.send("info", w.arrange.anySession()))
                        .fieldIn("status", STATUSES)
                        .fieldMatches("name", ".+", "non-empty")
                        .hasObject("config"));
        ROWS.put("status-200", w -> {
            statusOf(w, w.arrange.anySession(), STATUSES);
            if (w.arrange.hasControlApi()) { // a session waiting for a scan, without a boot to wait for
                statusOf(w, w.arrange.seed("SCAN_QR_CODE", false), "SCAN_QR_CODE");
            }
        });
        ROWS.put("stop-200", w -> {
            String id = w.arrange.newSession();
            w.send("start", id);
            w.check
                    .expect(w.send("stop", id))
                    .field("status", "STOPPED")
                    .fieldMatches("name", ".+", "non-empty")
                    .hasObject("config");
        });
        ROWS.put(
                "restart-200",
                w -> w.check
                        .expect(w.send("restart", w.arrange.newSession()))
                        .field("status", "STARTING")
                        .fieldMatches("name", ".+", "non-empty")
                        .hasObject("config"));
        ROWS.put("logout-200", w -> {
            // Without a control API the suite has only its own, never logged-in sessions, so any documented status will
            // do.
            String id = w.arrange.hasControlApi() ? w.arrange.seed("WORKING", true) : w.arrange.newSession();
            var logout = w.check
                    .expect(w.send("logout", id))
                    .field("instance_id", id)
                    .fieldMatches("name", ".+", "non-empty");
            if (w.arrange.hasControlApi()) {
                logout.field("status", "SCAN_QR_CODE");
            } else {
                logout.fieldIn("status", STATUSES);
            }
        });
        ROWS.put("delete-200", w -> {
            String id = w.arrange.newSession();
            w.check
                    .expect(w.send("delete", id))
                    .field("status", "DELETED")
                    .field("instance_id", id)
                    .fieldMatches("name", ".+", "non-empty");
        });
        ROWS.put(
                "me-200",
                w -> w.check
                        .expect(w.send("me", w.arrange.workingSession()))
                        .fieldMatches("id", "[0-9]{8,15}@c\\.us", "digits and @c.us, like 201012345678@c.us")
                        .fieldMatches("pushName", "(?s).*", "present"));
        ROWS.put("qr-200", w -> {
            Exchange qr = w.send("qr", w.arrange.scanningSession());
            w.check.expect(qr).field("mimetype", "application/json");
            String data = qr.field("data").orElse("");
            JsonNode value = decode(data);
            if (qr.status() == 200
                    && (value == null
                            || !value.path("value").isTextual()
                            || value.path("value").asText().isEmpty()
                            || !value.hasNonNull("expiry"))) {
                w.check.drift(
                        Side.FIELD,
                        Basis.DOC,
                        "\"data\": base64 of {\"value\": \"...\", \"expiry\": ...}",
                        data.isEmpty()
                                ? "no data"
                                : value == null ? "data that is not base64 of JSON" : "base64 of " + value);
            }
        });
        ROWS.put(
                "qr-image-200",
                w -> w.check
                        .expect(w.send("qr-image", w.arrange.scanningSession()))
                        .fieldMatches("qr", PNG, "a data:image/png;base64 URL"));
        ROWS.put("request-code-200", w -> {
            String id = w.arrange.seed("SCAN_QR_CODE", false);
            w.check
                    .expect(w.send("request-code", id))
                    .fieldMatches("code", "[A-Z0-9]{4}-[A-Z0-9]{4}", "like ABCD-1234");
            w.check.expectState(id, "SCAN_QR_CODE");
        });
    }

    static Stream<Behaviour> rows() {
        return ROWS.keySet().stream().map(Behaviour::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void answersTheDocumentedBody(Behaviour row, Conformance wawp) {
        wawp.run(ROWS.get(row.id()));
    }

    /**
     * Checks /v2/status by POST and by GET, as info's 200 is checked: a status among the allowed, the one info answers
     * right after, and a qr exactly while SCAN_QR_CODE (the Start page names the endpoint for fetching the QR code).
     */
    private static void statusOf(Conformance w, String id, String... allowed) {
        for (Request call : List.of(w.post("status"), w.get("status"))) {
            Exchange status = call.instance(id).token().send();
            var check = w.check
                    .expect(status)
                    .fieldIn("status", allowed)
                    .fieldMatches("name", ".+", "non-empty")
                    .hasObject("config");
            String now = status.field("status").orElse("");
            if (now.equals("SCAN_QR_CODE")) {
                check.fieldMatches("qr", PNG, "a data:image/png;base64 URL");
            } else {
                check.lacks("qr");
            }
            String info = w.send("info", id).field("status").orElse("none");
            if (!now.isEmpty() && !now.equals(info)) {
                w.check.drift(
                        Side.STATE,
                        Basis.DECIDED,
                        "\"status\": \"" + info + "\", as info answers",
                        "\"status\": \"" + now + "\"");
            }
        }
    }

    private static JsonNode decode(String base64) {
        try {
            JsonNode node =
                    Exchange.JSON.readTree(new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8));
            return node != null && node.isObject() ? node : null;
        } catch (Exception e) {
            return null;
        }
    }
}
