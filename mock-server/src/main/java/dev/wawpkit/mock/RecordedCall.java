package dev.wawpkit.mock;

import java.time.Instant;

/**
 * Shows one call a session received, with its access token masked.
 *
 * @param at       when the mock received it
 * @param endpoint the endpoint called
 * @param method   the HTTP method, upper case
 * @param url      the path and query string, with {@code access_token} masked
 * @param status   the HTTP status answered, or 0 when a socket fault answered nothing
 * @param fault    the injected fault that answered, such as {@code CONNECTION_RESET}, or {@code null}
 */
public record RecordedCall(Instant at, Endpoint endpoint, String method, String url, int status, String fault) {}
