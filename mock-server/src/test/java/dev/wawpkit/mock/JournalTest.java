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
        Http.Response wiremock =
                Http.to(mock, "/__admin/requests").method("GET").send();
        assertThat(wiremock.status()).isEqualTo(404);
        assertThat(wiremock.json().get("message").asText()).contains("GET /__admin/wawp/requests");
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
}
