package dev.wawpkit.conformance;

import dev.wawpkit.conformance.internal.Http;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Builds one canonical Wawp call: credentials in the query string, {@code Content-Type: application/json}
 * and no body, as every official sample sends it (specification section 1).
 */
public final class Request {
    private final Http http;
    private final String method;
    private final String path;
    private final String defaultToken;
    private final Map<String, String> query = new LinkedHashMap<>();
    private String accept = "application/json";

    Request(Http http, String method, String endpoint, String defaultToken) {
        this.http = http;
        this.method = method;
        this.path = "/v2/session/" + endpoint;
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

    /** Sends the call and records what came back; never throws for a transport failure. */
    public Exchange send() {
        return http.send(method, path, query, accept);
    }
}
