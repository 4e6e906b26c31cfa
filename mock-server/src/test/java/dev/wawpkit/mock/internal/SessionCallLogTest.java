package dev.wawpkit.mock.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wawpkit.mock.Endpoint;
import dev.wawpkit.mock.RecordedCall;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A session's call log keeps no copy of a query that names only the session and its token (the
 * form nearly every call has: at the session cap they were a third of the heap), and still shows
 * every query as it came, masked.
 */
class SessionCallLogTest {
    private static final String TOKEN = "call-log-token-1";
    private static final String MASKED = "call...";

    private final Session session = Stores.manualBoot(10).create(TOKEN);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "instance_id={id}&access_token={token}",
                "access_token={token}&instance_id={id}",
                "access_token={token}"
            })
    void theUsualFormsKeepNoStringOfTheirOwnAndReadBackAsTheyCame(String form) {
        String query = form.replace("{id}", session.instanceId).replace("{token}", TOKEN);

        JournalEntry.Call call = entry(query).call(session, null);
        session.record(call);

        assertThat(call.query())
                .as("the query the call log keeps")
                .isIn(
                        JournalEntry.Call.SESSION_QUERY,
                        JournalEntry.Call.SESSION_QUERY_TOKEN_FIRST,
                        JournalEntry.Call.TOKEN_QUERY)
                .isNotSameAs(query);
        assertThat(session.calls())
                .extracting(RecordedCall::url)
                .containsExactly("/v2/session/start?"
                        + form.replace("{id}", session.instanceId).replace("{token}", MASKED));
    }

    @Test
    void anyOtherQueryIsKeptAsItCame() {
        String[] queries = {
            "instance_id=" + session.instanceId + "&access_token=" + TOKEN + "&x=1",
            "instance_id=" + session.instanceId + "&access%5Ftoken=" + TOKEN,
            "instance_id=OTHER0000000&access_token=" + TOKEN,
            "access_token=" + TOKEN + "x",
            "instance_id={id}&access_token={token}", // the stand-in's own spelling, sent by a caller
            ""
        };
        for (String query : queries) {
            JournalEntry.Call call = entry(query).call(session, null);
            assertThat(call.query()).as(query).isSameAs(query);
            assertThat(call.query(session)).as(query).isSameAs(query);
        }
        assertThat(entry(null).call(session, null).query()).isNull();
        session.record(entry(queries[1]).call(session, null));
        assertThat(session.calls())
                .extracting(RecordedCall::url)
                .containsExactly("/v2/session/start?instance_id=" + session.instanceId + "&access%5Ftoken=" + MASKED);
    }

    private JournalEntry entry(String query) {
        return new JournalEntry(
                1,
                Instant.now(),
                Endpoint.START,
                "POST",
                Endpoint.START.path(),
                query,
                null,
                null,
                false,
                200,
                null,
                TOKEN,
                session.instanceId);
    }
}
