package dev.wawpkit.mock;

import java.time.Instant;

/**
 * Shows a call the mock does not serve: an unknown path, or a method the endpoint does not take.
 *
 * @param at      when it came
 * @param method  the HTTP method
 * @param url     the path and query, with {@code access_token} masked
 * @param status  what the mock answered: 404 for an unknown path, 405 for a wrong method
 * @param nearest the endpoint it probably meant, such as {@code GET|POST /v2/session/start}
 */
public record UnexpectedCall(Instant at, String method, String url, int status, String nearest) {

    /** Returns one line for failure messages: {@code POST /v2/session/strat -> 404 (did you mean ...?)}. */
    public String describe() {
        return method + " " + url + " -> " + status + " (did you mean " + nearest + "?)";
    }
}
