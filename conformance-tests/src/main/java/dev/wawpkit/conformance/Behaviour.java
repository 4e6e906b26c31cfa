package dev.wawpkit.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Describes one documented behaviour the suite reports on; {@link #ALL} lists them in report order: every response of
 * specification section 3 for each endpoint (for /v2/status, whose answers the documentation does not show, the 200 and
 * the 404 of a wrong or malformed instance_id, and start's error set as decided), the decided 400s of me, qr, qr-image and
 * request-code in the wrong status, one per row of the state table in section 4, and the socket faults of section 5.
 * A row has its report id (such as {@code start-400-xml}), section, documented title, status and media type (0 and ""
 * when no response comes), what else is checked, the basis of its own facts, what it needs from the target, and why it
 * may be skipped there (or null).
 * Expected values are literals from the specification, never the mock's own enums.
 */
public record Behaviour(
        String id,
        String section,
        String title,
        int status,
        String mediaType,
        String detail,
        Basis basis,
        Need need,
        String why) {
    /** The documentation's example instance_id: well-formed, used where the token is refused first. */
    public static final String EXAMPLE_INSTANCE = "3EB0BCB2E3D4";

    private static final String JSON = "application/json";
    private static final String[] FIVE_HUNDRED = {
        "a 500 happens only when the server fails", "a 502 needs the upstream to fail"
    };
    /** Start's documented error set, shared by every endpoint but create: id suffix, status, media type, title, detail. */
    private static final String[][] ERRORS = {
        {
            "400-json",
            "400",
            JSON,
            "400 Bad Request - Missing Required Parameter(s)",
            "JsonError {status: 400}; instance_id left out"
        },
        {
            "400-xml",
            "400",
            "application/xml",
            "400 Bad Request, as XML",
            "<error><status>400</status><code/><message/></error> for Accept: application/xml"
        },
        {"400-text", "400", "text/plain", "400 Bad Request, as plain text", "one line of text for Accept: text/plain"},
        {"401-json", "401", JSON, "401 Unauthorized - Invalid or Missing Access Token", "JsonError {status: 401}"},
        {
            "401-xml",
            "401",
            "application/xml",
            "401 Unauthorized, as XML",
            "<error><status>401</status>...</error> for Accept: application/xml"
        },
        {
            "404-json",
            "404",
            JSON,
            "404 Not Found - Session Does Not Exist",
            "JsonError {status: 404} for an instance_id that does not exist"
        },
        {
            "404-xml",
            "404",
            "application/xml",
            "404 Not Found, as XML",
            "<error><status>404</status>...</error> for Accept: application/xml"
        },
        {"500-json", "500", JSON, "500 Internal Server Error - Unexpected Failure", "JsonError {status: 500}"},
        {"500-html", "500", "text/html", "500 Internal Server Error, as an HTML page", "an HTML error page"},
        {"502-json", "502", JSON, "502 Bad Gateway - Connection Failed to Upstream", "JsonError {status: 502}"},
        {"502-xml", "502", "application/xml", "502 Bad Gateway, as XML", "<error><status>502</status>...</error>"}
    };

    /** Every behaviour, in report order. */
    public static final List<Behaviour> ALL = List.copyOf(catalogue());

    private static List<Behaviour> catalogue() {
        List<Behaviour> all = new ArrayList<>();
        String create = "3 create";
        all.add(new Behaviour(
                "create-200",
                create,
                "200 Success - Session Created",
                200,
                JSON,
                "CreatedSession; status \"STOPPED\", instance_id 12 letters or digits, session_name wawp- and 8 digits",
                Basis.DOC,
                Need.NEW_SESSION,
                null));
        all.add(new Behaviour(
                "create-400",
                create,
                "400 Bad Request - Missing Token",
                400,
                JSON,
                "JsonError {error, message, status: 400}; no token sent",
                Basis.DOC,
                Need.NOTHING,
                null));
        all.add(new Behaviour(
                "create-401",
                create,
                "401 Unauthorized - Invalid or Missing Access Token",
                401,
                JSON,
                "JsonError {error, message, status: 401}",
                Basis.DOC,
                Need.NOTHING,
                null));
        all.add(new Behaviour(
                "create-403",
                create,
                "403 Forbidden - Quota or Limit Reached",
                403,
                JSON,
                "JsonError {error, message, status: 403}; no session created",
                Basis.DOC,
                Need.CONTROL_API,
                "the account's create quota would have to be used up"));
        all.add(new Behaviour(
                "create-500",
                create,
                "500 Internal Server Error - Unexpected Failure",
                500,
                JSON,
                "JsonError {error, message, status: 500}",
                Basis.DOC,
                Need.CONTROL_API,
                FIVE_HUNDRED[0]));
        endpoint(
                all,
                "start",
                "; the session stays STOPPED",
                "200 Success - Boot Initiated",
                "Session; status \"STARTING\"; info then says STARTING (or what it boots to)",
                Need.NEW_SESSION,
                null);
        endpoint(
                all,
                "info",
                "",
                "200 Success - Session Information",
                "SessionInfo {name, status, config}",
                Need.A_SESSION,
                null);
        // The Start page names /v2/status for fetching the QR code and shows neither a body nor errors: the body is
        // decided
        // (like info), and so is start's error set applied to it, but for the 404 of a wrong or malformed instance_id,
        // which the documentation gives for any instance_id that names no session.
        endpoint(
                all,
                "status",
                "",
                "200 Success - Session Status (body decided: like info)",
                "SessionInfo {name, status, config} by POST and by GET, the status info answers; qr a data:image/png;base64 URL "
                        + "while SCAN_QR_CODE, none otherwise",
                Need.A_SESSION,
                null,
                status -> status == 404 ? Basis.DOC : Basis.DECIDED);
        all.add(new Behaviour(
                "status-404-malformed",
                "3 status",
                "404 Not Found - a malformed instance_id",
                404,
                JSON,
                "JsonError {status: 404} for an instance_id that is not 12 letters or digits",
                Basis.DOC,
                Need.NOTHING,
                null));
        String working = "; the session stays WORKING";
        endpoint(
                all,
                "stop",
                working,
                "200 Success - Session Stopped",
                "Session; status \"STOPPED\", config",
                Need.OWN_SESSION,
                "stop stops the session it is called on");
        endpoint(
                all,
                "restart",
                working,
                "200 Success - Restart Initiated",
                "Session; status \"STARTING\", config",
                Need.OWN_SESSION,
                "restart reboots the session it is called on");
        endpoint(
                all,
                "logout",
                working,
                "200 Success - Logged Out",
                "{name, status, instance_id}; from WORKING status \"SCAN_QR_CODE\"",
                Need.OWN_SESSION,
                "logout wipes the login of the session it is called on");
        endpoint(
                all,
                "delete",
                "; the session still exists",
                "200 Success - Session Deleted",
                "{name, status: \"DELETED\", instance_id}",
                Need.OWN_SESSION,
                "delete removes the session it is called on");
        endpoint(
                all,
                "me",
                working,
                "200 Success - Account",
                "Me {id: digits@c.us, pushName} of a WORKING session",
                Need.WORKING_SESSION,
                null);
        decided(all, "me", "400-not-working", "WORKING", "not_logged_in");
        String scanning = "; the session stays SCAN_QR_CODE";
        endpoint(
                all,
                "qr",
                scanning,
                "200 Success - QR Code Value",
                "{mimetype: \"application/json\", data: base64 of {value, expiry}} while SCAN_QR_CODE",
                Need.NEW_SESSION,
                null);
        decided(all, "qr", "400-not-scanning", "SCAN_QR_CODE", "not_scanning");
        endpoint(
                all,
                "qr-image",
                scanning,
                "200 Success - QR Code Image",
                "{qr: data:image/png;base64 URL} while SCAN_QR_CODE",
                Need.NEW_SESSION,
                null);
        decided(all, "qr-image", "400-not-scanning", "SCAN_QR_CODE", "not_scanning");
        endpoint(
                all,
                "request-code",
                scanning,
                "200 Success - Pairing Code",
                "{code} like \"ABCD-1234\" while SCAN_QR_CODE",
                Need.CONTROL_API,
                "a pairing code is sent to a real phone number, whose owner must enter it");
        decided(all, "request-code", "400-not-scanning", "SCAN_QR_CODE", "not_scanning");
        state(
                all,
                "create",
                "- | create -> STOPPED",
                "create answers status \"STOPPED\"; info says STOPPED",
                Basis.DOC,
                Need.NEW_SESSION,
                null);
        state(
                all,
                "start",
                "STOPPED | start -> STARTING",
                "start answers \"STARTING\"; info says STARTING (or what it boots to)",
                Basis.DOC,
                Need.NEW_SESSION,
                null);
        state(
                all,
                "boot-no-login",
                "STARTING | engine booted, no saved login -> SCAN_QR_CODE",
                "info moves on by itself to \"SCAN_QR_CODE\" with a qr data:image/png;base64 URL",
                Basis.DOC,
                Need.NEW_SESSION,
                null);
        state(
                all,
                "boot-saved-login",
                "STARTING | engine booted, saved login -> WORKING",
                "info moves on by itself to \"WORKING\" with me {id, pushName}",
                Basis.DOC,
                Need.CONTROL_API,
                "it needs a session with a saved login, that is a phone that scanned its QR code");
        state(
                all,
                "qr-scanned",
                "SCAN_QR_CODE | QR scanned -> WORKING",
                "info says \"WORKING\" with me {id, pushName}",
                Basis.DOC,
                Need.CONTROL_API,
                "it needs a phone to scan the QR code");
        state(
                all,
                "qr-rotates",
                "SCAN_QR_CODE | QR rotates -> SCAN_QR_CODE (new qr)",
                "info says \"SCAN_QR_CODE\" with a different qr",
                Basis.DOC,
                Need.CONTROL_API,
                "a rotation comes only every 20-40 s; the control API rotates it on demand");
        state(
                all,
                "stop",
                "any running | stop -> STOPPED (login kept)",
                "stop answers \"STOPPED\"; info says STOPPED; a WORKING session "
                        + "stopped and started again resumes to \"WORKING\" without a new scan (that part needs a control API)",
                Basis.DOC,
                Need.OWN_SESSION,
                "it stops a session");
        state(
                all,
                "restart",
                "any | restart -> STARTING, then as after start",
                "restart answers \"STARTING\"; info then boots to "
                        + "\"SCAN_QR_CODE\" without a login (and to \"WORKING\" with one, where a control API can seed it)",
                Basis.DOC,
                Need.OWN_SESSION,
                "it restarts a session");
        state(
                all,
                "logout",
                "WORKING | logout -> SCAN_QR_CODE (login wiped)",
                "logout answers \"SCAN_QR_CODE\"; info says SCAN_QR_CODE; stopped and started again it asks for a QR code",
                Basis.DOC,
                Need.CONTROL_API,
                "it needs a WORKING session the run created, that is a phone that scanned its QR code");
        state(
                all,
                "failed",
                "WORKING / STARTING | lost auth, device unlinked, crash -> FAILED",
                "info says \"FAILED\"",
                Basis.DOC,
                Need.CONTROL_API,
                "it needs the phone to unlink the device");
        state(
                all,
                "failed-recovery",
                "FAILED | restart / logout then start -> STARTING / SCAN_QR_CODE",
                "restart answers \"STARTING\"; logout then start answers \"STARTING\" and info boots to \"SCAN_QR_CODE\"",
                Basis.DOC,
                Need.CONTROL_API,
                "it needs a FAILED session, that is a phone that unlinked the device");
        all.add(new Behaviour(
                "state-delete",
                "4 state table",
                "any | delete -> gone: 404 from then on",
                404,
                JSON,
                "delete answers 200 \"DELETED\"; then every endpoint answers 404 for that instance_id",
                Basis.DOC,
                Need.OWN_SESSION,
                "it deletes a session"));
        state(
                all,
                "start-again",
                "STARTING, SCAN_QR_CODE, WORKING | start again -> unchanged, 200 with the current body",
                "start answers the current status, never \"STOPPED\"; info unchanged",
                Basis.DECIDED,
                Need.NEW_SESSION,
                null);
        state(
                all,
                "stop-stopped",
                "STOPPED | stop -> STOPPED, 200 (idempotent)",
                "stop answers \"STOPPED\" twice in a row; info says STOPPED",
                Basis.DECIDED,
                Need.OWN_SESSION,
                "it stops a session");
        all.add(new Behaviour(
                "fault-connection-reset",
                "5 faults",
                "connection reset on start",
                0,
                "",
                "no HTTP response: the connection is reset; the session stays STOPPED",
                Basis.DECIDED,
                Need.CONTROL_API,
                "a socket fault can only be injected"));
        all.add(new Behaviour(
                "fault-empty-response",
                "5 faults",
                "connection closed without a response on info",
                0,
                "",
                "no HTTP response: the connection closes empty",
                Basis.DECIDED,
                Need.CONTROL_API,
                "a socket fault can only be injected"));
        return all;
    }

    /** Adds an endpoint's 200 and start's documented error set for it; {@code stays} ends the 500 and 502 details. */
    private static void endpoint(
            List<Behaviour> all, String name, String stays, String title, String detail, Need need, String why) {
        endpoint(all, name, stays, title, detail, need, why, status -> Basis.DOC);
    }

    /** Adds an endpoint's 200 and start's error set for it, each error row with the basis {@code errors} gives its status. */
    private static void endpoint(
            List<Behaviour> all,
            String name,
            String stays,
            String title,
            String detail,
            Need need,
            String why,
            IntFunction<Basis> errors) {
        all.add(new Behaviour(name + "-200", "3 " + name, title, 200, JSON, detail, Basis.DOC, need, why));
        for (String[] e : ERRORS) {
            int status = Integer.parseInt(e[1]);
            boolean fault = status >= 500;
            Basis basis = errors.apply(status);
            all.add(new Behaviour(
                    name + "-" + e[0],
                    "3 " + name,
                    e[3] + (basis == Basis.DECIDED ? " (decided)" : ""),
                    status,
                    e[2],
                    e[4] + (fault ? stays : ""),
                    basis,
                    fault ? Need.CONTROL_API : Need.NOTHING,
                    fault ? FIVE_HUNDRED[status / 2 % 2] : null));
        }
    }

    /** Adds the decided 400 of an endpoint called outside the status it needs. */
    private static void decided(List<Behaviour> all, String name, String suffix, String status, String code) {
        all.add(new Behaviour(
                name + "-" + suffix,
                "3 " + name,
                "400 Bad Request outside " + status + " (decided)",
                400,
                JSON,
                "JsonError {error: \"" + code + "\", status: 400} for a STOPPED session",
                Basis.DECIDED,
                Need.NEW_SESSION,
                null));
    }

    private static void state(
            List<Behaviour> all, String id, String title, String detail, Basis basis, Need need, String why) {
        all.add(new Behaviour("state-" + id, "4 state table", title, 200, JSON, detail, basis, need, why));
    }

    /** Finds a behaviour by its report id. */
    public static Optional<Behaviour> find(String id) {
        return ALL.stream().filter(b -> b.id.equals(id)).findFirst();
    }

    /** Returns the behaviour with the report id; throws naming the id when there is none. */
    public static Behaviour of(String id) {
        return find(id).orElseThrow(() ->
                new IllegalArgumentException("Expected a behaviour id such as start-400-xml, but got '" + id + "'."));
    }

    /** Returns the endpoint a section-3 row is about, such as {@code qr-image}; "" for the other sections. */
    public String endpoint() {
        return section.startsWith("3 ") ? section.substring(2) : "";
    }

    /** Returns what the behaviour must show, in one line: status, media type and what is checked. */
    public String expected() {
        return status == 0 ? detail : status + " " + mediaType + "; " + detail;
    }

    /** Returns the id: the parameterized tests' display name, by which the extension and report find the row. */
    @Override
    public String toString() {
        return id;
    }
}
