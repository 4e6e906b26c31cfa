package dev.wawpkit.mock;

import java.util.List;

/**
 * Names the Wawp API endpoints the mock serves, with their paths and accepted methods.
 *
 * <p>The {@link #key()} is the short name used by the control API, for example {@code "start"}.
 */
public enum Endpoint {
    /** {@code POST /v2/session/create}. */
    CREATE("create", "/v2/session/create", List.of("POST")),
    /** {@code POST|GET /v2/session/start}. */
    START("start", "/v2/session/start", List.of("POST", "GET")),
    /** {@code POST|GET /v2/session/info}. */
    INFO("info", "/v2/session/info", List.of("POST", "GET")),
    /** {@code POST|GET /v2/session/stop}. */
    STOP("stop", "/v2/session/stop", List.of("POST", "GET")),
    /** {@code POST|GET /v2/session/restart}. */
    RESTART("restart", "/v2/session/restart", List.of("POST", "GET")),
    /** {@code POST|GET /v2/session/logout}. */
    LOGOUT("logout", "/v2/session/logout", List.of("POST", "GET")),
    /** {@code DELETE /v2/session/delete}. */
    DELETE("delete", "/v2/session/delete", List.of("DELETE")),
    /** {@code GET /v2/session/me}. */
    ME("me", "/v2/session/me", List.of("GET")),
    /** {@code POST|GET /v2/auth/qr}. */
    QR("qr", "/v2/auth/qr", List.of("POST", "GET")),
    /** {@code POST|GET /v2/auth/qr-image}. */
    QR_IMAGE("qr-image", "/v2/auth/qr-image", List.of("POST", "GET")),
    /** {@code POST /v2/auth/request-code}, with {@code phone_number}. */
    REQUEST_CODE("request-code", "/v2/auth/request-code", List.of("POST")),
    /** {@code POST|GET /v2/status}: the session's status, with its QR code while SCAN_QR_CODE. */
    STATUS("status", "/v2/status", List.of("POST", "GET"));

    private final String key;
    private final String path;
    private final List<String> methods;

    Endpoint(String key, String path, List<String> methods) {
        this.key = key;
        this.path = path;
        this.methods = methods;
    }

    /** Returns the short name used by the control API, such as {@code "start"}. */
    public String key() {
        return key;
    }

    /** Returns the request path, such as {@code /v2/session/start}. */
    public String path() {
        return path;
    }

    /** Returns the HTTP methods the endpoint accepts, upper case, the documented one first. */
    public List<String> methods() {
        return methods;
    }

    /** Returns whether this endpoint needs an {@code instance_id} (every one but create). */
    public boolean needsInstance() {
        return this != CREATE;
    }

    /**
     * Finds the endpoint with the given short name.
     *
     * @throws WawpMockException (400) naming the known endpoints when the name is unknown
     */
    public static Endpoint ofKey(String key) {
        for (Endpoint e : values()) {
            if (e.key.equals(key)) {
                return e;
            }
        }
        throw WawpMockException.badRequest(
                "unknown_endpoint", "Expected an endpoint name, one of " + keys() + ", but got '" + key + "'.");
    }

    /** Lists every endpoint's short name, for error messages. */
    public static String keys() {
        StringBuilder sb = new StringBuilder();
        for (Endpoint e : values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(e.key);
        }
        return sb.toString();
    }
}
