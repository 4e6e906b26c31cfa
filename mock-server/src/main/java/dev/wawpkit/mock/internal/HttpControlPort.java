package dev.wawpkit.mock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wawpkit.mock.FaultRule;
import dev.wawpkit.mock.MockSession;
import dev.wawpkit.mock.RecordedCall;
import dev.wawpkit.mock.RecordedRequest;
import dev.wawpkit.mock.SessionStatus;
import dev.wawpkit.mock.TokenQuota;
import dev.wawpkit.mock.UnexpectedCall;
import dev.wawpkit.mock.WawpMockException;
import dev.wawpkit.mock.WebhookDelivery;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The control operations over the HTTP control API of a running mock ({@code /__admin/wawp}).
 *
 * <p>Refusals come back as the same {@link WawpMockException} the in-process mock throws; an
 * unreachable mock is an {@link IllegalStateException} that says how to start one.
 */
public final class HttpControlPort implements ControlPort {
    private final URI base;
    private final HttpClient http;
    private final Duration timeout;
    private final String adminToken;

    public HttpControlPort(URI baseUrl, Duration timeout, String adminToken) {
        this.base = baseUrl;
        this.timeout = timeout;
        this.adminToken = adminToken;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public List<MockSession> sessions(String token) {
        return read(call("GET", "/sessions" + tokenQuery(token), null), ControlModel.SessionsJson.class)
                .sessions()
                .stream()
                .map(ControlModel.SessionJson::toRecord)
                .toList();
    }

    @Override
    public MockSession session(String instanceId) {
        return read(call("GET", "/sessions/" + enc(instanceId), null), ControlModel.SessionJson.class)
                .toRecord();
    }

    @Override
    public MockSession seed(String token, String instanceId, SessionStatus status, boolean loggedIn) {
        return read(
                        call(
                                "POST",
                                "/sessions",
                                new ControlModel.SeedRequest(
                                        token,
                                        instanceId,
                                        (status == null ? SessionStatus.STOPPED : status).name(),
                                        loggedIn)),
                        ControlModel.SessionJson.class)
                .toRecord();
    }

    @Override
    public MockSession move(String instanceId, SessionStatus status, Boolean loggedIn) {
        return read(
                        call(
                                "POST",
                                "/sessions/" + enc(instanceId) + "/status",
                                new ControlModel.MoveRequest(status == null ? null : status.name(), loggedIn)),
                        ControlModel.SessionJson.class)
                .toRecord();
    }

    @Override
    public List<RecordedCall> calls(String instanceId) {
        return read(call("GET", "/sessions/" + enc(instanceId) + "/calls", null), ControlModel.CallsJson.class)
                .calls()
                .stream()
                .map(ControlModel.CallJson::toRecord)
                .toList();
    }

    @Override
    public void webhooks(String instanceId, List<URI> urls, String secret) {
        call(
                "PUT",
                "/sessions/" + enc(instanceId) + "/webhooks",
                new ControlModel.WebhooksRequest(
                        urls.stream().map(URI::toString).toList(), secret));
    }

    @Override
    public List<WebhookDelivery> deliveries(String instanceId) {
        return read(call("GET", "/sessions/" + enc(instanceId) + "/webhooks", null), ControlModel.WebhooksJson.class)
                .deliveries()
                .stream()
                .map(ControlModel.DeliveryJson::toRecord)
                .toList();
    }

    @Override
    public void arm(FaultRule rule) {
        call("POST", "/faults", ControlModel.FaultJson.of(rule, false));
    }

    @Override
    public List<FaultRule> faults() {
        return read(call("GET", "/faults", null), ControlModel.FaultsJson.class).faults().stream()
                .map(ControlModel.FaultJson::toRule)
                .toList();
    }

    @Override
    public void clearFaults(String token) {
        call("DELETE", "/faults" + tokenQuery(token), null);
    }

    @Override
    public TokenQuota putToken(String token, Integer quota) {
        return read(
                        call("PUT", "/tokens/" + enc(token), new ControlModel.QuotaRequest(quota)),
                        ControlModel.TokenJson.class)
                .toRecord();
    }

    @Override
    public void ensureToken(String token) {
        call("PUT", "/tokens/" + enc(token), null);
    }

    @Override
    public List<TokenQuota> tokens() {
        return read(call("GET", "/tokens", null), ControlModel.TokensJson.class).tokens().stream()
                .map(ControlModel.TokenJson::toRecord)
                .toList();
    }

    @Override
    public void reset() {
        call("POST", "/reset", null);
    }

    @Override
    public void resetToken(String token) {
        call("POST", "/reset" + tokenQuery(token), null);
    }

    @Override
    public List<UnexpectedCall> unexpectedCalls(String token) {
        return read(call("GET", "/unexpected-calls" + tokenQuery(token), null), ControlModel.UnexpectedCallsJson.class)
                .unexpectedCalls()
                .stream()
                .map(ControlModel.UnexpectedJson::toRecord)
                .toList();
    }

    @Override
    public List<UnexpectedCall> drainUnexpectedCalls(String token, boolean unattributed) {
        String query = token == null ? "" : tokenQuery(token) + "&unattributed=" + unattributed;
        return read(call("DELETE", "/unexpected-calls" + query, null), ControlModel.UnexpectedCallsJson.class)
                .unexpectedCalls()
                .stream()
                .map(ControlModel.UnexpectedJson::toRecord)
                .toList();
    }

    @Override
    public List<RecordedRequest> requests(RequestQuery q) {
        StringBuilder query = new StringBuilder();
        param(query, "access_token", q.token());
        param(query, "endpoint", q.endpointKey());
        param(query, "instance_id", q.instanceId());
        param(query, "status", q.status() == null ? null : q.status().toString());
        param(query, "limit", q.limit() == 0 ? null : Integer.toString(q.limit()));
        return read(call("GET", "/requests" + query, null), ControlModel.RequestsJson.class).requests().stream()
                .map(ControlModel.RequestJson::toRecord)
                .toList();
    }

    /** Polls the mock every 10 ms until a request not taken yet arrives or the timeout passes. */
    @Override
    public RecordedRequest takeRequest(String token, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            ControlModel.TakenJson taken =
                    read(call("POST", "/requests/take" + tokenQuery(token), null), ControlModel.TakenJson.class);
            if (taken.request() != null) {
                return taken.request().toRecord();
            }
            if (System.nanoTime() >= deadline) {
                return null;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    @Override
    public void clearRequests(String token) {
        call("DELETE", "/requests" + tokenQuery(token), null);
    }

    private static void param(StringBuilder query, String name, String value) {
        if (value != null) {
            query.append(query.length() == 0 ? '?' : '&')
                    .append(name)
                    .append('=')
                    .append(enc(value));
        }
    }

    private static <T> T read(JsonNode json, Class<T> type) {
        try {
            return ControlModel.MAPPER.treeToValue(json, type);
        } catch (IOException e) {
            throw new IllegalStateException("Expected a " + type.getSimpleName() + " from the Wawp mock's control API, "
                    + "but could not read it (" + e.getMessage() + "). Are the mock and this client the same version?");
        }
    }

    private JsonNode call(String method, String path, Object body) {
        URI uri = base.resolve("/__admin/wawp" + path);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout);
        if (adminToken != null) {
            b.header("X-Wawp-Admin-Token", adminToken);
        }
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            byte[] json;
            try {
                json = ControlModel.MAPPER.writeValueAsBytes(body);
            } catch (IOException e) {
                throw new IllegalStateException("Could not write a control request as JSON: " + e.getMessage(), e);
            }
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(json));
        }
        HttpResponse<byte[]> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Cannot reach the Wawp mock's control API at " + base
                            + " (" + e.getClass().getSimpleName() + "). Is it running? Start one with: "
                            + "java -jar mock-server/target/wawp-mock-server.jar --port " + base.getPort(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling the Wawp mock at " + base, e);
        }
        JsonNode json;
        try {
            json = r.body().length == 0 ? Renderer.JSON.createObjectNode() : Renderer.JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException("Expected JSON from the Wawp mock's control API at " + uri + ", but got "
                    + r.statusCode() + " with a non-JSON body. Is " + base + " a Wawp mock?");
        }
        if (r.statusCode() >= 300) {
            if (json.has("error") && json.has("message")) {
                throw new WawpMockException(
                        r.statusCode(),
                        json.get("error").asText(),
                        json.get("message").asText());
            }
            throw new IllegalStateException("Expected the Wawp control API at " + uri + ", but got " + r.statusCode()
                    + ". Is " + base + " a Wawp mock (wawp-contract-kit), not another server?");
        }
        return json;
    }

    private static String tokenQuery(String token) {
        return token == null ? "" : "?access_token=" + enc(token);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
