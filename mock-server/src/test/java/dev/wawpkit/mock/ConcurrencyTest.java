package dev.wawpkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wawpkit.mock.junit5.WawpMockTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.RepeatedTest;

/** Concurrent calls never overrun a quota, duplicate an id, or lose or skip a transition. */
@WawpMockTest(token = ConcurrencyTest.TOKEN, bootDelayMillis = -1)
class ConcurrencyTest {
    static final String TOKEN = "race-token-1";

    private final WawpMockServer mock;

    ConcurrencyTest(WawpMockServer mock) {
        this.mock = mock;
    }

    @RepeatedTest(3)
    void sixteenThreadsCreatingAgainstQuotaTenGetExactlyTenDistinctSessions() throws Exception {
        mock.tokens().quota(TOKEN, 10);

        List<Http.Response> answers = race(16, () -> Calls.create(mock, TOKEN));

        List<Http.Response> created =
                answers.stream().filter(r -> r.status() == 200).toList();
        assertThat(created).hasSize(10);
        assertThat(answers.stream().filter(r -> r.status() == 403)).hasSize(6);
        Set<String> ids = new HashSet<>();
        created.forEach(r -> ids.add(r.json().get("instance_id").asText()));
        assertThat(ids).hasSize(10);
        assertThat(mock.sessions(TOKEN)).extracting(MockSession::instanceId).containsExactlyInAnyOrderElementsOf(ids);
    }

    @RepeatedTest(3)
    void thirtyTwoConcurrentStartsOfOneStoppedSessionLeaveOneConsistentState() throws Exception {
        String id = Calls.createdId(mock, TOKEN);

        List<Http.Response> answers = race(32, () -> Calls.start(mock, id, TOKEN));

        assertThat(answers).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().get("status").asText()).isEqualTo("STARTING");
        });
        assertThat(mock.session(id).status()).isEqualTo(SessionStatus.STARTING);
        assertThat(mock.session(id).calls())
                .filteredOn(c -> c.endpoint() == Endpoint.START)
                .hasSize(32);
    }

    @RepeatedTest(3)
    void concurrentMovesAndReadsOfManySessionsNeverShowAnIllegalStatus() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(mock.seedSession()
                    .token(TOKEN)
                    .status(SessionStatus.SCAN_QR_CODE)
                    .create()
                    .instanceId());
        }

        List<Http.Response> reads = race(32, () -> {
            String id = ids.get((int) (Thread.currentThread().getId() % ids.size()));
            try {
                mock.session(id).moveTo(SessionStatus.WORKING);
            } catch (WawpMockException alreadyWorking) {
                assertThat(alreadyWorking.httpStatus()).isEqualTo(409);
            }
            return Calls.info(mock, id, TOKEN);
        });

        assertThat(reads)
                .allSatisfy(r -> assertThat(r.json().get("status").asText()).isIn("SCAN_QR_CODE", "WORKING"));
    }

    /** Runs the call on n threads released at once, and returns every answer. */
    static <T> List<T> race(int n, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.call();
                }));
            }
            go.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
