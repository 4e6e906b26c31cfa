package dev.wawpkit.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A tiny HTTP client for the tests: one request, one fully read response. */
final class Http {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)content-length: (\\d+)");
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;
    private String method = "POST";
    private String path;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private byte[] body = new byte[0];
    private boolean chunked;

    private Http(URI base, String path) {
        this.base = base;
        this.path = path;
    }

    static Http to(URI base, String pathAndQuery) {
        return new Http(base, pathAndQuery);
    }

    static Http to(WawpMockServer mock, String pathAndQuery) {
        return new Http(mock.baseUrl(), pathAndQuery);
    }

    Http method(String method) {
        this.method = method;
        return this;
    }

    Http header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    Http accept(String mediaType) {
        return header("Accept", mediaType);
    }

    Http json(String json) {
        headers.put("Content-Type", "application/json");
        this.body = json.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    Http form(String form) {
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        this.body = form.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    Http body(String contentType, byte[] bytes) {
        headers.put("Content-Type", contentType);
        this.body = bytes;
        return this;
    }

    /** Returns a copy of this request aimed at another server. */
    Http rebase(URI newBase) {
        Http copy = new Http(newBase, path);
        copy.method = method;
        copy.headers.putAll(headers);
        copy.body = body;
        copy.chunked = chunked;
        return copy;
    }

    /** Sends the body chunked, with no Content-Length, so the server must read it to learn its size. */
    Http chunked() {
        this.chunked = true;
        return this;
    }

    Response send() {
        try {
            return sendOrThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Response sendOrThrow() throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(20))
                .method(
                        method,
                        chunked
                                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        try {
            HttpResponse<byte[]> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            Response response = new Response(
                    r.statusCode(),
                    r.headers().firstValue("Content-Type").orElse(""),
                    new String(r.body(), StandardCharsets.UTF_8),
                    r.headers().map());
            OpenApiCheck.check(method, path, response);
            return response;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Writes {@code request} as it is over a fresh socket and returns the answer's text. */
    static String exchange(WawpMockServer mock, String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", mock.port())) {
            s.setSoTimeout(20_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            return readAnswer(s.getInputStream());
        }
    }

    /** Reads one answer: up to its Content-Length, or until the server closes (a reset too). */
    static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] b = new byte[8192];
        try {
            int n;
            while ((n = in.read(b)) > 0) {
                buf.write(b, 0, n);
                String sofar = buf.toString(StandardCharsets.UTF_8);
                int head = sofar.indexOf("\r\n\r\n");
                Matcher m = CONTENT_LENGTH.matcher(sofar);
                if (head > 0 && m.find() && sofar.length() - head - 4 >= Integer.parseInt(m.group(1))) {
                    break;
                }
            }
        } catch (IOException reset) {
            // an answer followed by a reset still counts
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    /** Sends a request line java.net.URI would refuse (such as a broken %-escape) over a raw socket. */
    static Response raw(URI base, String method, String rawPathAndQuery, String accept) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            String request = method + " " + rawPathAndQuery + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\n"
                    + (accept == null ? "" : "Accept: " + accept + "\r\n")
                    + "Content-Length: 0\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String all = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int split = all.indexOf("\r\n\r\n");
            String head = all.substring(0, split);
            String body = all.substring(split + 4);
            int status = Integer.parseInt(head.substring(9, 12));
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.put(
                            line.substring(0, colon),
                            List.of(line.substring(colon + 1).trim()));
                }
            }
            String contentType = headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase("Content-Type"))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse("");
            return new Response(status, contentType, body, headers);
        }
    }

    record Response(int status, String contentType, String body, Map<String, List<String>> headers) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Expecting a JSON body, but got:\n  " + body, e);
            }
        }

        String mediaType() {
            int semi = contentType.indexOf(';');
            return (semi < 0 ? contentType : contentType.substring(0, semi)).trim();
        }

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }
}
