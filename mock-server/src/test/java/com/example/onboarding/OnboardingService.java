package com.example.onboarding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A small piece of application code of the kind teams test against the mock: it creates a
 * WhatsApp session, starts it, and polls until the QR code is there to show to the user.
 *
 * <p>It retries what a gateway can cause (502, a dropped connection) a few times with a short
 * backoff, and gives up at once on what retrying cannot fix (401: bad token, 404: no session).
 */
public final class OnboardingService {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI api;
    private final String token;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int attempts;
    private final Duration backoff;

    public OnboardingService(URI api, String token, int attempts, Duration backoff) {
        this.api = api;
        this.token = token;
        this.attempts = attempts;
        this.backoff = backoff;
    }

    /** What the user needs to link their phone. */
    public record Onboarding(String instanceId, String qr) {}

    /** Why onboarding failed, for the user. */
    public static final class OnboardingException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;

        OnboardingException(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** Creates and starts a session, then waits (up to the timeout) until it shows a QR code. */
    public Onboarding begin(Duration timeout) throws InterruptedException {
        String id = call("/v2/session/create?access_token=" + token)
                .get("instance_id")
                .asText();
        call("/v2/session/start?instance_id=" + id + "&access_token=" + token);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode info = call("/v2/session/info?instance_id=" + id + "&access_token=" + token);
            switch (info.get("status").asText()) {
                case "SCAN_QR_CODE" -> {
                    return new Onboarding(id, info.get("qr").asText());
                }
                case "WORKING" -> {
                    return new Onboarding(id, null); // already linked: nothing to scan
                }
                case "FAILED" -> throw new OnboardingException(200, "The session failed to start; restart it.");
                default -> Thread.sleep(50);
            }
        }
        throw new OnboardingException(0, "The session did not show a QR code within " + timeout + ".");
    }

    private JsonNode call(String pathAndQuery) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(api.resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() / 100 == 2) {
                    return JSON.readTree(r.body());
                }
                if (r.statusCode() == 401) {
                    throw new OnboardingException(401, "Wawp rejected the access token; check WAWP_ACCESS_TOKEN.");
                }
                if (r.statusCode() == 404) {
                    throw new OnboardingException(404, "The WhatsApp session no longer exists; start over.");
                }
                if (r.statusCode() != 502 || attempt >= attempts) {
                    throw new OnboardingException(
                            r.statusCode(), "Wawp answered " + r.statusCode() + " after " + attempt + " attempt(s).");
                }
            } catch (IOException e) { // a dropped connection: worth another try
                if (attempt >= attempts) {
                    throw new OnboardingException(0, "Wawp could not be reached after " + attempt + " attempts.");
                }
            }
            Thread.sleep(backoff.toMillis() * attempt);
        }
    }
}
