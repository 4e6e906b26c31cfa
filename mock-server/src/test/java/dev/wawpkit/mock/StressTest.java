package dev.wawpkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wawpkit.mock.junit5.WawpMockTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Many threads create, start, stop and read sessions across several tokens at once, for a bounded
 * number of calls. Afterwards the mock holds exactly what the successful calls imply: no lost
 * session, no duplicate id, no quota overrun, no status the calls did not lead to.
 */
@Timeout(120)
@WawpMockTest(bootDelayMillis = -1)
class StressTest {
    private static final int THREADS = 8;
    private static final int CALLS_PER_THREAD = 120;
    private static final List<String> TOKENS = List.of("stress-a-1", "stress-b-2", "stress-c-3", "stress-d-4");
    private static final int QUOTA = 25;

    @Test
    void concurrentTrafficLeavesExactlyTheStateItsSuccessfulCallsImply(WawpMockServer mock) throws Exception {
        TOKENS.forEach(t -> mock.tokens().quota(t, QUOTA));
        String hot = mock.seedSession().token(TOKENS.get(0)).create().instanceId();
        Map<String, String> createdBy = new ConcurrentHashMap<>(); // id -> token
        Map<String, String> lastStatus = new ConcurrentHashMap<>(); // id -> status its owner thread left
        AtomicInteger hotStarts = new AtomicInteger();
        List<String> duplicates = Collections.synchronizedList(new ArrayList<>());

        ConcurrencyTest.race(THREADS, () -> {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            List<String> mine = new ArrayList<>();
            String token = TOKENS.get(r.nextInt(TOKENS.size()));
            for (int i = 0; i < CALLS_PER_THREAD; i++) {
                int op = r.nextInt(10);
                if (op < 3 || mine.isEmpty()) {
                    Http.Response created = Calls.create(mock, token);
                    if (created.status() == 200) {
                        String id = created.json().get("instance_id").asText();
                        if (createdBy.putIfAbsent(id, token) != null) {
                            duplicates.add(id);
                        }
                        mine.add(id);
                        lastStatus.put(id, "STOPPED");
                    } else {
                        assertThat(created.status()).isEqualTo(403);
                    }
                } else if (op < 5) {
                    String id = mine.get(r.nextInt(mine.size()));
                    assertThat(Calls.start(mock, id, token).status()).isEqualTo(200);
                    lastStatus.put(id, "STARTING");
                } else if (op < 6) {
                    String id = mine.get(r.nextInt(mine.size()));
                    assertThat(Http.to(mock, "/v2/session/stop?instance_id=" + id + "&access_token=" + token)
                                    .send()
                                    .status())
                            .isEqualTo(200);
                    lastStatus.put(id, "STOPPED");
                } else if (op < 8) {
                    String id = mine.get(r.nextInt(mine.size()));
                    Http.Response info = Calls.info(mock, id, token);
                    assertThat(info.json().get("status").asText()).isEqualTo(lastStatus.get(id));
                } else {
                    Http.Response start = Calls.start(mock, hot, TOKENS.get(0));
                    assertThat(start.status()).isEqualTo(200);
                    hotStarts.incrementAndGet();
                }
            }
            return null;
        });

        assertThat(duplicates).as("duplicate instance ids").isEmpty();
        Set<String> stored = new HashSet<>();
        for (String token : TOKENS) {
            List<MockSession> sessions = mock.sessions(token);
            long created = createdBy.values().stream().filter(token::equals).count();
            assertThat(created).as("creates of %s", token).isLessThanOrEqualTo(QUOTA);
            sessions.forEach(s -> stored.add(s.instanceId()));
            assertThat(sessions.stream()
                            .filter(s -> !s.instanceId().equals(hot))
                            .count())
                    .as("sessions of %s", token)
                    .isEqualTo(created);
        }
        assertThat(stored).containsAll(createdBy.keySet());
        Map<String, String> actual = new HashMap<>();
        createdBy
                .keySet()
                .forEach(id -> actual.put(id, mock.session(id).status().name()));
        assertThat(actual).isEqualTo(lastStatus);
        assertThat(mock.session(hot).status()).isEqualTo(SessionStatus.STARTING);
        assertThat(mock.session(hot).calls()).hasSize(Math.min(hotStarts.get(), 256));
        mock.tokens().list().forEach(t -> assertThat(t.used()).isLessThanOrEqualTo(QUOTA));
    }
}
