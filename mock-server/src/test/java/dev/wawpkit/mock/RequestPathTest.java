package dev.wawpkit.mock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.wawpkit.mock.junit5.WawpMockTest;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One request path: user stubs first, then faults and the simulation; WireMock's resets cannot
 * remove the simulation; delays and slow senders hold no server thread the others need.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@WawpMockTest(token = RequestPathTest.TOKEN, bootDelayMillis = -1)
class RequestPathTest {
    static final String TOKEN = "path-token-00001";
    private static final String OTHER = "path-token-00002";
    private static final HttpClient RAW = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final WawpMockServer mock;

    RequestPathTest(WawpMockServer mock) {
        this.mock = mock;
    }

    @BeforeEach
    void reset() {
        mock.reset(); // the whole server and WireMock's own stubs: these tests add both beyond TOKEN's share
        mock.wireMock().resetAll();
    }

    @Test
    void aUserStubAnswersWhatItMatchesWithOrWithoutAFaultArmed() {
        String id = Calls.createdId(mock, TOKEN);
        mock.wireMock()
                .stubFor(get(urlPathEqualTo("/v2/session/me"))
                        .withHeader("X-Case", equalTo("stub"))
                        .willReturn(aResponse()
                                .withStatus(418)
                                .withHeader("Content-Type", "text/plain")
                                .withBody("teapot")));

        assertThat(send("GET", "/v2/session/me?instance_id=" + id + "&access_token=" + TOKEN, Map.of("X-Case", "stub"))
                        .statusCode())
                .isEqualTo(418);
        mock.faults().on(Endpoint.ME).times(5).respond(500);
        HttpResponse<String> stubbed =
                send("GET", "/v2/session/me?instance_id=" + id + "&access_token=" + TOKEN, Map.of("X-Case", "stub"));
        assertThat(stubbed.statusCode()).isEqualTo(418);
        assertThat(stubbed.body()).isEqualTo("teapot");
        assertThat(send("GET", "/v2/session/me?instance_id=" + id + "&access_token=" + TOKEN, Map.of())
                        .statusCode())
                .as("not matched by the stub: the armed fault answers")
                .isEqualTo(500);
        assertThat(mock.requests(Endpoint.ME))
                .extracting(RecordedRequest::status, RecordedRequest::fault)
                .containsExactly(
                        Tuple.tuple(418, "USER_STUB"),
                        Tuple.tuple(418, "USER_STUB"),
                        Tuple.tuple(500, "HTTP_500_JSON"));
    }

    @Test
    void stubsThatWouldReachBeyondTheSocketAreRefusedOverTheControlApi() throws Exception {
        Map<String, String> refused = Map.of(
                "{\"request\": {\"url\": \"/p\"}, \"response\": {\"proxyBaseUrl\": \"http://127.0.0.1:9\"}}",
                "proxy_stubs_off",
                "{\"request\": {\"url\": \"/f\"}, \"response\": {\"bodyFileName\": \"../../etc/passwd\"}}",
                "body_files_off",
                "{\"request\": {\"url\": \"/w\"}, \"response\": {\"status\": 200}, \"serveEventListeners\": "
                        + "[{\"name\": \"webhook\", \"parameters\": {\"url\": \"http://127.0.0.1:9/\"}}]}",
                "stub_webhooks_off",
                "{\"request\": {\"url\": \"/w\"}, \"response\": {\"status\": 200}, \"postServeActions\": "
                        + "{\"webhook\": {\"url\": \"http://127.0.0.1:9/\"}}}",
                "stub_webhooks_off");
        for (Map.Entry<String, String> stub : refused.entrySet()) {
            for (String route : List.of("/__admin/mappings", "/__admin/mappings/import")) {
                String body = route.endsWith("import") ? "{\"mappings\": [" + stub.getKey() + "]}" : stub.getKey();
                HttpResponse<String> r = postJson(route, body);

                assertThat(r.statusCode()).as(route + " " + body).isEqualTo(400);
                assertThat(new ObjectMapper().readTree(r.body()).path("error").asText())
                        .as(body)
                        .isEqualTo(stub.getValue());
                assertThat(r.body()).contains("--wiremock-admin");
            }
        }
        assertThat(mock.wireMock().getStubMappings()).as("nothing stored").isEmpty();

        HttpResponse<String> innocent = postJson(
                "/__admin/mappings",
                "{\"request\": {\"url\": \"/doc\"}, \"response\": {\"body\": \"set \\\"proxyBaseUrl\\\" to proxy\"}}");
        assertThat(innocent.statusCode())
                .as("a body that only mentions a field name is a plain stub")
                .isEqualTo(201);
        assertThat(send("GET", "/doc", Map.of()).body()).isEqualTo("set \"proxyBaseUrl\" to proxy");
    }

    @Test
    void aUserStubWireMockCannotServeAnswersAJsonErrorWithoutAStackTrace() {
        mock.wireMock()
                .stubFor(get(urlPathEqualTo("/broken")).willReturn(aResponse().withBodyFile("../../etc/passwd")));

        HttpResponse<String> r = send("GET", "/broken", Map.of());

        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(r.body())
                .contains("\"error\":\"user_stub_failed\"", "NotAuthorisedException", "GET /broken")
                .doesNotContain("\tat ", "<html");
        assertThat(mock.requests())
                .extracting(RecordedRequest::path, RecordedRequest::status, RecordedRequest::fault)
                .containsExactly(Tuple.tuple("/broken", 500, "USER_STUB"));
        assertThat(Calls.create(mock, TOKEN).status())
                .as("the simulation goes on")
                .isEqualTo(200);
    }

    @Test
    void noWireMockResetRemovesTheSimulation() throws Exception {
        mock.wireMock()
                .stubFor(get(urlPathEqualTo("/custom")).willReturn(aResponse().withStatus(204)));
        mock.wireMock().resetAll();
        mock.wireMock().resetMappings();
        for (String route : List.of("/__admin/reset", "/__admin/mappings/reset")) {
            assertThat(send("POST", route, Map.of()).statusCode()).isEqualTo(200);
        }
        WireMock.create()
                .port(mock.port())
                .build()
                .removeStubMapping(WireMock.get("/nothing").build());

        assertThat(Calls.create(mock, TOKEN).status()).isEqualTo(200);
        mock.faults().onStart().respond(502, Format.XML);
        assertThat(Calls.create(mock, TOKEN).status())
                .as("with a fault armed, too")
                .isEqualTo(200);
        HttpResponse<String> unknown = send("GET", "/custom", Map.of());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("\"error\":\"unknown_endpoint\"");
    }

    @Test
    void delayedAnswersHoldNoServerThread() throws Exception {
        int inFlight = 48; // more than the server's 32 worker threads
        mock.tokens().unlimited(OTHER);
        mock.faults().onCreate().token(TOKEN).times(inFlight).delay(Duration.ofSeconds(4));
        List<CompletableFuture<HttpResponse<String>>> slow = new ArrayList<>();
        for (int i = 0; i < inFlight; i++) {
            slow.add(RAW.sendAsync(
                    post("/v2/session/create?access_token=" + TOKEN), HttpResponse.BodyHandlers.ofString()));
        }
        Thread.sleep(300);
        for (int i = 0; i < 10; i++) { // warm-up
            Calls.create(mock, OTHER);
        }

        long[] nanos = new long[50];
        for (int i = 0; i < nanos.length; i++) {
            long t0 = System.nanoTime();
            assertThat(Calls.create(mock, OTHER).status()).isEqualTo(200);
            nanos[i] = System.nanoTime() - t0;
        }

        Arrays.sort(nanos);
        // With a thread held per delay, every create here would wait for a delay to end: seconds. The
        // bounds leave room for a loaded CI machine; on a quiet one the median is a millisecond or two.
        assertThat(TimeUnit.NANOSECONDS.toMillis(nanos[nanos.length / 2]))
                .as("token B's median create while " + inFlight + " delays of token A wait")
                .isLessThan(250);
        assertThat(TimeUnit.NANOSECONDS.toMillis(nanos[nanos.length - 1]))
                .as("token B's slowest create")
                .isLessThan(2000);
        for (CompletableFuture<HttpResponse<String>> f : slow) {
            assertThat(f.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void callersThatReadNoAnswersHoldUpNoOtherDelayedAnswer() throws Exception {
        mock.tokens().unlimited(OTHER);
        mock.faults()
                .onCreate()
                .token(TOKEN)
                .times(32)
                .after(Duration.ofMillis(10))
                .respondRaw(200, Map.of("Content-Type", "text/plain"), "b".repeat(Fault.Raw.MAX_BODY));
        mock.faults().onCreate().token(OTHER).delay(Duration.ofMillis(100));
        List<Socket> deaf = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) { // more than the two threads that wait out delays
                Socket s = new Socket();
                s.setReceiveBufferSize(4096);
                s.connect(new InetSocketAddress("127.0.0.1", mock.port()));
                s.getOutputStream()
                        .write(("POST /v2/session/create?access_token=" + TOKEN + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                        + "Content-Length: 0\r\n\r\n")
                                .repeat(8)
                                .getBytes(StandardCharsets.US_ASCII));
                deaf.add(s);
            }
            Thread.sleep(500); // 1 MiB answers to callers that read none: every write of one is stuck

            long t0 = System.nanoTime();
            Http.Response other = Calls.create(mock, OTHER);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);

            assertThat(other.status()).isEqualTo(200);
            // written on a scheduler thread stuck behind a deaf caller, it took the 10 s idle timeout
            assertThat(millis)
                    .as("another token's create delayed 100 ms, in ms")
                    .isLessThan(3000);
        } finally {
            for (Socket s : deaf) {
                s.close();
            }
        }
    }

    @Test
    void slowUploadsHoldNoServerThreadAndStalledOnesAreAnswered408() throws Exception {
        send("POST", "/v2/session/create?access_token=" + TOKEN, Map.of()); // warm-up: connection and classes
        long b0 = System.nanoTime();
        send("POST", "/v2/session/create?access_token=" + TOKEN, Map.of());
        long baseline = System.nanoTime() - b0;
        // Twice the server's 32 worker threads, half on the API and half on the control API, each
        // sending 2.5 KB/s: slow, but fast enough never to be refused. A body read on a worker
        // would hold all 32 workers until the uploads end, some 40 s from now, and nobody else's
        // body would be read, or judged, until then.
        List<Socket> uploads = openUploads(64);
        AtomicBoolean dripping = new AtomicBoolean(true);
        Thread dripper = new Thread(() -> {
            byte[] piece = " ".repeat(512).getBytes(StandardCharsets.US_ASCII);
            while (dripping.get()) {
                for (Socket s : uploads) {
                    try {
                        s.getOutputStream().write(piece);
                    } catch (IOException closed) {
                        // asserted below: every upload is still open
                    }
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        List<Socket> stalled = List.of();
        try {
            dripper.start();
            Thread.sleep(300);
            // the median of five, so one scheduling hiccup of a loaded build machine does not decide
            long[] delays = new long[5];
            for (int i = 0; i < delays.length; i++) {
                long t0 = System.nanoTime();
                assertThat(send("POST", "/v2/session/create?access_token=" + TOKEN, Map.of())
                                .statusCode())
                        .isEqualTo(200);
                delays[i] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0 - baseline);
            }
            Arrays.sort(delays);
            assertThat(delays[delays.length / 2])
                    .as("how much 64 slow uploads delay a create (median of 5: %s ms)", Arrays.toString(delays))
                    .isLessThan(1000);
            // uploads that stall while the others go on are judged, and answered, in time
            stalled = openUploads(4);
            for (Socket s : stalled) {
                assertThat(Http.readAnswer(s.getInputStream()))
                        .startsWith("HTTP/1.1 408")
                        .contains("\"error\":\"request_timeout\"")
                        .doesNotContain("Exception");
            }
            dripping.set(false);
            dripper.join();
            for (Socket s : uploads) {
                assertThat(s.getInputStream().available())
                        .as("an answer to an upload that keeps its pace")
                        .isZero();
            }
        } finally {
            dripping.set(false);
            dripper.join();
            for (Socket s : uploads) {
                s.close();
            }
            for (Socket s : stalled) {
                s.close();
            }
        }
    }

    @Test
    void bodiesStillArrivingHoldAtMost32MiBAndOneMoreIsAnswered503() throws Exception {
        byte[] part = new byte[900_000];
        Arrays.fill(part, (byte) ' ');
        List<Socket> uploads = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) { // 40 x 900 KB held at once: more than 32 MiB
                Socket s = new Socket("127.0.0.1", mock.port());
                s.setSoTimeout(10_000);
                uploads.add(s);
                try {
                    OutputStream out = s.getOutputStream();
                    out.write(("POST /v2/session/create?access_token=" + TOKEN + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                    + "Content-Type: application/json\r\nContent-Length: 1000000\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.write(part);
                    out.flush();
                } catch (IOException refused) {
                    // answered 503 and closed while this was still sending: the journal tells
                }
            }
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (mock.requests(Endpoint.CREATE).isEmpty() && System.nanoTime() < until) {
                Thread.sleep(50); // the mock reads what was sent as it gets round to it
            }

            assertThat(mock.requests(Endpoint.CREATE))
                    .as("the uploads answered so far")
                    .isNotEmpty()
                    .allSatisfy(r -> assertThat(r.status()).isEqualTo(503));
            assertThat(Calls.create(mock, TOKEN).status()).isEqualTo(200);
        } finally {
            for (Socket s : uploads) {
                s.close();
            }
        }
        Thread.sleep(500); // the closed uploads give their bytes back
        String whole = "{\"access_token\": \"" + TOKEN + "\"" + " ".repeat(900_000) + "}";
        try (Socket s = new Socket("127.0.0.1", mock.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /v2/session/create HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                            + "Content-Length: " + whole.length() + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(100); // the head alone first: the body is read as it arrives
            out.write(whole.getBytes(StandardCharsets.US_ASCII));
            assertThat(Http.readAnswer(s.getInputStream())).startsWith("HTTP/1.1 200");
        }
    }

    /** Opens connections that each send a request's head and the first byte of a 100 KB body. */
    private List<Socket> openUploads(int n) throws IOException {
        List<Socket> open = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Socket s = new Socket("127.0.0.1", mock.port());
            s.setSoTimeout(15_000);
            s.getOutputStream()
                    .write(("POST " + (i % 2 == 0 ? "/v2/session/create" : "/__admin/wawp/faults")
                                    + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                    + "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{")
                            .getBytes(StandardCharsets.US_ASCII));
            open.add(s);
        }
        return open;
    }

    @Test
    void aBodyThatArrivesInPiecesIsReadWhole() throws Exception {
        String head = "POST /v2/session/create?access_token=" + TOKEN + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nX-Trace: %s\r\n";
        String first = "{\"note\": \"";
        String second = "in pieces\"}";
        List<List<String>> sends = List.of(
                List.of(
                        head.formatted("length") + "Content-Length: " + (first + second).length() + "\r\n\r\n",
                        first,
                        second),
                List.of(
                        head.formatted("chunked") + "Transfer-Encoding: chunked\r\n\r\n",
                        Integer.toHexString(first.length()) + "\r\n" + first + "\r\n",
                        Integer.toHexString(second.length()) + "\r\n" + second + "\r\n",
                        "0\r\n\r\n"));
        for (List<String> parts : sends) {
            try (Socket s = new Socket("127.0.0.1", mock.port())) {
                s.setSoTimeout(10_000);
                OutputStream out = s.getOutputStream();
                for (String part : parts) {
                    out.write(part.getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    Thread.sleep(200); // each piece its own packet, read by its own callback
                }
                assertThat(Http.readAnswer(s.getInputStream())).startsWith("HTTP/1.1 200");
                out.write(("POST /v2/session/create?access_token=" + TOKEN + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                + "Content-Length: 0\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                assertThat(Http.readAnswer(s.getInputStream()))
                        .as("the next request on the same connection")
                        .startsWith("HTTP/1.1 200");
            }
        }

        assertThat(mock.requests(Endpoint.CREATE))
                .filteredOn(r -> r.header("X-Trace") != null)
                .extracting(r -> r.header("X-Trace"), RecordedRequest::body)
                .containsExactly(
                        Tuple.tuple("length", "{\"note\": \"in pieces\"}"),
                        Tuple.tuple("chunked", "{\"note\": \"in pieces\"}"));
    }

    @Test
    void brokenBodiesGetADocumented4xx() throws Exception {
        String chunkedBroken = Http.exchange(
                mock,
                "POST /v2/session/create HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n");
        assertThat(chunkedBroken)
                .startsWith("HTTP/1.1 400")
                .doesNotContain("\tat ")
                .doesNotContain("Exception");

        String truncated = Http.exchange(
                mock,
                "POST /v2/session/create HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 100\r\n\r\n{\"a\":");
        assertThat(truncated).startsWith("HTTP/1.1 408").contains("request_timeout");

        String control = rawChunked("/__admin/wawp/reset", (1 << 20) + 10);
        assertThat(control).startsWith("HTTP/1.1 413").contains("body_too_large");
        String api = rawChunked("/v2/session/create?access_token=" + TOKEN, (1 << 20) + 10);
        assertThat(api).startsWith("HTTP/1.1 413").contains("body_too_large");
    }

    @Test
    void aRawFaultAnswersExactlyWhatWasAsked() throws Exception {
        FaultRule rule = mock.faults()
                .onCreate()
                .respondRaw(
                        429,
                        Map.of("Retry-After", "2", "Content-Type", "application/problem+json"),
                        "{\"title\":\"slow down\"}");

        HttpResponse<String> r = send("POST", "/v2/session/create?access_token=" + TOKEN, Map.of());

        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(r.body()).isEqualTo("{\"title\":\"slow down\"}");
        assertThat(rule.fault()).isInstanceOf(Fault.Raw.class);
        assertThat(mock.requests())
                .singleElement()
                .extracting(RecordedRequest::fault)
                .isEqualTo("RAW_429");

        HttpResponse<String> armed = RAW.send(
                HttpRequest.newBuilder(mock.baseUrl().resolve("/__admin/wawp/faults"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"endpoint\": \"start\", \"times\": 2, \"raw\": {\"status\": 503, \"headers\": "
                                        + "{\"Retry-After\": \"5\"}, \"body\": \"down\"}}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(armed.statusCode()).isEqualTo(201);
        assertThat(mock.faults().list())
                .singleElement()
                .extracting(FaultRule::times)
                .isEqualTo(2);
        String id = Calls.createdId(mock, TOKEN);
        HttpResponse<String> start =
                send("POST", "/v2/session/start?instance_id=" + id + "&access_token=" + TOKEN, Map.of());
        assertThat(start.statusCode()).isEqualTo(503);
        assertThat(start.body()).isEqualTo("down");
        HttpResponse<String> refused = RAW.send(
                HttpRequest.newBuilder(mock.baseUrl().resolve("/__admin/wawp/faults"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"endpoint\": \"start\", \"raw\": {\"status\": 99}}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("invalid_raw_status");
    }

    @Test
    void aRawFaultThatCouldNotArriveAsAskedIsRefused() throws Exception {
        Map<String, String> refusals = Map.of(
                "{\"status\": 200, \"headers\": {\"Content-Length\": \"5\"}, \"body\": \"abc\"}",
                "invalid_raw_header",
                "{\"status\": 200, \"headers\": {\"transfer-encoding\": \"chunked\"}}",
                "invalid_raw_header",
                "{\"status\": 204, \"body\": \"x\"}",
                "invalid_raw_body",
                "{\"status\": 304, \"body\": \"x\"}",
                "invalid_raw_body");
        for (String raw : refusals.keySet()) {
            HttpResponse<String> refused = RAW.send(
                    HttpRequest.newBuilder(mock.baseUrl().resolve("/__admin/wawp/faults"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"endpoint\": \"create\", \"raw\": " + raw + "}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(refused.statusCode()).as(raw).isEqualTo(400);
            assertThat(new ObjectMapper().readTree(refused.body()).path("error").asText())
                    .as(raw)
                    .isEqualTo(refusals.get(raw));
        }
        assertThat(mock.faults().list()).as("nothing armed").isEmpty();
        assertThatThrownBy(() -> mock.faults().onCreate().respondRaw(204, Map.of(), "x"))
                .isInstanceOf(WawpMockException.class)
                .hasMessageContaining("no body with status 204");
        assertThat(send("POST", "/v2/session/create?access_token=" + TOKEN, Map.of())
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void aSessionInUseSurvivesTheCapWhileUnusedOnesGo() {
        // Its own mock: the session cap, the builder option this test is about.
        try (WawpMockServer small = WawpMockServer.builder()
                .token(TOKEN)
                .maxSessions(50)
                .manualBoot()
                .build()
                .start()) {
            String kept = Http.to(small.baseUrl(), "/v2/session/create?access_token=" + TOKEN)
                    .send()
                    .json()
                    .get("instance_id")
                    .asText();
            for (int i = 0; i < 400; i++) {
                Http.to(small.baseUrl(), "/v2/session/create?access_token=" + TOKEN)
                        .send();
                if (i % 10 == 0) {
                    assertThat(Http.to(
                                            small.baseUrl(),
                                            "/v2/session/info?instance_id=" + kept + "&access_token=" + TOKEN)
                                    .send()
                                    .status())
                            .as("after %d creates", i)
                            .isEqualTo(200);
                }
            }

            assertThat(small.sessions(TOKEN))
                    .hasSizeLessThanOrEqualTo(50)
                    .extracting(MockSession::instanceId)
                    .contains(kept);
        }
    }

    @Test
    void aQrCodeThatExpiresUnscannedFailsTheSession() {
        String id = mock.seedSession()
                .token(TOKEN)
                .status(SessionStatus.SCAN_QR_CODE)
                .create()
                .instanceId();

        assertThat(mock.session(id).moveTo(SessionStatus.FAILED).status()).isEqualTo(SessionStatus.FAILED);
    }

    private HttpRequest post(String path) {
        return HttpRequest.newBuilder(mock.baseUrl().resolve(path))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
    }

    private HttpResponse<String> postJson(String path, String json) throws Exception {
        return RAW.send(
                HttpRequest.newBuilder(mock.baseUrl().resolve(path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(mock.baseUrl().resolve(path))
                .timeout(Duration.ofSeconds(20))
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(b::header);
        try {
            return RAW.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String rawChunked(String path, int size) throws IOException {
        try (Socket s = new Socket("127.0.0.1", mock.port())) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                            + "Transfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) ' ');
            try {
                for (int sent = 0; sent < size; sent += chunk.length) {
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            } catch (IOException closedEarly) {
                // the server answered and closed before the whole body: read what it said
            }
            return Http.readAnswer(s.getInputStream());
        }
    }
}
