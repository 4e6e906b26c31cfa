package dev.wawpkit.conformance;

import dev.wawpkit.conformance.internal.Http;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Builds one canonical Wawp call: credentials in the query string, {@code Content-Type: application/json}
 * and no body, as every official sample sends it (specification section 1).
 */
public final class Request {
    /** The endpoints under {@code /v2/auth/} (specification section 2); every other one is under {@code /v2/session/}. */
    private static final Set<String> AUTH = Set.of("qr", "qr-image", "request-code");

    private final Http http;
    private final String method;
    private final String endpoint;
    private final String path;
    private final String defaultToken;
    private final Consumer<Request> guard;
    private final BiConsumer<Request, Exchange> sent;
    private final Map<String, String> query = new LinkedHashMap<>();
    private String accept = "application/json";

    Request(Http http, String method, String endpoint, String defaultToken, Consumer<Request> guard,
            BiConsumer<Request, Exchange> sent) {
        this.http = http;
        this.method = method;
        this.endpoint = endpoint;
        this.path = (AUTH.contains(endpoint) ? "/v2/auth/" : "/v2/session/") + endpoint;
        this.defaultToken = defaultToken;
        this.guard = guard;
        this.sent = sent;
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

    /** Adds {@code phone_number} (request-code): digits only, with the country code. */
    public Request phone(String phoneNumber) {
        query.put("phone_number", Objects.requireNonNull(phoneNumber, "phoneNumber"));
        return this;
    }

    /** Sets the Accept header; the default is {@code application/json}. */
    public Request accept(String mediaType) {
        this.accept = Objects.requireNonNull(mediaType, "mediaType");
        return this;
    }

    /**
     * Sends the call and records what came back; never throws for a transport failure.
     *
     * @throws IllegalStateException without sending anything, when the call would change a session the run
     *                               may not touch (on live: stop, restart, logout or delete of a session it did not create)
     */
    public Exchange send() {
        guard.accept(this);
        Exchange ex = http.send(method, path, query, accept);
        sent.accept(this, ex);
        return ex;
    }

    String method() {
        return method;
    }

    String endpoint() {
        return endpoint;
    }

    Map<String, String> query() {
        return Collections.unmodifiableMap(query);
    }
}
