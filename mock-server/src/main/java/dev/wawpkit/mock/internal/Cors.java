package dev.wawpkit.mock.internal;

import dev.wawpkit.mock.Endpoint;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Lets pages on other origins call the API, as the documentation's browser {@code fetch} samples
 * do: preflights answered, {@code Access-Control-Allow-Origin} on answers. Never credentials, and
 * never for the control API ({@code /__admin}), which a browser on another origin may not steer.
 */
final class Cors {
    private static final Pattern HEADER_LIST =
            Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+(\\s*,\\s*[A-Za-z0-9!#$%&'*+.^_`|~-]+)*");
    private final boolean anyOrigin;
    private final List<String> origins;

    /** Creates the policy: {@code ["*"]} allows any origin, an empty list none. */
    Cors(List<String> origins) {
        this.anyOrigin = origins.contains("*");
        this.origins = origins.stream().map(o -> o.toLowerCase(Locale.ROOT)).toList();
    }

    private boolean allows(String origin) {
        return origin != null && (anyOrigin || origins.contains(origin.toLowerCase(Locale.ROOT)));
    }

    /** Answers a CORS preflight for an API path, or returns null when the request is not one. */
    Reply preflight(String method, Endpoint endpoint, String origin, String requestMethod, String requestHeaders) {
        if (!"OPTIONS".equals(method) || origin == null || requestMethod == null) {
            return null;
        }
        Reply reply = Reply.of(204, null, new byte[0]);
        if (!allows(origin)) {
            return reply; // no CORS headers: the browser refuses the call
        }
        reply = allowOrigin(reply, origin)
                .withHeader(
                        "Access-Control-Allow-Methods",
                        endpoint == null ? "GET, POST, DELETE" : String.join(", ", endpoint.methods()))
                .withHeader("Access-Control-Max-Age", "600");
        if (requestHeaders != null && HEADER_LIST.matcher(requestHeaders.trim()).matches()) {
            reply = reply.withHeader("Access-Control-Allow-Headers", requestHeaders.trim());
        }
        return reply;
    }

    /** Adds {@code Access-Control-Allow-Origin} to an answer for an allowed origin. */
    Reply decorate(String origin, Reply reply) {
        return allows(origin) && reply.socketFault() == null ? allowOrigin(reply, origin) : reply;
    }

    private Reply allowOrigin(Reply reply, String origin) {
        return anyOrigin
                ? reply.withHeader("Access-Control-Allow-Origin", "*")
                : reply.withHeader("Access-Control-Allow-Origin", origin).withHeader("Vary", "Origin");
    }
}
