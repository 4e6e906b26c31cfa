package dev.wawpkit.mock;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wawpkit.mock.junit5.WawpMockTest;
import dev.wawpkit.spec.TokenMask;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every request the API receives is in the journal, masked, and can be questioned like a mock. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@WawpMockTest(token = JournalTest.TOKEN, bootDelayMillis = -1, failOnUnexpectedCalls = false)
class JournalTest {
    static final String TOKEN = "journal-token-0001";
    private static final String BAD = "not-a-token-9876543";

    private final WawpMockServer mock;

    JournalTest(WawpMockServer mock) {
        this.mock = mock;
    }

    @BeforeEach
    void reset() {
        mock.reset(); // the whole server: these tests read the journal of every token, and of none
    }

    @Test
    void a401CreateAndA404StartAreJournaledWithHeadersAndBodyTokensMasked() {
        Http.Response create = Http.to(mock, "/v2/session/create")
                .header("X-Trace", "trace-401")
                .json("{\"access_token\": \"" + BAD + "\"}")
                .send();
        Http.Response start = Http.to(mock, "/v2/session/start?instance_id=000000000000&access_token=" + TOKEN)
                .header("X-Trace", "trace-404")
                .send();

        assertThat(create.status()).isEqualTo(401);
        assertThat(start.status()).isEqualTo(404);
        List<RecordedRequest> journal = mock.requests();
        assertThat(journal)
                .extracting(RecordedRequest::endpoint, RecordedRequest::status, RecordedRequest::tokenHint)
                .containsExactly(
                        Tuple.tuple(Endpoint.CREATE, 401, "not-..."), Tuple.tuple(Endpoint.START, 404, "jour..."));
        RecordedRequest first = journal.get(0);
        assertThat(first.header("x-trace")).isEqualTo("trace-401");
        assertThat(first.body()).isEqualTo("{\"access_token\":\"not-...\"}");
        assertThat(first.method()).isEqualTo("POST");
        RecordedRequest second = journal.get(1);
        assertThat(second.header("X-Trace")).isEqualTo("trace-404");
        assertThat(second.query()).isEqualTo("instance_id=000000000000&access_token=jour...");
        assertThat(second.instanceId()).isEqualTo("000000000000");
        assertThat(journal.toString()).doesNotContain(BAD).doesNotContain(TOKEN);
    }

    @Test
    void aCreateIsJournaledUnderTheSessionItMade() {
        String id = Calls.createdId(mock, TOKEN);
        Calls.start(mock, id, TOKEN);
        Calls.create(mock, BAD);

        assertThat(mock.requests())
                .filteredOn(r -> id.equals(r.instanceId()))
                .extracting(RecordedRequest::endpoint)
                .containsExactly(Endpoint.CREATE, Endpoint.START);
        mock.verify(Endpoint.CREATE).session(id).times(1);
        assertThat(mock.requests(Endpoint.CREATE))
                .extracting(RecordedRequest::status, RecordedRequest::instanceId)
                .containsExactly(Tuple.tuple(200, id), Tuple.tuple(401, null));
    }

    @Test
    void retriesAreCountedWhateverAnsweredThem() {
        mock.faults().onCreate().times(2).respond(500);

        for (int i = 0; i < 3; i++) {
            Calls.create(mock, TOKEN);
        }

        mock.verify(Endpoint.CREATE).times(3);
        mock.verify(Endpoint.START).never();
        assertThat(mock.requests(Endpoint.CREATE))
                .extracting(RecordedRequest::status, RecordedRequest::fault)
                .containsExactly(
                        Tuple.tuple(500, "HTTP_500_JSON"), Tuple.tuple(500, "HTTP_500_JSON"), Tuple.tuple(200, null));
    }

    @Test
    void aFailingVerificationListsTheRequestsReceived() {
        String id = Calls.createdId(mock, TOKEN);
        Calls.start(mock, id, TOKEN);

        assertThatThrownBy(() -> mock.verify(Endpoint.START).session(id).times(2))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting exactly 2 start requests with instance_id " + id)
                .hasMessageContaining("but got 1. The 1 start request received:")
                .hasMessageContaining("POST /v2/session/start?instance_id=" + id + "&access_token=jour... -> 200")
                .message()
                .doesNotContain(TOKEN);
        mock.verify(Endpoint.START)
                .session(id)
                .header("Content-Type", "application/json")
                .times(1);
        mock.verify(Endpoint.START).header("X-Missing", v -> v != null).never();
    }

    @Test
    void aTokenIsMaskedHoweverItsNameIsEncoded() {
        String id = Calls.createdId(mock, TOKEN);

        Http.Response r = Http.to(mock, "/v2/session/info?instance_id=" + id + "&access%5Ftoken=" + TOKEN)
                .send();

        assertThat(r.status()).isEqualTo(200);
        assertThat(mock.requests(Endpoint.INFO))
                .singleElement()
                .satisfies(req -> assertThat(req.query()).isEqualTo("instance_id=" + id + "&access%5Ftoken=jour..."));
        assertThat(mock.session(id).calls())
                .extracting(RecordedCall::url)
                .allSatisfy(u -> assertThat(u).doesNotContain(TOKEN));
        Http.to(mock, "/v2/session/strat?access%5Ftoken=" + TOKEN).send();
        assertThat(mock.unexpectedCalls())
                .extracting(UnexpectedCall::url)
                .allSatisfy(u -> assertThat(u).doesNotContain(TOKEN));
        Http.to(mock, "/v2/session/info?instance_id=" + id)
                .header("Access-Token", TOKEN)
                .header("Authorization", "Bearer " + TOKEN)
                .send();
        assertThat(mock.requests().toString()).doesNotContain(TOKEN);
        assertThat(mock.requests().get(mock.requests().size() - 1).header("authorization"))
                .isEqualTo("Bearer jour...");
    }

    @Test
    void aTokenIsMaskedHoweverItsValueIsEncoded() {
        String id = Calls.createdId(mock, TOKEN);
        Base64.Encoder std = Base64.getEncoder();
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        List<String> encodings = List.of(
                std.encodeToString(TOKEN.getBytes(UTF_8)),
                std.encodeToString(("u" + TOKEN).getBytes(UTF_8)), // three alignments inside a longer value
                std.encodeToString(("us:" + TOKEN + ":x").getBytes(UTF_8)).substring(4),
                url.encodeToString(("u:" + TOKEN + "?>").getBytes(UTF_8)),
                TOKEN.chars().mapToObj(c -> String.format("%%%02x", c)).collect(Collectors.joining()),
                "journal%2Dtoken%2d0001");

        Http info = Http.to(mock, "/v2/session/info?instance_id=" + id + "&access_token=" + TOKEN);
        for (int i = 0; i < encodings.size(); i++) {
            info.header("X-Note-" + i, "seen " + encodings.get(i) + " here");
        }
        assertThat(info.send().status()).isEqualTo(200);
        Http.to(mock, "/v2/session/create?access_token=" + TOKEN)
                .json("{\"note\": \"journal\\u002dtoken-0001\", \"list\": [\"" + TOKEN + "\"]}")
                .send();
        Http.to(mock, "/v2/session/" + TOKEN + "?access_token=" + TOKEN).send();

        String journal = mock.requests().toString();
        assertThat(journal).doesNotContain(TOKEN);
        assertThat(encodings).allSatisfy(e -> assertThat(journal).doesNotContain(e));
        RecordedRequest seen = mock.requests(Endpoint.INFO).get(0);
        assertThat(seen.header("X-Note-0")).isEqualTo("seen " + TokenMask.mask(encodings.get(0)) + " here");
        assertThat(seen.header("X-Note-4")).isEqualTo("seen jour... here");
        assertThat(mock.requests(Endpoint.CREATE).get(1).body())
                .isEqualTo("{\"note\":\"jour...\",\"list\":[\"jour...\"]}");
        assertThat(mock.requests().get(mock.requests().size() - 1).path()).isEqualTo("/v2/session/jour...");
        Http.to(mock, "/v2/session/" + BAD + "?access_token=" + TOKEN)
                .header("access-token", BAD)
                .send();
        assertThat(mock.unexpectedCalls())
                .extracting(UnexpectedCall::url)
                .containsExactly(
                        "/v2/session/jour...?access_token=jour...", "/v2/session/not-...?access_token=jour...");
    }

    @Test
    void requestsRefusedBeforeTheyAreReadAreJournaledOnceWithWhatCame() throws Exception {
        String tooLarge = Http.exchange(
                mock,
                "POST /v2/session/create?access_token=" + TOKEN + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "X-Trace: trace-431\r\nX-Padding: " + "p".repeat(70_000) + "\r\nContent-Length: 0\r\n\r\n");
        String brokenLine = Http.exchange(mock, "NOT AN HTTP REQUEST\r\n\r\n");
        String brokenChunk = Http.exchange(
                mock,
                "POST /v2/session/create HTTP/1.1\r\nHost: 127.0.0.1\r\naccess-token: " + TOKEN
                        + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n");
        Http.Response bodyTooLarge = Http.to(mock, "/v2/session/create")
                .header("access-token", TOKEN)
                .json(" ".repeat((1 << 20) + 1))
                .send();

        assertThat(tooLarge).startsWith("HTTP/1.1 431").contains("application/json");
        assertThat(brokenLine).startsWith("HTTP/1.1 400").contains("malformed_request");
        assertThat(brokenChunk).startsWith("HTTP/1.1 400");
        assertThat(bodyTooLarge.status()).isEqualTo(413);
        List<RecordedRequest> journal = mock.requests();
        assertThat(journal)
                .extracting(
                        RecordedRequest::endpoint,
                        RecordedRequest::method,
                        RecordedRequest::status,
                        RecordedRequest::fault,
                        RecordedRequest::tokenHint)
                .containsExactly(
                        Tuple.tuple(Endpoint.CREATE, "POST", 431, "MALFORMED_HTTP", "jour..."),
                        Tuple.tuple(null, "", 400, "MALFORMED_HTTP", null),
                        Tuple.tuple(Endpoint.CREATE, "POST", 400, null, "jour..."),
                        Tuple.tuple(Endpoint.CREATE, "POST", 413, null, "jour..."));
        assertThat(journal.get(0).header("X-Trace")).isEqualTo("trace-431");
        assertThat(journal.get(0).query()).isEqualTo("access_token=jour...");
        assertThat(mock.requests(Endpoint.CREATE)).hasSize(3);
        assertThat(journal.toString()).doesNotContain(TOKEN);
    }

    @Test
    void takeRequestWaitsForTheNextRequestAndHandsEachOutOnce() throws Exception {
        CompletableFuture<Http.Response> later = CompletableFuture.supplyAsync(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Calls.create(mock, TOKEN);
        });

        RecordedRequest taken = mock.takeRequest(Duration.ofSeconds(10));

        assertThat(taken).isNotNull();
        assertThat(taken.endpoint()).isEqualTo(Endpoint.CREATE);
        assertThat(later.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(mock.takeRequest(Duration.ofMillis(100)))
                .as("each request is taken once")
                .isNull();
    }

    @Test
    void aScopeSeesOnlyItsOwnTokensRequests() {
        WawpMock a = mock.forToken("scope-a-token-1");
        WawpMock b = mock.forToken("scope-b-token-1");
        Calls.create(mock, "scope-a-token-1");
        Calls.create(mock, "scope-b-token-1");
        Calls.create(mock, "scope-b-token-1");

        assertThat(a.requests()).hasSize(1);
        assertThat(b.requests()).hasSize(2);
        assertThat(b.forToken("scope-a-token-1").requests())
                .as("a scope of a scope reads its own token")
                .hasSize(1);
        a.verify(Endpoint.CREATE).times(1);
        assertThat(a.takeRequest(Duration.ofSeconds(1)).tokenHint()).isEqualTo("scop...");
        b.clearRequests();
        assertThat(b.requests()).isEmpty();
        assertThat(a.requests()).hasSize(1);
    }

    @Test
    void theControlApiServesTheJournalAndWireMocksOwnRoutePointsToIt() {
        Http.to(mock, "/v2/session/create?access_token=" + BAD).send();
        Calls.create(mock, TOKEN);

        Http.Response r = Http.to(mock, "/__admin/wawp/requests?endpoint=create&status=401")
                .method("GET")
                .send();

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("requests")).hasSize(1);
        assertThat(r.json().get("requests").get(0).get("access_token").asText()).isEqualTo("not-...");
        assertThat(r.json().get("requests").get(0).get("endpoint").asText()).isEqualTo("create");
        assertThat(r.json().get("dropped").isNumber()).isTrue();
        assertThat(r.body()).doesNotContain(BAD);
        Http.Response bad =
                Http.to(mock, "/__admin/wawp/requests?status=abc").method("GET").send();
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("error").asText()).isEqualTo("invalid_query");
        for (String route : List.of(
                "GET /__admin/requests",
                "POST /__admin/requests/reset",
                "GET /__admin/requests/unmatched",
                "POST /__admin/near-misses/request",
                "GET /__admin/mappings/unmatched",
                "DELETE /__admin/mappings/unmatched")) {
            String[] call = route.split(" ");
            Http.Response wiremock = Http.to(mock, call[1]).method(call[0]).send();
            assertThat(wiremock.status()).as(route).isEqualTo(404);
            assertThat(wiremock.json().get("error").asText()).as(route).isEqualTo("journal_moved");
            assertThat(wiremock.json().get("message").asText()).as(route).contains("GET /__admin/wawp/requests");
        }
        Http.Response cleared =
                Http.to(mock, "/__admin/wawp/requests").method("DELETE").send();
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(mock.requests()).isEmpty();
    }

    @Test
    void theHttpClientReadsTheJournalLikeTheServer() {
        Calls.create(mock, TOKEN);
        WawpMock client = WawpMockClient.connect(mock.baseUrl());

        assertThat(client.requests()).hasSize(1);
        client.verify(Endpoint.CREATE).times(1);
        assertThat(client.takeRequest(Duration.ofSeconds(2)))
                .extracting(RecordedRequest::status)
                .isEqualTo(200);
        assertThat(client.forToken(TOKEN).requests(Endpoint.CREATE))
                .singleElement()
                .extracting(RecordedRequest::tokenHint)
                .isEqualTo("jour...");
    }

    @Test
    void theJournalStaysWithinItsBoundsAndCountsWhatItDropped() {
        // Its own mock: the journal's bounds, the builder option this test is about.
        try (WawpMockServer small =
                WawpMockServer.builder().token(TOKEN).journal(3, 6).build().start()) {
            for (int i = 0; i < 5; i++) {
                Http.to(small.baseUrl(), "/v2/session/create?access_token=" + TOKEN)
                        .send();
            }
            for (String t : List.of("tok-one-0001", "tok-two-0002", "tok-three-003")) {
                Http.to(small.baseUrl(), "/v2/session/create?access_token=" + t).send();
            }

            assertThat(small.requests()).hasSizeLessThanOrEqualTo(6);
            assertThat(small.forToken("tok-three-003").requests()).hasSize(1);
            Http.Response r = Http.to(small.baseUrl(), "/__admin/wawp/requests")
                    .method("GET")
                    .send();
            assertThat(r.json().get("dropped").asLong()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void largeRequestsCostTheJournalNoMoreThanItsBudget() throws Exception {
        String large = "p".repeat(30_000);
        String edge = "a".repeat(250) + TOKEN; // crosses the cut: masking comes first
        int sent = 700; // 700 x 30 KB is more than the journal's 16 MiB of request text
        for (int i = 0; i < sent; i++) {
            Http.Response r = Http.to(mock, "/v2/session/create?access_token=" + TOKEN)
                    .header("X-Large", large)
                    .header("X-Edge", edge)
                    .header("X-Seq", String.valueOf(i))
                    .json("{\"note\": \"" + i + "\"}")
                    .send();
            assertThat(r.status()).isEqualTo(200);
        }
        String wide = Http.exchange(
                mock,
                "GET /v2/session/info?access_token=" + TOKEN + "&instance_id=" + "i".repeat(1000) + " HTTP/1.1\r\n"
                        + "Host: 127.0.0.1\r\n" + "X-Many: m\r\n".repeat(100) + "X-Large: " + large + "\r\n"
                        + "Connection: close\r\n\r\n");
        assertThat(wide).startsWith("HTTP/1.1 404");

        List<RecordedRequest> kept = mock.requests();
        assertThat(kept).hasSize(sent + 1);
        RecordedRequest first = kept.get(0);
        assertThat(first.header("X-Large")).isEqualTo(large);
        assertThat(first.body()).isEqualTo("{\"note\": \"0\"}");
        RecordedRequest last = kept.get(sent - 1);
        assertThat(last.header("X-Seq")).isEqualTo(String.valueOf(sent - 1));
        assertThat(last.header("X-Large")).isEqualTo("p".repeat(256) + "...[cut]");
        assertThat(last.header("X-Edge")).isEqualTo("a".repeat(250) + "jour.." + "...[cut]");
        assertThat(last.body()).isNull();
        assertThat(last.bodyTruncated()).isTrue();
        assertThat(last.endpoint()).isEqualTo(Endpoint.CREATE);
        assertThat(last.tokenHint()).isEqualTo("jour...");
        RecordedRequest many = kept.get(sent);
        assertThat(many.instanceId()).isEqualTo("i".repeat(256) + "...[cut]");
        assertThat(many.headers().get("X-Many")).hasSize(63); // 64 fields kept: Host first
        assertThat(many.header("X-Wawp-Journal-Cut")).isEqualTo("39 more header fields not kept");
        assertThat(kept.toString()).doesNotContain(TOKEN);

        mock.clearRequests();
        Http.Response after = Http.to(mock, "/v2/session/create?access_token=" + TOKEN)
                .header("X-Large", large)
                .send();
        assertThat(after.status()).isEqualTo(200);
        assertThat(mock.requests().get(0).header("X-Large")).isEqualTo(large); // forgetting frees the budget
    }
}
