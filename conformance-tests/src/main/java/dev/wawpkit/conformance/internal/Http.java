package dev.wawpkit.conformance.internal;

import dev.wawpkit.conformance.Exchange;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** Sends calls to the target with java.net.http; thread-safe. */
public final class Http {
    private final URI baseUrl;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** Creates one for the given base URL. */
    public Http(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Sends one call: query parameters, Accept, {@code Content-Type: application/json} and no body. */
    public Exchange send(String method, String path, Map<String, String> query, String accept) {
        String q = query.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String url = baseUrl + path + (q.isEmpty() ? "" : "?" + q);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", accept);
        if ("GET".equals(method)) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response =
                    client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Exchange(
                    method,
                    path,
                    url,
                    accept,
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body(),
                    null);
        } catch (IOException e) {
            return new Exchange(method, path, url, accept, 0, "", "", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Exchange(method, path, url, accept, 0, "", "", new IOException("interrupted", e));
        }
    }

    /** Answers whether GET {base}{path} answers 200 with JSON: what a Wawp mock's control API does. */
    public boolean answers200(String path) {
        Exchange probe = send("GET", path, Map.of(), "application/json");
        return probe.status() == 200 && probe.json().isPresent();
    }
}
