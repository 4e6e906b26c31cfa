package dev.wawpkit.conformance;

import java.util.Arrays;
import java.util.Optional;

/**
 * Lists every documented behaviour the suite reports on: one per response of specification section 3
 * for every endpoint (create, start, info, stop, restart, logout, delete, me, qr, qr-image,
 * request-code), the decided 400s of me, qr, qr-image and request-code in the wrong status, one per row
 * of the state table in section 4, and the socket faults of section 5. Expected values here are
 * literals from the specification, never the mock's own enums.
 *
 * <p>Each test in the suite names its behaviour with {@link Covers}; the report has one row per entry.
 */
public enum Behaviour {
    // ---- section 3: create ---------------------------------------------------------------------
    CREATE_200("3 create", "200 Success - Session Created", 200, "application/json",
            "CreatedSession; status \"STOPPED\", instance_id 12 letters or digits, session_name wawp- and 8 digits",
            Need.NEW_SESSION, null),
    CREATE_400("3 create", "400 Bad Request - Missing Token", 400, "application/json",
            "JsonError {error, message, status: 400}; no token sent", Need.NOTHING, null),
    CREATE_401("3 create", "401 Unauthorized - Invalid or Missing Access Token", 401, "application/json",
            "JsonError {error, message, status: 401}", Need.NOTHING, null),
    CREATE_403("3 create", "403 Forbidden - Quota or Limit Reached", 403, "application/json",
            "JsonError {error, message, status: 403}; no session created",
            Need.CONTROL_API, "the account's create quota would have to be used up"),
    CREATE_500("3 create", "500 Internal Server Error - Unexpected Failure", 500, "application/json",
            "JsonError {error, message, status: 500}", Need.CONTROL_API, "a 500 happens only when the server fails"),

    // ---- section 3: start ----------------------------------------------------------------------
    START_200("3 start", "200 Success - Boot Initiated", 200, "application/json",
            "Session; status \"STARTING\"; info then says STARTING (or what it boots to)", Need.NEW_SESSION, null),
    START_400_JSON("3 start", "400 Bad Request - Missing Required Parameter(s)", 400, "application/json",
            "JsonError {status: 400}; instance_id left out", Need.NOTHING, null),
    START_400_XML("3 start", "400 Bad Request, as XML", 400, "application/xml",
            "<error><status>400</status><code/><message/></error> for Accept: application/xml", Need.NOTHING, null),
    START_400_TEXT("3 start", "400 Bad Request, as plain text", 400, "text/plain",
            "one line of text for Accept: text/plain", Need.NOTHING, null),
    START_401_JSON("3 start", "401 Unauthorized - Invalid or Missing Access Token", 401, "application/json",
            "JsonError {status: 401}", Need.NOTHING, null),
    START_401_XML("3 start", "401 Unauthorized, as XML", 401, "application/xml",
            "<error><status>401</status>...</error> for Accept: application/xml", Need.NOTHING, null),
    START_404_JSON("3 start", "404 Not Found - Session Does Not Exist", 404, "application/json",
            "JsonError {status: 404} for an instance_id that does not exist", Need.NOTHING, null),
    START_404_XML("3 start", "404 Not Found, as XML", 404, "application/xml",
            "<error><status>404</status>...</error> for Accept: application/xml", Need.NOTHING, null),
    START_500_JSON("3 start", "500 Internal Server Error - Unexpected Failure", 500, "application/json",
            "JsonError {status: 500}; the session stays STOPPED", Need.CONTROL_API, "a 500 happens only when the server fails"),
    START_500_HTML("3 start", "500 Internal Server Error, as an HTML page", 500, "text/html",
            "an HTML error page; the session stays STOPPED", Need.CONTROL_API, "a 500 happens only when the server fails"),
    START_502_JSON("3 start", "502 Bad Gateway - Connection Failed to Upstream", 502, "application/json",
            "JsonError {status: 502}; the session stays STOPPED", Need.CONTROL_API, "a 502 needs the upstream to fail"),
    START_502_XML("3 start", "502 Bad Gateway, as XML", 502, "application/xml",
            "<error><status>502</status>...</error>; the session stays STOPPED", Need.CONTROL_API, "a 502 needs the upstream to fail"),

    // ---- section 3: info -----------------------------------------------------------------------
    INFO_200("3 info", "200 Success - Session Information", 200, "application/json",
            "SessionInfo {name, status, config}", Need.A_SESSION, null),
    INFO_400_JSON("3 info", "400 Bad Request - Missing Required Parameter(s)", 400, "application/json",
            "JsonError {status: 400}; instance_id left out", Need.NOTHING, null),
    INFO_400_XML("3 info", "400 Bad Request, as XML", 400, "application/xml",
            "<error><status>400</status><code/><message/></error> for Accept: application/xml", Need.NOTHING, null),
    INFO_400_TEXT("3 info", "400 Bad Request, as plain text", 400, "text/plain",
            "one line of text for Accept: text/plain", Need.NOTHING, null),
    INFO_401_JSON("3 info", "401 Unauthorized - Invalid or Missing Access Token", 401, "application/json",
            "JsonError {status: 401}", Need.NOTHING, null),
    INFO_401_XML("3 info", "401 Unauthorized, as XML", 401, "application/xml",
            "<error><status>401</status>...</error> for Accept: application/xml", Need.NOTHING, null),
    INFO_404_JSON("3 info", "404 Not Found - Session Does Not Exist", 404, "application/json",
            "JsonError {status: 404} for an instance_id that does not exist", Need.NOTHING, null),
    INFO_404_XML("3 info", "404 Not Found, as XML", 404, "application/xml",
            "<error><status>404</status>...</error> for Accept: application/xml", Need.NOTHING, null),
    INFO_500_JSON("3 info", "500 Internal Server Error - Unexpected Failure", 500, "application/json",
            "JsonError {status: 500}", Need.CONTROL_API, "a 500 happens only when the server fails"),
    INFO_500_HTML("3 info", "500 Internal Server Error, as an HTML page", 500, "text/html",
            "an HTML error page", Need.CONTROL_API, "a 500 happens only when the server fails"),
    INFO_502_JSON("3 info", "502 Bad Gateway - Connection Failed to Upstream", 502, "application/json",
            "JsonError {status: 502}", Need.CONTROL_API, "a 502 needs the upstream to fail"),
    INFO_502_XML("3 info", "502 Bad Gateway, as XML", 502, "application/xml",
            "<error><status>502</status>...</error>", Need.CONTROL_API, "a 502 needs the upstream to fail"),

    // ---- section 3: stop ------------------------------------------------------------------------
    STOP_200("3 stop", "200 Success - Session Stopped", 200, "application/json",
            "Session; status \"STOPPED\", config", Need.OWN_SESSION, "stop stops the session it is called on"),
    STOP_400_JSON("3 stop", "400 Bad Request - Missing Required Parameter(s)", 400, "application/json",
            "JsonError {status: 400}; instance_id left out", Need.NOTHING, null),
    STOP_400_XML("3 stop", "400 Bad Request, as XML", 400, "application/xml",
            "<error><status>400</status><code/><message/></error> for Accept: application/xml", Need.NOTHING, null),
    STOP_400_TEXT("3 stop", "400 Bad Request, as plain text", 400, "text/plain",
            "one line of text for Accept: text/plain", Need.NOTHING, null),
    STOP_401_JSON("3 stop", "401 Unauthorized - Invalid or Missing Access Token", 401, "application/json",
            "JsonError {status: 401}", Need.NOTHING, null),
    STOP_401_XML("3 stop", "401 Unauthorized, as XML", 401, "application/xml",
            "<error><status>401</status>...</error> for Accept: application/xml", Need.NOTHING, null),
    STOP_404_JSON("3 stop", "404 Not Found - Session Does Not Exist", 404, "application/json",
            "JsonError {status: 404} for an instance_id that does not exist", Need.NOTHING, null),
    STOP_404_XML("3 stop", "404 Not Found, as XML", 404, "application/xml",
            "<error><status>404</status>...</error> for Accept: application/xml", Need.NOTHING, null),
    STOP_500_JSON("3 stop", "500 Internal Server Error - Unexpected Failure", 500, "application/json",
            "JsonError {status: 500}; the session stays WORKING", Need.CONTROL_API, "a 500 happens only when the server fails"),
    STOP_500_HTML("3 stop", "500 Internal Server Error, as an HTML page", 500, "text/html",
            "an HTML error page; the session stays WORKING", Need.CONTROL_API, "a 500 happens only when the server fails"),
    STOP_502_JSON("3 stop", "502 Bad Gateway - Connection Failed to Upstream", 502, "application/json",
            "JsonError {status: 502}; the session stays WORKING", Need.CONTROL_API, "a 502 needs the upstream to fail"),
    STOP_502_XML("3 stop", "502 Bad Gateway, as XML", 502, "application/xml",
            "<error><status>502</status>...</error>; the session stays WORKING", Need.CONTROL_API, "a 502 needs the upstream to fail"),

    // ---- section 3: restart ---------------------------------------------------------------------
    RESTART_200("3 restart", "200 Success - Restart Initiated", 200, "application/json",
            "Session; status \"STARTING\", config", Need.OWN_SESSION, "restart reboots the session it is called on"),
    RESTART_400_JSON("3 restart", "400 Bad Request - Missing Required Parameter(s)", 400, "application/json",
            "JsonError {status: 400}; instance_id left out", Need.NOTHING, null),
    RESTART_400_XML("3 restart", "400 Bad Request, as XML", 400, "application/xml",
            "<error><status>400</status><code/><message/></error> for Accept: application/xml", Need.NOTHING, null),
    RESTART_400_TEXT("3 restart", "400 Bad Request, as plain text", 400, "text/plain",
            "one line of text for Accept: text/plain", Need.NOTHING, null),
    RESTART_401_JSON("3 restart", "401 Unauthorized - Invalid or Missing Access Token", 401, "application/json",
            "JsonError {status: 401}", Need.NOTHING, null),
    RESTART_401_XML("3 restart", "401 Unauthorized, as XML", 401, "application/xml",
            "<error><status>401</status>...</error> for Accept: application/xml", Need.NOTHING, null),
    RESTART_404_JSON("3 restart", "404 Not Found - Session Does Not Exist", 404, "application/json",
            "JsonError {status: 404} for an instance_id that does not exist", Need.NOTHING, null),
    RESTART_404_XML("3 restart", "404 Not Found, as XML", 404, "application/xml",
            "<error><status>404</status>...</error> for Accept: application/xml", Need.NOTHING, null),
    RESTART_500_JSON("3 restart", "500 Internal Server Error - Unexpected Failure", 500, "application/json",
            "JsonError {status: 500}; the session stays WORKING", Need.CONTROL_API, "a 500 happens only when the server fails"),
    RESTART_500_HTML("3 restart", "500 Internal Server Error, as an HTML page", 500, "text/html",
            "an HTML error page; the session stays WORKING", Need.CONTROL_API, "a 500 happens only when the server fails"),
    RESTART_502_JSON("3 restart", "502 Bad Gateway - Connection Failed to Upstream", 502, "application/json",
            "JsonError {status: 502}; the session stays WORKING", Need.CONTROL_API, "a 502 needs the upstream to fail"),
    RESTART_502_XML("3 restart", "502 Bad Gateway, as XML", 502, "application/xml",
            "<error><status>502</status>...</error>; the session stays WORKING", Need.CONTROL_API, "a 502 needs the upstream to fail"),

    // ---- section 3: logout ----------------------------------------------------------------------
    LOGOUT_200("3 logout", "200 Success - Logged Out", 200, "application/json",
            "{name, status, instance_id}; from WORKING status \"SCAN_QR_CODE\"", Need.OWN_SESSION, "logout wipes the login of the session it is called on"),
    LOGOUT_400_JSON("3 logout", "400 Bad Request - Missing Required Parameter(s)", 400, "application/json",
            "JsonError {status: 400}; instance_id left out", Need.NOTHING, null),
    LOGOUT_400_XML("3 logout", "400 Bad Request, as XML", 400, "application/xml",
            "<error><status>400</status><code/><message/></error> for Accept: application/xml", Need.NOTHING, null),
    LOGOUT_400_TEXT("3 logout", "400 Bad Request, as plain text", 400, "text/plain",
            "one line of text for Accept: text/plain", Need.NOTHING, null),
    LOGOUT_401_JSON("3 logout", "401 Unauthorized - Invalid or Missing Access Token", 401, "application/json",
            "JsonError {status: 401}", Need.NOTHING, null),
    LOGOUT_401_XML("3 logout", "401 Unauthorized, as XML", 401, "application/xml",
            "<error><status>401</status>...</error> for Accept: application/xml", Need.NOTHING, null),
    LOGOUT_404_JSON("3 logout", "404 Not Found - Session Does Not Exist", 404, "application/json",
            "JsonError {status: 404} for an instance_id that does not exist", Need.NOTHING, null),
    LOGOUT_404_XML("3 logout", "404 Not Found, as XML", 404, "application/xml",
            "<error><status>404</status>...</error> for Accept: application/xml", Need.NOTHING, null),
    LOGOUT_500_JSON("3 logout", "500 Internal Server Error - Unexpected Failure", 500, "application/json",
            "JsonError {status: 500}; the session stays WORKING", Need.CONTROL_API, "a 500 happens only when the server fails"),
    LOGOUT_500_HTML("3 logout", "500 Internal Server Error, as an HTML page", 500, "text/html",
            "an HTML error page; the session stays WORKING", Need.CONTROL_API, "a 500 happens only when the server fails"),
    LOGOUT_502_JSON("3 logout", "502 Bad Gateway - Connection Failed to Upstream", 502, "application/json",
            "JsonError {status: 502}; the session stays WORKING", Need.CONTROL_API, "a 502 needs the upstream to fail"),
    LOGOUT_502_XML("3 logout", "502 Bad Gateway, as XML", 502, "application/xml",
            "<error><status>502</status>...</error>; the session stays WORKING", Need.CONTROL_API, "a 502 needs the upstream to fail"),

    // ---- section 3: delete ----------------------------------------------------------------------
    DELETE_200("3 delete", "200 Success - Session Deleted", 200, "application/json",
            "{name, status: \"DELETED\", instance_id}", Need.OWN_SESSION, "delete removes the session it is called on"),
    DELETE_400_JSON("3 delete", "400 Bad Request - Missing Required Parameter(s)", 400, "application/json",
            "JsonError {status: 400}; instance_id left out", Need.NOTHING, null),
    DELETE_400_XML("3 delete", "400 Bad Request, as XML", 400, "application/xml",
            "<error><status>400</status><code/><message/></error> for Accept: application/xml", Need.NOTHING, null),
    DELETE_400_TEXT("3 delete", "400 Bad Request, as plain text", 400, "text/plain",
            "one line of text for Accept: text/plain", Need.NOTHING, null),
    DELETE_401_JSON("3 delete", "401 Unauthorized - Invalid or Missing Access Token", 401, "application/json",
            "JsonError {status: 401}", Need.NOTHING, null),
    DELETE_401_XML("3 delete", "401 Unauthorized, as XML", 401, "application/xml",
            "<error><status>401</status>...</error> for Accept: application/xml", Need.NOTHING, null),
    DELETE_404_JSON("3 delete", "404 Not Found - Session Does Not Exist", 404, "application/json",
            "JsonError {status: 404} for an instance_id that does not exist", Need.NOTHING, null),
    DELETE_404_XML("3 delete", "404 Not Found, as XML", 404, "application/xml",
            "<error><status>404</status>...</error> for Accept: application/xml", Need.NOTHING, null),
    DELETE_500_JSON("3 delete", "500 Internal Server Error - Unexpected Failure", 500, "application/json",
            "JsonError {status: 500}; the session still exists", Need.CONTROL_API, "a 500 happens only when the server fails"),
    DELETE_500_HTML("3 delete", "500 Internal Server Error, as an HTML page", 500, "text/html",
            "an HTML error page; the session still exists", Need.CONTROL_API, "a 500 happens only when the server fails"),
    DELETE_502_JSON("3 delete", "502 Bad Gateway - Connection Failed to Upstream", 502, "application/json",
            "JsonError {status: 502}; the session still exists", Need.CONTROL_API, "a 502 needs the upstream to fail"),
    DELETE_502_XML("3 delete", "502 Bad Gateway, as XML", 502, "application/xml",
            "<error><status>502</status>...</error>; the session still exists", Need.CONTROL_API, "a 502 needs the upstream to fail"),

    // ---- section 3: me --------------------------------------------------------------------------
    ME_200("3 me", "200 Success - Account", 200, "application/json",
            "Me {id: digits@c.us, pushName} of a WORKING session", Need.WORKING_SESSION, null),
    ME_400_JSON("3 me", "400 Bad Request - Missing Required Parameter(s)", 400, "application/json",
            "JsonError {status: 400}; instance_id left out", Need.NOTHING, null),
    ME_400_XML("3 me", "400 Bad Request, as XML", 400, "application/xml",
            "<error><status>400</status><code/><message/></error> for Accept: application/xml", Need.NOTHING, null),
    ME_400_TEXT("3 me", "400 Bad Request, as plain text", 400, "text/plain",
            "one line of text for Accept: text/plain", Need.NOTHING, null),
    ME_401_JSON("3 me", "401 Unauthorized - Invalid or Missing Access Token", 401, "application/json",
            "JsonError {status: 401}", Need.NOTHING, null),
    ME_401_XML("3 me", "401 Unauthorized, as XML", 401, "application/xml",
            "<error><status>401</status>...</error> for Accept: application/xml", Need.NOTHING, null),
    ME_404_JSON("3 me", "404 Not Found - Session Does Not Exist", 404, "application/json",
            "JsonError {status: 404} for an instance_id that does not exist", Need.NOTHING, null),
    ME_404_XML("3 me", "404 Not Found, as XML", 404, "application/xml",
            "<error><status>404</status>...</error> for Accept: application/xml", Need.NOTHING, null),
    ME_500_JSON("3 me", "500 Internal Server Error - Unexpected Failure", 500, "application/json",
            "JsonError {status: 500}; the session stays WORKING", Need.CONTROL_API, "a 500 happens only when the server fails"),
    ME_500_HTML("3 me", "500 Internal Server Error, as an HTML page", 500, "text/html",
            "an HTML error page; the session stays WORKING", Need.CONTROL_API, "a 500 happens only when the server fails"),
    ME_502_JSON("3 me", "502 Bad Gateway - Connection Failed to Upstream", 502, "application/json",
            "JsonError {status: 502}; the session stays WORKING", Need.CONTROL_API, "a 502 needs the upstream to fail"),
    ME_502_XML("3 me", "502 Bad Gateway, as XML", 502, "application/xml",
            "<error><status>502</status>...</error>; the session stays WORKING", Need.CONTROL_API, "a 502 needs the upstream to fail"),
    ME_400_NOT_WORKING("3 me", "400 Bad Request outside WORKING (decided)", 400, "application/json",
            "JsonError {error: \"not_logged_in\", status: 400} for a STOPPED session", Need.NEW_SESSION, null),

    // ---- section 3: qr --------------------------------------------------------------------------
    QR_200("3 qr", "200 Success - QR Code Value", 200, "application/json",
            "{mimetype: \"application/json\", data: base64 of {value, expiry}} while SCAN_QR_CODE", Need.NEW_SESSION, null),
    QR_400_JSON("3 qr", "400 Bad Request - Missing Required Parameter(s)", 400, "application/json",
            "JsonError {status: 400}; instance_id left out", Need.NOTHING, null),
    QR_400_XML("3 qr", "400 Bad Request, as XML", 400, "application/xml",
            "<error><status>400</status><code/><message/></error> for Accept: application/xml", Need.NOTHING, null),
    QR_400_TEXT("3 qr", "400 Bad Request, as plain text", 400, "text/plain",
            "one line of text for Accept: text/plain", Need.NOTHING, null),
    QR_401_JSON("3 qr", "401 Unauthorized - Invalid or Missing Access Token", 401, "application/json",
            "JsonError {status: 401}", Need.NOTHING, null),
    QR_401_XML("3 qr", "401 Unauthorized, as XML", 401, "application/xml",
            "<error><status>401</status>...</error> for Accept: application/xml", Need.NOTHING, null),
    QR_404_JSON("3 qr", "404 Not Found - Session Does Not Exist", 404, "application/json",
            "JsonError {status: 404} for an instance_id that does not exist", Need.NOTHING, null),
    QR_404_XML("3 qr", "404 Not Found, as XML", 404, "application/xml",
            "<error><status>404</status>...</error> for Accept: application/xml", Need.NOTHING, null),
    QR_500_JSON("3 qr", "500 Internal Server Error - Unexpected Failure", 500, "application/json",
            "JsonError {status: 500}; the session stays SCAN_QR_CODE", Need.CONTROL_API, "a 500 happens only when the server fails"),
    QR_500_HTML("3 qr", "500 Internal Server Error, as an HTML page", 500, "text/html",
            "an HTML error page; the session stays SCAN_QR_CODE", Need.CONTROL_API, "a 500 happens only when the server fails"),
    QR_502_JSON("3 qr", "502 Bad Gateway - Connection Failed to Upstream", 502, "application/json",
            "JsonError {status: 502}; the session stays SCAN_QR_CODE", Need.CONTROL_API, "a 502 needs the upstream to fail"),
    QR_502_XML("3 qr", "502 Bad Gateway, as XML", 502, "application/xml",
            "<error><status>502</status>...</error>; the session stays SCAN_QR_CODE", Need.CONTROL_API, "a 502 needs the upstream to fail"),
    QR_400_NOT_SCANNING("3 qr", "400 Bad Request outside SCAN_QR_CODE (decided)", 400, "application/json",
            "JsonError {error: \"not_scanning\", status: 400} for a STOPPED session", Need.NEW_SESSION, null),

    // ---- section 3: qr-image --------------------------------------------------------------------
    QR_IMAGE_200("3 qr-image", "200 Success - QR Code Image", 200, "application/json",
            "{qr: data:image/png;base64 URL} while SCAN_QR_CODE", Need.NEW_SESSION, null),
    QR_IMAGE_400_JSON("3 qr-image", "400 Bad Request - Missing Required Parameter(s)", 400, "application/json",
            "JsonError {status: 400}; instance_id left out", Need.NOTHING, null),
    QR_IMAGE_400_XML("3 qr-image", "400 Bad Request, as XML", 400, "application/xml",
            "<error><status>400</status><code/><message/></error> for Accept: application/xml", Need.NOTHING, null),
    QR_IMAGE_400_TEXT("3 qr-image", "400 Bad Request, as plain text", 400, "text/plain",
            "one line of text for Accept: text/plain", Need.NOTHING, null),
    QR_IMAGE_401_JSON("3 qr-image", "401 Unauthorized - Invalid or Missing Access Token", 401, "application/json",
            "JsonError {status: 401}", Need.NOTHING, null),
    QR_IMAGE_401_XML("3 qr-image", "401 Unauthorized, as XML", 401, "application/xml",
            "<error><status>401</status>...</error> for Accept: application/xml", Need.NOTHING, null),
    QR_IMAGE_404_JSON("3 qr-image", "404 Not Found - Session Does Not Exist", 404, "application/json",
            "JsonError {status: 404} for an instance_id that does not exist", Need.NOTHING, null),
    QR_IMAGE_404_XML("3 qr-image", "404 Not Found, as XML", 404, "application/xml",
            "<error><status>404</status>...</error> for Accept: application/xml", Need.NOTHING, null),
    QR_IMAGE_500_JSON("3 qr-image", "500 Internal Server Error - Unexpected Failure", 500, "application/json",
            "JsonError {status: 500}; the session stays SCAN_QR_CODE", Need.CONTROL_API, "a 500 happens only when the server fails"),
    QR_IMAGE_500_HTML("3 qr-image", "500 Internal Server Error, as an HTML page", 500, "text/html",
            "an HTML error page; the session stays SCAN_QR_CODE", Need.CONTROL_API, "a 500 happens only when the server fails"),
    QR_IMAGE_502_JSON("3 qr-image", "502 Bad Gateway - Connection Failed to Upstream", 502, "application/json",
            "JsonError {status: 502}; the session stays SCAN_QR_CODE", Need.CONTROL_API, "a 502 needs the upstream to fail"),
    QR_IMAGE_502_XML("3 qr-image", "502 Bad Gateway, as XML", 502, "application/xml",
            "<error><status>502</status>...</error>; the session stays SCAN_QR_CODE", Need.CONTROL_API, "a 502 needs the upstream to fail"),
    QR_IMAGE_400_NOT_SCANNING("3 qr-image", "400 Bad Request outside SCAN_QR_CODE (decided)", 400, "application/json",
            "JsonError {error: \"not_scanning\", status: 400} for a STOPPED session", Need.NEW_SESSION, null),

    // ---- section 3: request-code ----------------------------------------------------------------
    REQUEST_CODE_200("3 request-code", "200 Success - Pairing Code", 200, "application/json",
            "{code} like \"ABCD-1234\" while SCAN_QR_CODE", Need.CONTROL_API,
            "a pairing code is sent to a real phone number, whose owner must enter it"),
    REQUEST_CODE_400_JSON("3 request-code", "400 Bad Request - Missing Required Parameter(s)", 400, "application/json",
            "JsonError {status: 400}; instance_id left out", Need.NOTHING, null),
    REQUEST_CODE_400_XML("3 request-code", "400 Bad Request, as XML", 400, "application/xml",
            "<error><status>400</status><code/><message/></error> for Accept: application/xml", Need.NOTHING, null),
    REQUEST_CODE_400_TEXT("3 request-code", "400 Bad Request, as plain text", 400, "text/plain",
            "one line of text for Accept: text/plain", Need.NOTHING, null),
    REQUEST_CODE_401_JSON("3 request-code", "401 Unauthorized - Invalid or Missing Access Token", 401, "application/json",
            "JsonError {status: 401}", Need.NOTHING, null),
    REQUEST_CODE_401_XML("3 request-code", "401 Unauthorized, as XML", 401, "application/xml",
            "<error><status>401</status>...</error> for Accept: application/xml", Need.NOTHING, null),
    REQUEST_CODE_404_JSON("3 request-code", "404 Not Found - Session Does Not Exist", 404, "application/json",
            "JsonError {status: 404} for an instance_id that does not exist", Need.NOTHING, null),
    REQUEST_CODE_404_XML("3 request-code", "404 Not Found, as XML", 404, "application/xml",
            "<error><status>404</status>...</error> for Accept: application/xml", Need.NOTHING, null),
    REQUEST_CODE_500_JSON("3 request-code", "500 Internal Server Error - Unexpected Failure", 500, "application/json",
            "JsonError {status: 500}; the session stays SCAN_QR_CODE", Need.CONTROL_API, "a 500 happens only when the server fails"),
    REQUEST_CODE_500_HTML("3 request-code", "500 Internal Server Error, as an HTML page", 500, "text/html",
            "an HTML error page; the session stays SCAN_QR_CODE", Need.CONTROL_API, "a 500 happens only when the server fails"),
    REQUEST_CODE_502_JSON("3 request-code", "502 Bad Gateway - Connection Failed to Upstream", 502, "application/json",
            "JsonError {status: 502}; the session stays SCAN_QR_CODE", Need.CONTROL_API, "a 502 needs the upstream to fail"),
    REQUEST_CODE_502_XML("3 request-code", "502 Bad Gateway, as XML", 502, "application/xml",
            "<error><status>502</status>...</error>; the session stays SCAN_QR_CODE", Need.CONTROL_API, "a 502 needs the upstream to fail"),
    REQUEST_CODE_400_NOT_SCANNING("3 request-code", "400 Bad Request outside SCAN_QR_CODE (decided)", 400, "application/json",
            "JsonError {error: \"not_scanning\", status: 400} for a STOPPED session", Need.NEW_SESSION, null),

    // ---- section 4: the state table ------------------------------------------------------------
    STATE_CREATE("4 state table", "- | create -> STOPPED", 200, "application/json",
            "create answers status \"STOPPED\"; info says STOPPED", Need.NEW_SESSION, null),
    STATE_START("4 state table", "STOPPED | start -> STARTING", 200, "application/json",
            "start answers \"STARTING\"; info says STARTING (or what it boots to)", Need.NEW_SESSION, null),
    STATE_BOOT_NO_LOGIN("4 state table", "STARTING | engine booted, no saved login -> SCAN_QR_CODE", 200, "application/json",
            "info moves on by itself to \"SCAN_QR_CODE\" with a qr data:image/png;base64 URL", Need.NEW_SESSION, null),
    STATE_BOOT_SAVED_LOGIN("4 state table", "STARTING | engine booted, saved login -> WORKING", 200, "application/json",
            "info moves on by itself to \"WORKING\" with me {id, pushName}",
            Need.CONTROL_API, "it needs a session with a saved login, that is a phone that scanned its QR code"),
    STATE_QR_SCANNED("4 state table", "SCAN_QR_CODE | QR scanned -> WORKING", 200, "application/json",
            "info says \"WORKING\" with me {id, pushName}", Need.CONTROL_API, "it needs a phone to scan the QR code"),
    STATE_QR_ROTATES("4 state table", "SCAN_QR_CODE | QR rotates -> SCAN_QR_CODE (new qr)", 200, "application/json",
            "info says \"SCAN_QR_CODE\" with a different qr", Need.CONTROL_API,
            "a rotation comes only every 20-40 s; the control API rotates it on demand"),
    STATE_STOP("4 state table", "any running | stop -> STOPPED (login kept)", 200, "application/json",
            "stop answers \"STOPPED\"; info says STOPPED; a WORKING session stopped and started again resumes to "
                    + "\"WORKING\" without a new scan (that part needs a control API)",
            Need.OWN_SESSION, "it stops a session"),
    STATE_RESTART("4 state table", "any | restart -> STARTING, then as after start", 200, "application/json",
            "restart answers \"STARTING\"; info then boots to \"SCAN_QR_CODE\" without a login (and to \"WORKING\" "
                    + "with one, where a control API can seed it)",
            Need.OWN_SESSION, "it restarts a session"),
    STATE_LOGOUT("4 state table", "WORKING | logout -> SCAN_QR_CODE (login wiped)", 200, "application/json",
            "logout answers \"SCAN_QR_CODE\"; info says SCAN_QR_CODE; stopped and started again it asks for a QR code",
            Need.CONTROL_API, "it needs a WORKING session the run created, that is a phone that scanned its QR code"),
    STATE_FAILED("4 state table", "WORKING / STARTING | lost auth, device unlinked, crash -> FAILED", 200, "application/json",
            "info says \"FAILED\"", Need.CONTROL_API, "it needs the phone to unlink the device"),
    STATE_FAILED_RECOVERY("4 state table", "FAILED | restart / logout then start -> STARTING / SCAN_QR_CODE", 200, "application/json",
            "restart answers \"STARTING\"; logout then start answers \"STARTING\" and info boots to \"SCAN_QR_CODE\"",
            Need.CONTROL_API, "it needs a FAILED session, that is a phone that unlinked the device"),
    STATE_DELETE("4 state table", "any | delete -> gone: 404 from then on", 404, "application/json",
            "delete answers 200 \"DELETED\"; then every endpoint answers 404 for that instance_id",
            Need.OWN_SESSION, "it deletes a session"),
    STATE_START_AGAIN("4 state table", "STARTING, SCAN_QR_CODE, WORKING | start again -> unchanged, 200 with the current body",
            200, "application/json", "start answers the current status, never \"STOPPED\"; info unchanged", Need.NEW_SESSION, null),
    STATE_STOP_STOPPED("4 state table", "STOPPED | stop -> STOPPED, 200 (idempotent)", 200, "application/json",
            "stop answers \"STOPPED\" twice in a row; info says STOPPED", Need.OWN_SESSION, "it stops a session"),

    // ---- section 5: socket faults (the mock's fault injection) ---------------------------------
    FAULT_CONNECTION_RESET("5 faults", "connection reset on start", 0, "",
            "no HTTP response: the connection is reset; the session stays STOPPED",
            Need.CONTROL_API, "a socket fault can only be injected"),
    FAULT_EMPTY_RESPONSE("5 faults", "connection closed without a response on info", 0, "",
            "no HTTP response: the connection closes empty", Need.CONTROL_API, "a socket fault can only be injected");

    private final String section;
    private final String title;
    private final int status;
    private final String mediaType;
    private final String detail;
    private final Need need;
    private final String notProvokable;

    Behaviour(String section, String title, int status, String mediaType, String detail, Need need, String notProvokable) {
        this.section = section;
        this.title = title;
        this.status = status;
        this.mediaType = mediaType;
        this.detail = detail;
        this.need = need;
        this.notProvokable = notProvokable;
    }

    /** Returns the report's id, such as {@code start-400-xml}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Returns the specification section, such as {@code "3 start"}. */
    public String section() {
        return section;
    }

    /** Returns the documented title, such as {@code "400 Bad Request, as XML"}. */
    public String title() {
        return title;
    }

    /** Returns the documented HTTP status, or 0 when the behaviour has no HTTP response. */
    public int status() {
        return status;
    }

    /** Returns the documented media type without parameters, or "" when there is no response. */
    public String mediaType() {
        return mediaType;
    }

    /** Returns what the behaviour must show, in one line: status, media type and what is checked. */
    public String expected() {
        return status == 0 ? detail : status + " " + mediaType + "; " + detail;
    }

    /** Returns what the behaviour needs from the target. */
    public Need need() {
        return need;
    }

    /**
     * Returns why the behaviour may be skipped: for {@link Need#CONTROL_API} why a target without one cannot
     * show it; for {@link Need#OWN_SESSION} what the test does to its session, so that on live it runs only on
     * a session the run created; for {@link Need#LATER} why it is not covered yet.
     */
    public Optional<String> notProvokableReason() {
        return Optional.ofNullable(notProvokable);
    }

    /** Finds a behaviour by its report id. */
    public static Optional<Behaviour> ofId(String id) {
        return Arrays.stream(values()).filter(b -> b.id().equals(id)).findFirst();
    }
}
