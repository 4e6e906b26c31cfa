package dev.wawpkit.mock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides which stubs the control API takes while WireMock's extra routes are off: a stub must
 * answer by itself, from what it holds. One that proxies to another host, reads its body from a
 * file, or fires WireMock's webhook at another host would make the mock do I/O beyond its socket
 * on a user's say-so; {@code --wiremock-admin} allows them. Stubs registered in-process through
 * {@code server.wireMock()} are the test's own code and are not checked.
 */
final class StubPolicy {
    /**
     * How many characters of stub JSON the stubs may hold once one sent over HTTP is added; past it
     * the stub is refused (409). A hundred stubs of 1 MiB ran a mock started with {@code -Xmx160m}
     * out of memory.
     */
    static final long MAX_STUB_CHARS = 16L << 20;

    private StubPolicy() {}

    /** Returns the refusal for a stub body of {@code adding} characters beside {@code held}, or null. */
    static ApiError tooLarge(long held, long adding) {
        if (held + adding <= MAX_STUB_CHARS) {
            return null;
        }
        return new ApiError(
                409,
                "stubs_too_large",
                "Expected the stubs to hold at most " + MAX_STUB_CHARS + " characters of JSON in all, but they hold "
                        + held + " and this request adds " + adding
                        + ". Remove the stubs you no longer need (DELETE /__admin/mappings/{id}, or POST"
                        + " /__admin/mappings/reset for all), or serve one large answer from fewer stubs.");
    }

    /**
     * Returns the refusal for a stub body sent to {@code /__admin/mappings} (one stub, or an import
     * of {@code {"mappings": [...]}}), or null when it may go on to WireMock; JSON WireMock cannot
     * read goes on too, for WireMock's own error.
     */
    static ApiError refusal(byte[] body) {
        JsonNode root;
        try {
            root = Renderer.JSON.readTree(body);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        if (root == null || !root.isObject()) {
            return null;
        }
        List<JsonNode> stubs = new ArrayList<>();
        if (root.path("mappings").isArray()) {
            root.path("mappings").forEach(stubs::add);
        } else {
            stubs.add(root);
        }
        for (JsonNode stub : stubs) {
            JsonNode response = stub.path("response");
            if (response.has("proxyBaseUrl")) {
                return off(
                        "proxy_stubs_off",
                        "this one proxies to another host (proxyBaseUrl)",
                        "Put the answer in the stub, or start the mock with --wiremock-admin to allow proxy stubs.");
            }
            if (response.has("bodyFileName")) {
                return off(
                        "body_files_off",
                        "this one reads its body from a file (bodyFileName), and files are off with /__admin/files",
                        "Put the body in the stub (body, jsonBody or base64Body), or start the mock with"
                                + " --wiremock-admin.");
            }
            if (firesWebhook(stub.path("serveEventListeners")) || firesWebhook(stub.path("postServeActions"))) {
                return off(
                        "stub_webhooks_off",
                        "this one fires WireMock's webhook at another host",
                        "Use the mock's own session webhooks (PUT /__admin/wawp/sessions/{id}/webhooks), or start"
                                + " the mock with --wiremock-admin.");
            }
        }
        return null;
    }

    private static ApiError off(String code, String what, String fix) {
        return new ApiError(400, code, "Expected a stub that answers by itself, but " + what + ". " + fix);
    }

    /** WireMock takes listeners as a list of {@code {"name": ...}} or, in the older form, an object keyed by name. */
    private static boolean firesWebhook(JsonNode listeners) {
        if (listeners.isArray()) {
            for (JsonNode listener : listeners) {
                if ("webhook".equalsIgnoreCase(listener.path("name").asText())) {
                    return true;
                }
            }
        } else if (listeners.isObject()) {
            for (var names = listeners.fieldNames(); names.hasNext(); ) {
                if ("webhook".equalsIgnoreCase(names.next())) {
                    return true;
                }
            }
        }
        return false;
    }
}
