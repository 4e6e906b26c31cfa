package dev.wawpkit.conformance;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds one canonical Wawp call: credentials in the query string, {@code Content-Type: application/json}
 * and no body, as every official sample sends it (specification section 1).
 */
public final class Request {
    /** The endpoints under {@code /v2/auth/} (specification section 2); status is {@code /v2/status}, every other one under {@code /v2/session/}. */
    private static final Set<String> AUTH = Set.of("qr", "qr-image", "request-code");

    private final Function<Request, Exchange> sender;
    private final String defaultToken;
    final String method;
    final String endpoint;
    final String path;
    final Map<String, String> query = new LinkedHashMap<>();
    String accept = "application/json";

    Request(Function<Request, Exchange> sender, String method, String endpoint, String defaultToken) {
        this.sender = sender;
        this.method = method;
        this.endpoint = endpoint;
        this.path = endpoint.equals("status")
                ? "/v2/status"
                : (AUTH.contains(endpoint) ? "/v2/auth/" : "/v2/session/") + endpoint;
        this.defaultToken = defaultToken;
    }

    /** Adds {@code instance_id}. */
    public Request instance(String instanceId) {
        query.put("instance_id", Objects.requireNonNull(instanceId, "instanceId"));
        return this;
    }

    /** Adds the target's own {@code access_token}. */
    public Request token() {
        return token(defaultToken);
    }

    /** Adds the given {@code access_token}. */
    public Request token(String token) {
        query.put("access_token", Objects.requireNonNull(token, "token"));
        return this;
    }

    /** Sets the Accept header; the default is {@code application/json}. */
    public Request accept(String mediaType) {
        this.accept = Objects.requireNonNull(mediaType, "mediaType");
        return this;
    }

    /** Sends the call (a dry run only lists it); never throws for a transport failure, only when the live guard refuses it. */
    public Exchange send() {
        return sender.apply(this);
    }

    /**
     * Describes a call as a dry run lists it: method, path, parameters sorted by name with each value shown as
     * {@code placeholder} says, and the Accept header. The suite's own tests describe recorded calls the same way.
     */
    public static String describe(
            String method,
            String path,
            Map<String, String> query,
            String accept,
            Function<String, String> placeholder) {
        String q = new TreeMap<>(query)
                .entrySet().stream()
                        .map(e -> e.getKey() + "=" + placeholder.apply(e.getValue()))
                        .collect(Collectors.joining("&"));
        return method + " " + path + (q.isEmpty() ? "" : "?" + q) + " [Accept: " + accept + "]";
    }
}
