package dev.wawpkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Throws random methods, paths, query strings, headers, content types and bodies (invalid UTF-8,
 * deeply nested JSON) at the API and the control API. Whatever comes, the mock answers below 500
 * (no fault is armed), in a documented error format, stays up, and changes no stored session on a
 * rejected request.
 */
class FuzzTest {
    /** jqwik logs an INFO line when edge cases outnumber tries; a quiet build prints nothing. Held so it stays set. */
    private static final Logger JQWIK = quietLogger("net.jqwik");

    private static final String TOKEN = "fuzz-token-1";
    private static final String ID = "FUZZ00000001";
    private static WawpMockServer mock;

    // Its own mock: jqwik runs these properties, and @WawpMockTest is a JUnit Jupiter extension.
    @BeforeContainer
    static void startMock() {
        mock = WawpMockServer.builder().token(TOKEN).manualBoot().build().start();
    }

    @AfterContainer
    static void stopMock() {
        mock.close();
    }

    /** One raw HTTP request, bytes as they go on the wire. */
    record Request(String method, String target, Map<String, String> headers, byte[] body) {
        @Override
        public String toString() {
            return method + " " + target + " " + headers + " body=" + body.length + "B";
        }
    }

    record Response(int status, String contentType, String body) {}

    // ---- the properties ---------------------------------------------------------------------

    @Property(tries = 400)
    void theApiAnswersEveryRequestWithADocumentedError(@ForAll("apiRequests") Request request) throws IOException {
        ensureSeeded();
        MockSession before = mock.session(ID).get();
        int sessionsBefore = mock.sessions().size();

        Response r = send(request);

        assertThat(r.status()).as("status of %s", request).isBetween(200, 499);
        assertDocumentedFormat(request, r);
        if (r.status() >= 400) {
            MockSession after = mock.session(ID).get();
            assertThat(after.status()).as("status after rejected %s", request).isEqualTo(before.status());
            assertThat(after.loggedIn()).isEqualTo(before.loggedIn());
            assertThat(mock.sessions()).hasSize(sessionsBefore);
        }
        assertThat(send(new Request(
                                "GET",
                                "/v2/session/info?instance_id=" + ID + "&access_token=" + TOKEN,
                                Map.of(),
                                new byte[0]))
                        .status())
                .as("the mock keeps serving")
                .isEqualTo(200);
        mock.takeUnexpectedCalls();
    }

    @Property(tries = 300)
    void theControlApiAnswersEveryRequestBelow500InItsErrorFormat(@ForAll("controlRequests") Request request)
            throws IOException {
        Response r = send(request);

        assertThat(r.status()).as("status of %s", request).isBetween(200, 499);
        if (r.status() >= 400 && !r.body().isEmpty()) {
            assertThat(r.contentType()).startsWith("application/json");
            JsonNode json = Http.JSON.readTree(r.body());
            assertThat(json.get("error").isTextual()).isTrue();
            assertThat(json.get("message").asText()).isNotBlank();
            assertThat(json.get("status").asInt()).isEqualTo(r.status());
        }
        assertThat(r.body()).doesNotContain("\tat ").doesNotContain("Exception:");
        mock.reset();
    }

    private static void ensureSeeded() {
        if (mock.sessions().stream().noneMatch(s -> s.instanceId().equals(ID))) {
            mock.reset();
            mock.seedSession()
                    .token(TOKEN)
                    .instanceId(ID)
                    .status(SessionStatus.SCAN_QR_CODE)
                    .create();
        }
    }

    private static void assertDocumentedFormat(Request request, Response r) throws IOException {
        assertThat(r.body()).as("body of %s", request).doesNotContain("\tat ").doesNotContain("Exception:");
        if (request.method().equals("HEAD") || r.status() < 400) {
            return;
        }
        String type = r.contentType().toLowerCase(Locale.ROOT);
        assertThat(type)
                .as("content type of %s", request)
                .matches("(application/json|application/xml|text/plain)(;.*)?");
        if (type.startsWith("application/json")) {
            JsonNode json = Http.JSON.readTree(r.body());
            assertThat(json.get("error").isTextual()).isTrue();
            assertThat(json.get("message").asText()).isNotBlank();
            assertThat(json.get("status").asInt()).isEqualTo(r.status());
        } else if (type.startsWith("application/xml")) {
            assertThat(r.body()).contains("<error><status>" + r.status() + "</status><code>");
        } else {
            assertThat(r.body().strip())
                    .startsWith(Integer.toString(r.status()))
                    .doesNotContain("\n");
        }
    }

    // ---- generators -------------------------------------------------------------------------

    @Provide
    Arbitrary<Request> apiRequests() {
        Arbitrary<String> method = Arbitraries.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "PURGE");
        Arbitrary<String> path = Arbitraries.oneOf(
                Arbitraries.of(Endpoint.values()).map(Endpoint::path),
                Arbitraries.of(Endpoint.values())
                        .map(Endpoint::path)
                        .flatMap(p -> Arbitraries.strings()
                                .withChars("abcxyz/._~-%0123456789")
                                .ofMaxLength(12)
                                .map(s -> p + s)),
                Arbitraries.strings()
                        .withChars("abcdefghijklmnopqrstuvwxyz0123456789/._~-")
                        .ofMaxLength(40)
                        .map(s -> "/" + s));
        Arbitrary<String> query =
                pair().list().ofMaxSize(5).map(pairs -> pairs.isEmpty() ? "" : "?" + String.join("&", pairs));
        Arbitrary<Map<String, String>> headers = Combinators.combine(
                        Arbitraries.of(
                                "",
                                "application/json",
                                "application/xml",
                                "text/xml",
                                "text/plain",
                                "text/html",
                                "*/*",
                                "application/xml;q=0.9, text/plain",
                                "garbage/; ;;",
                                "application/json, application/xml"),
                        Arbitraries.of(
                                "",
                                "application/json",
                                "application/json; charset=utf-8",
                                "application/x-www-form-urlencoded",
                                "text/plain",
                                "application/xml",
                                "multipart/form-data",
                                "x/y"),
                        Arbitraries.of("", TOKEN, "wrong-token-9", "   "))
                .as((accept, type, header) -> {
                    Map<String, String> h = new LinkedHashMap<>();
                    if (!accept.isEmpty()) {
                        h.put("Accept", accept);
                    }
                    if (!type.isEmpty()) {
                        h.put("Content-Type", type);
                    }
                    if (!header.isEmpty()) {
                        h.put("access-token", header);
                    }
                    return h;
                });
        return Combinators.combine(method, path, query, headers, bodies())
                .as((m, p, q, h, b) -> new Request(m, p + q, h, b));
    }

    @Provide
    Arbitrary<Request> controlRequests() {
        Arbitrary<String> method = Arbitraries.of("GET", "POST", "PUT", "DELETE");
        Arbitrary<String> path = Arbitraries.of(
                "/sessions",
                "/sessions/" + ID,
                "/sessions/NOSUCH000001",
                "/sessions/" + ID + "/status",
                "/sessions/" + ID + "/calls",
                "/sessions/" + ID + "/webhooks",
                "/faults",
                "/tokens",
                "/tokens/" + TOKEN,
                "/tokens/x%20y",
                "/unexpected-calls",
                "/provider-states",
                "/reset",
                "/reset?access_token=" + TOKEN,
                "/sessions?access_token=%zz");
        Arbitrary<byte[]> body = Arbitraries.oneOf(bodies(), controlJson());
        return Combinators.combine(method, path, body)
                .as((m, p, b) -> new Request(m, "/__admin/wawp" + p, Map.of("Content-Type", "application/json"), b));
    }

    private static Arbitrary<String> pair() {
        Arbitrary<String> key =
                Arbitraries.of("access_token", "instance_id", "phone_number", "x", "access_token[]", "");
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.of(
                        TOKEN,
                        "wrong-token-9",
                        ID,
                        "NOSUCH000001",
                        "short",
                        "201012345678",
                        "%zz",
                        "%",
                        "%E0%A4%A",
                        "",
                        "a+b",
                        "%F0%9F%98%80"),
                Arbitraries.strings().ofMaxLength(20).map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8)));
        return Combinators.combine(key, value).as((k, v) -> k + "=" + v);
    }

    private static Arbitrary<byte[]> bodies() {
        return Arbitraries.oneOf(
                Arbitraries.just(new byte[0]),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(600),
                Arbitraries.integers()
                        .between(1, 6000)
                        .map(depth -> ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.UTF_8)),
                Arbitraries.integers()
                        .between(1, 3000)
                        .map(depth ->
                                ("{\"a\":".repeat(depth) + "1" + "}".repeat(depth)).getBytes(StandardCharsets.UTF_8)),
                jsonObjects(),
                Arbitraries.strings().ofMaxLength(200).map(s -> s.getBytes(StandardCharsets.UTF_8)));
    }

    private static Arbitrary<byte[]> jsonObjects() {
        Arbitrary<String> value = Arbitraries.of(
                "\"" + TOKEN + "\"",
                "\"" + ID + "\"",
                "12",
                "null",
                "true",
                "[]",
                "{}",
                "\"\"",
                "\"\\ud800\"",
                "1e999",
                "\"201012345678\"");
        Arbitrary<String> key = Arbitraries.of("access_token", "instance_id", "phone_number", "status", "x");
        return Combinators.combine(key, value)
                .as((k, v) -> "\"" + k + "\":" + v)
                .list()
                .ofMaxSize(4)
                .map(fields -> ("{" + String.join(",", fields) + "}").getBytes(StandardCharsets.UTF_8));
    }

    private static Arbitrary<byte[]> controlJson() {
        Arbitrary<String> key = Arbitraries.of(
                "access_token",
                "instance_id",
                "status",
                "logged_in",
                "endpoint",
                "format",
                "fault",
                "delay_ms",
                "times",
                "quota",
                "urls",
                "secret",
                "state",
                "params",
                "action");
        Arbitrary<String> value = Arbitraries.of(
                "\"start\"",
                "\"create\"",
                "\"WORKING\"",
                "\"STOPPED\"",
                "502",
                "500",
                "\"xml\"",
                "\"html\"",
                "\"CONNECTION_RESET\"",
                "-1",
                "0",
                "2147483648",
                "true",
                "null",
                "[]",
                "[\"http://127.0.0.1:9/h\"]",
                "[\"::\"]",
                "{}",
                "\"" + TOKEN + "\"",
                "\"" + ID + "\"",
                "\"token {access_token} is valid\"",
                "\"setup\"",
                "1.5",
                "\"\"");
        return Combinators.combine(key, value)
                .as((k, v) -> "\"" + k + "\":" + v)
                .list()
                .ofMaxSize(5)
                .map(fields -> ("{" + String.join(",", fields) + "}").getBytes(StandardCharsets.UTF_8));
    }

    // ---- the wire ---------------------------------------------------------------------------

    private static Response send(Request request) throws IOException {
        try (Socket socket = new Socket(mock.baseUrl().getHost(), mock.port())) {
            socket.setSoTimeout(20_000);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write((request.method() + " " + request.target() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            for (Map.Entry<String, String> h : request.headers().entrySet()) {
                out.write((h.getKey() + ": " + h.getValue() + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            out.write(("Content-Length: " + request.body().length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(request.body());
            socket.getOutputStream().write(out.toByteArray());
            byte[] all = readAll(socket.getInputStream());
            String text = new String(all, StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            assertThat(split).as("a complete response to %s", request).isPositive();
            String head = text.substring(0, split);
            String contentType = "";
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
                    contentType = line.substring(13).trim();
                }
            }
            String body = text.substring(split + 4);
            if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
                body = unchunk(body);
            }
            return new Response(Integer.parseInt(head.substring(9, 12)), contentType, body);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    private static String unchunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < chunked.length()) {
            int eol = chunked.indexOf("\r\n", i);
            if (eol < 0) {
                break;
            }
            int size = Integer.parseInt(chunked.substring(i, eol).trim(), 16);
            if (size == 0) {
                break;
            }
            out.append(chunked, eol + 2, Math.min(chunked.length(), eol + 2 + size));
            i = eol + 2 + size + 2;
        }
        return out.toString();
    }

    private static Logger quietLogger(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.WARNING);
        return logger;
    }
}
