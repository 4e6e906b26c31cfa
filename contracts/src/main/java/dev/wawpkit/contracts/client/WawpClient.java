package dev.wawpkit.contracts.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wawpkit.spec.TokenMask;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * Calls the Wawp session API: the reference client the contract tests speak for.
 *
 * <p>Build one with {@link #builder()}:
 * <pre>{@code
 * WawpClient client = WawpClient.builder()
 *         .baseUrl(URI.create("http://127.0.0.1:8080"))
 *         .accessToken("test-token-1234")
 *         .timeout(Duration.ofSeconds(5))
 *         .build();
 * CreatedSession created = client.create();
 * SessionInfo starting = client.start(created.instanceId());
 * }</pre>
 *
 * <p>By default credentials go in the query string ({@link CredentialStyle#QUERY}), POST calls
 * carry {@code Content-Type: application/json} and no body, and every call sends
 * {@code Accept: application/json}. Any 2xx is success; every other status throws one
 * {@link WawpApiException}. A timeout or I/O failure throws {@link UncheckedIOException}.
 *
 * <p>Methods that take an {@code instanceId} leave the parameter out when it is null, and an
 * empty access token sends no token; the API then answers 400. This lets contract tests show the
 * "missing parameter" answers.
 *
 * <p>Instances are immutable and thread-safe. The access token never appears in exception
 * messages or {@link #toString()}; it is shown masked, such as {@code test...}. The client
 * writes no logs.
 */
public final class WawpClient {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String JSON = "application/json";

    private final URI baseUrl;
    private final String accessToken;
    private final CredentialStyle credentials;
    private final String accept;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final HttpClient http;

    private WawpClient(Builder b, HttpClient http) {
        this.baseUrl = b.baseUrl;
        this.accessToken = b.accessToken;
        this.credentials = b.credentials;
        this.accept = b.accept;
        this.connectTimeout = b.connectTimeout;
        this.requestTimeout = b.requestTimeout;
        this.http = http;
    }

    /**
     * Starts a builder. Defaults: query-string credentials, {@code Accept: application/json},
     * 10 s connect and 30 s request timeouts. Base URL and access token have no default.
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a client like this one that sends the given {@code Accept} header, such as
     * {@code application/xml} to ask for XML errors; it shares this client's connections.
     */
    public WawpClient withAccept(String accept) {
        Builder b = toBuilder().accept(accept);
        return new WawpClient(b, http);
    }

    /** Creates a session with {@code POST /v2/session/create}; it starts in {@code STOPPED}. */
    public CreatedSession create() {
        JsonNode n = call("POST", "/v2/session/create", null, Map.of());
        return new CreatedSession(
                text(n, "instance_id"), text(n, "session_name"), text(n, "server_name"), text(n, "status"));
    }

    /** Starts a session with {@code POST /v2/session/start}; a STOPPED session moves to STARTING. */
    public SessionInfo start(String instanceId) {
        return session(call("POST", "/v2/session/start", instanceId, Map.of()));
    }

    /** Reads a session with {@code POST /v2/session/info}, including {@code me} and {@code qr} when present. */
    public SessionInfo info(String instanceId) {
        return session(call("POST", "/v2/session/info", instanceId, Map.of()));
    }

    /**
     * Reads a session's status with {@code POST /v2/status}, the endpoint Wawp's Start page names
     * for fetching the QR code: like {@link #info}, with {@code qr} while SCAN_QR_CODE.
     */
    public SessionInfo status(String instanceId) {
        return session(call("POST", "/v2/status", instanceId, Map.of()));
    }

    /** Stops a session with {@code POST /v2/session/stop}, keeping its login. */
    public SessionInfo stop(String instanceId) {
        return session(call("POST", "/v2/session/stop", instanceId, Map.of()));
    }

    /** Restarts a session with {@code POST /v2/session/restart}; it moves to STARTING. */
    public SessionInfo restart(String instanceId) {
        return session(call("POST", "/v2/session/restart", instanceId, Map.of()));
    }

    /** Logs a session out with {@code POST /v2/session/logout}; it moves to SCAN_QR_CODE. */
    public SessionRef logout(String instanceId) {
        return ref(call("POST", "/v2/session/logout", instanceId, Map.of()));
    }

    /** Deletes a session with {@code DELETE /v2/session/delete}; it answers 404 from then on. */
    public SessionRef delete(String instanceId) {
        return ref(call("DELETE", "/v2/session/delete", instanceId, Map.of()));
    }

    /** Reads the account a session is logged in as, with {@code GET /v2/session/me}. */
    public Me me(String instanceId) {
        return me(call("GET", "/v2/session/me", instanceId, Map.of()));
    }

    /** Reads the current QR code as base64 JSON, with {@code POST /v2/auth/qr}. */
    public QrCode qr(String instanceId) {
        JsonNode n = call("POST", "/v2/auth/qr", instanceId, Map.of());
        return new QrCode(text(n, "mimetype"), text(n, "data"));
    }

    /** Reads the current QR code as a PNG data URL, with {@code POST /v2/auth/qr-image}. */
    public QrImage qrImage(String instanceId) {
        return new QrImage(text(call("POST", "/v2/auth/qr-image", instanceId, Map.of()), "qr"));
    }

    /**
     * Requests a pairing code with {@code POST /v2/auth/request-code}.
     *
     * @param phoneNumber the phone number to pair, digits only, such as {@code 201012345678}
     */
    public PairingCode requestCode(String instanceId, String phoneNumber) {
        Objects.requireNonNull(phoneNumber, "phoneNumber");
        return new PairingCode(
                text(call("POST", "/v2/auth/request-code", instanceId, Map.of("phone_number", phoneNumber)), "code"));
    }

    /** Returns the base URL calls go to. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** Returns where credentials are sent. */
    public CredentialStyle credentials() {
        return credentials;
    }

    /** Returns the {@code Accept} header every call sends. */
    public String accept() {
        return accept;
    }

    /** Shows the settings, with the access token masked. */
    @Override
    public String toString() {
        return "WawpClient{baseUrl=" + baseUrl + ", accessToken=" + TokenMask.mask(accessToken)
                + ", credentials=" + credentials + ", accept=" + accept
                + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout + "}";
    }

    private Builder toBuilder() {
        return builder()
                .baseUrl(baseUrl)
                .accessToken(accessToken)
                .credentials(credentials)
                .accept(accept)
                .connectTimeout(connectTimeout)
                .requestTimeout(requestTimeout);
    }

    private JsonNode call(String method, String path, String instanceId, Map<String, String> extra) {
        Map<String, String> params = new LinkedHashMap<>();
        if (instanceId != null) {
            params.put("instance_id", instanceId);
        }
        params.putAll(extra);
        boolean inBody = credentials == CredentialStyle.JSON_BODY && method.equals("POST");
        boolean sendToken = !accessToken.isEmpty();
        if (sendToken && credentials != CredentialStyle.HEADER) {
            params.put("access_token", accessToken);
        }

        HttpRequest.Builder request =
                HttpRequest.newBuilder().timeout(requestTimeout).header("Accept", accept);
        if (sendToken && credentials == CredentialStyle.HEADER) {
            request.header("access-token", accessToken);
        }
        URI uri;
        if (inBody) {
            uri = uri(path, Map.of());
            request.header("Content-Type", JSON).method(method, HttpRequest.BodyPublishers.ofString(json(params)));
        } else {
            uri = uri(path, params);
            if (method.equals("POST")) {
                request.header("Content-Type", JSON);
            }
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }

        HttpResponse<String> response = send(request.uri(uri).build(), method, path);
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        if (response.statusCode() < 200 || response.statusCode() > 299) {
            throw new WawpApiException(method, path, response.statusCode(), contentType, response.body(), accessToken);
        }
        try {
            JsonNode body = MAPPER.readTree(response.body());
            if (body == null || !body.isObject()) {
                throw new IOException("not a JSON object");
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    TokenMask.scrub(
                            method + " " + path + " answered " + response.statusCode()
                                    + " with a body that is not a JSON object [" + contentType + "]: "
                                    + abbreviate(response.body()),
                            accessToken),
                    e);
        }
    }

    private HttpResponse<String> send(HttpRequest request, String method, String path) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new UncheckedIOException(
                    method + " " + path + " to " + baseUrl + " timed out after "
                            + (e instanceof HttpConnectTimeoutException
                                    ? connectTimeout + " (connect)"
                                    : requestTimeout)
                            + "; raise it with WawpClient.builder().timeout(Duration.ofSeconds(60))",
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    method + " " + path + " to " + baseUrl + " failed: "
                            + TokenMask.scrub(String.valueOf(e.getMessage()), accessToken),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException cause = new InterruptedIOException(method + " " + path + " was interrupted");
            cause.initCause(e);
            throw new UncheckedIOException(cause.getMessage(), cause);
        }
    }

    private URI uri(String path, Map<String, String> params) {
        String base = baseUrl.toString();
        StringBuilder sb =
                new StringBuilder(base.endsWith("/") ? base.substring(0, base.length() - 1) : base).append(path);
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        params.forEach((k, v) -> query.add(encode(k) + "=" + encode(v)));
        return URI.create(sb.append(query).toString());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String json(Map<String, String> params) {
        ObjectNode node = MAPPER.createObjectNode();
        params.forEach(node::put);
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String s) {
        return s == null || s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }

    private static SessionInfo session(JsonNode n) {
        JsonNode config = n.get("config");
        SessionConfig cfg = config == null || !config.isObject()
                ? null
                : new SessionConfig(map(config.get("webhooks")), map(config.get("proxy")));
        JsonNode me = n.get("me");
        return new SessionInfo(
                text(n, "name"), text(n, "status"), cfg, me == null || !me.isObject() ? null : me(me), text(n, "qr"));
    }

    private static Me me(JsonNode n) {
        return new Me(text(n, "id"), text(n, "pushName"));
    }

    private static SessionRef ref(JsonNode n) {
        return new SessionRef(text(n, "name"), text(n, "status"), text(n, "instance_id"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(JsonNode n) {
        return n == null || !n.isObject() ? null : MAPPER.convertValue(n, Map.class);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /**
     * Collects a {@link WawpClient}'s settings. Not thread-safe; {@link #build()} may be called
     * more than once.
     */
    public static final class Builder {
        private URI baseUrl;
        private String accessToken;
        private CredentialStyle credentials = CredentialStyle.QUERY;
        private String accept = JSON;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(30);

        private Builder() {}

        /** Sets the base URL, such as {@code https://api.wawp.net}; a path prefix is kept. Required. */
        public Builder baseUrl(URI baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            return this;
        }

        /** Sets the access token sent with every call; empty sends none. Required. */
        public Builder accessToken(String accessToken) {
            this.accessToken = Objects.requireNonNull(accessToken, "accessToken");
            return this;
        }

        /** Sets where credentials are sent; default {@link CredentialStyle#QUERY}. */
        public Builder credentials(CredentialStyle credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /**
         * Sets the {@code Accept} header every call sends; default {@code application/json}. The
         * API picks the error format by it: {@code application/xml} for XML, {@code text/plain}
         * for plain text, where that variant exists.
         */
        public Builder accept(String accept) {
            this.accept = Objects.requireNonNull(accept, "accept");
            return this;
        }

        /** Sets both the connect and the request timeout. */
        public Builder timeout(Duration timeout) {
            return connectTimeout(timeout).requestTimeout(timeout);
        }

        /** Sets how long to wait for a connection; default 10 s. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /** Sets how long to wait for each response, after connecting; default 30 s. */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout, "requestTimeout");
            return this;
        }

        /**
         * Builds the client.
         *
         * @throws IllegalStateException when the base URL or the access token is missing
         */
        public WawpClient build() {
            if (baseUrl == null) {
                throw new IllegalStateException("Expected a base URL, but none was set; call "
                        + "WawpClient.builder().baseUrl(URI.create(\"http://127.0.0.1:8080\")) before build()");
            }
            if (accessToken == null) {
                throw new IllegalStateException("Expected an access token, but none was set; call "
                        + "WawpClient.builder().accessToken(System.getenv(\"WAWP_ACCESS_TOKEN\")) before build()");
            }
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(connectTimeout)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            return new WawpClient(this, http);
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("Expected " + name + " to be positive, but got " + d
                        + "; pass for example Duration.ofSeconds(5)");
            }
            return d;
        }
    }
}
