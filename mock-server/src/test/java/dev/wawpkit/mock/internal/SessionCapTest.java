package dev.wawpkit.mock.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wawpkit.mock.WawpMockServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The session cap as a load run meets it: at the default cap (100,000) the least recently used
 * sessions go, so one a client keeps using survives any number of creates.
 *
 * <p>In process, on the store the engine uses: 200,000 creates over HTTP would measure the
 * transport, not the eviction. At the benchmark's rate (about 7,000 creates a second), using the
 * session once per 7,000 creates is using it every second.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SessionCapTest {
    private static final String TOKEN = "cap-test-token";
    private static final int CREATES = 200_000;
    private static final int USED_EVERY = 7_000;

    @Test
    void aSessionUsedEverySecondSurvives200000CreatesAtTheDefaultCap() {
        SessionStore store = Stores.manualBoot(WawpMockServer.DEFAULT_MAX_SESSIONS);
        Session used = store.create(TOKEN);
        Session unused = store.create(TOKEN);

        for (int i = 1; i <= CREATES; i++) {
            store.create(TOKEN);
            if (i % USED_EVERY == 0) {
                assertThat(store.find(used.instanceId, TOKEN))
                        .as("the used session after %,d creates", i)
                        .isSameAs(used);
            }
            if (i % 10_000 == 0) {
                assertThat(store.all().size())
                        .as("sessions after %,d creates", i)
                        .isLessThanOrEqualTo(WawpMockServer.DEFAULT_MAX_SESSIONS);
            }
        }

        assertThat(store.find(used.instanceId, TOKEN))
                .as("the used session after all creates")
                .isSameAs(used);
        assertThat(store.find(unused.instanceId, TOKEN))
                .as("a session nobody used since its create")
                .isNull();
        assertThat(store.all())
                .hasSizeGreaterThan(WawpMockServer.DEFAULT_MAX_SESSIONS - 1_001)
                .hasSizeLessThanOrEqualTo(WawpMockServer.DEFAULT_MAX_SESSIONS);
    }

    @Test
    void sessionsUsedRightAfterTheirCreateStillGoOldestFirst() {
        SessionStore store = Stores.manualBoot(1_000);
        List<Session> created = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            Session s = store.create(TOKEN);
            store.find(s.instanceId, TOKEN); // start, then info, as the benchmark's clients do
            created.add(s);
            assertThat(store.all().size())
                    .as("sessions after %,d creates", i + 1)
                    .isLessThanOrEqualTo(1_000);
        }

        assertThat(store.find(created.get(0).instanceId, TOKEN))
                .as("the first session")
                .isNull();
        assertThat(store.find(created.get(9_999).instanceId, TOKEN))
                .as("the last session")
                .isSameAs(created.get(9_999));
        assertThat(store.all()).hasSize(1_000);
    }

    @Test
    void aNewSessionOutlivesOlderOnesEvenWhenEveryOneWasUsed() {
        SessionStore store = Stores.manualBoot(1_000);
        List<Session> older = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            Session s = store.create(TOKEN);
            store.find(s.instanceId, TOKEN);
            older.add(s);
        }

        Session fresh = store.create(TOKEN); // the cap is passed: the sweep visits every used session

        assertThat(store.find(fresh.instanceId, TOKEN))
                .as("the session just created, before its creator used it")
                .isSameAs(fresh);
        assertThat(store.find(older.get(0).instanceId, TOKEN))
                .as("the oldest session")
                .isNull();
        assertThat(store.all()).hasSize(1_000);
    }

    @Test
    void deletedSessionsDoNotPileUpBehindTheCap() {
        SessionStore store = Stores.manualBoot(1_000);
        Session kept = store.create(TOKEN);
        for (int i = 0; i < 100_000; i++) {
            store.remove(store.create(TOKEN));
        }

        assertThat(store.all()).containsExactly(kept);
        assertThat(store.queuedForEviction())
                .as("eviction queue entries for one live session after 100,000 deletes")
                .isLessThanOrEqualTo(2 * 2 + 1_024); // trimmed past twice the store (2 at the last create) + 1,024
    }
}
