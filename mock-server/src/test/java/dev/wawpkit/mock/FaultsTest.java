package dev.wawpkit.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wawpkit.mock.junit5.WawpMockTest;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Faults fire on the calls they are scoped to, as many times as asked, then disarm. */
@WawpMockTest(token = FaultsTest.TOKEN, bootDelayMillis = -1)
class FaultsTest {
    static final String TOKEN = "fault-token-1";
    private static final String OTHER = "fault-token-2";

    private final WawpMockServer mock;

    FaultsTest(WawpMockServer mock) {
        this.mock = mock;
    }

    @BeforeEach
    void reset() {
        mock.reset(); // the whole server: faults armed here are server-wide, not only TOKEN's
    }

    @Test
    void aFaultHitsExactlyTheNextTimesCalls() {
        String id = Calls.createdId(mock, TOKEN);
        mock.faults().onStart().times(2).respond(502, Format.XML);

        assertThat(Calls.start(mock, id, TOKEN).status()).isEqualTo(502);
        assertThat(mock.faults().list())
                .singleElement()
                .extracting(FaultRule::times)
                .isEqualTo(1);
        assertThat(Calls.start(mock, id, TOKEN).status()).isEqualTo(502);
        assertThat(Calls.start(mock, id, TOKEN).status()).isEqualTo(200);
        assertThat(mock.faults().list()).isEmpty();
    }

    @Test
    void aFaultOnOneEndpointLeavesTheOthersAlone() {
        String id = Calls.createdId(mock, TOKEN);
        mock.faults().onStart().respond(500);

        assertThat(Calls.info(mock, id, TOKEN).status()).isEqualTo(200);
        assertThat(Calls.start(mock, id, TOKEN).status()).isEqualTo(500);
    }

    @Test
    void aSessionScopedFaultHitsOnlyThatSession() {
        String a = Calls.createdId(mock, TOKEN);
        String b = Calls.createdId(mock, TOKEN);
        mock.faults().onInfo().session(b).respond(502);

        assertThat(Calls.info(mock, a, TOKEN).status()).isEqualTo(200);
        assertThat(Calls.info(mock, b, TOKEN).status()).isEqualTo(502);
    }

    @Test
    void aTokenScopedFaultHitsOnlyThatTokensCalls() {
        mock.tokens().unlimited(OTHER);
        mock.faults().onCreate().token(OTHER).respond(500);

        assertThat(Calls.create(mock, TOKEN).status()).isEqualTo(200);
        assertThat(Calls.create(mock, OTHER).status()).isEqualTo(500);
    }

    @Test
    void aConnectionResetFailsTheCallWithoutAResponseAndChangesNothing() {
        String id = Calls.createdId(mock, TOKEN);
        mock.faults().onStart().resetConnection();

        assertThatThrownBy(() -> Http.to(mock, "/v2/session/start?instance_id=" + id + "&access_token=" + TOKEN)
                        .sendOrThrow())
                .isInstanceOf(IOException.class);
        assertThat(mock.session(id).status()).isEqualTo(SessionStatus.STOPPED);
        assertThat(mock.session(id).calls()).last().satisfies(c -> {
            assertThat(c.status()).isZero();
            assertThat(c.fault()).isEqualTo("CONNECTION_RESET");
        });
    }

    @Test
    void anEmptyResponseFailsTheCallWithoutAResponse() {
        mock.faults().onCreate().emptyResponse();

        assertThatThrownBy(() -> Http.to(mock, "/v2/session/create?access_token=" + TOKEN)
                        .sendOrThrow())
                .isInstanceOf(IOException.class);
        assertThat(mock.sessions()).isEmpty();
    }

    @Test
    void aDelayAnswersNormallyButLate() {
        String id = Calls.createdId(mock, TOKEN);
        mock.faults().onStart().delay(Duration.ofMillis(300));

        long t0 = System.nanoTime();
        Http.Response r = Calls.start(mock, id, TOKEN);
        long tookMillis = (System.nanoTime() - t0) / 1_000_000;

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").asText()).isEqualTo("STARTING");
        assertThat(tookMillis).isGreaterThanOrEqualTo(300);
        assertThat(mock.session(id).calls())
                .last()
                .extracting(RecordedCall::fault)
                .isEqualTo("DELAY");
    }

    @Test
    void aDelayedErrorWaitsThenFails() {
        mock.faults().onInfo().after(Duration.ofMillis(200)).respond(500, Format.HTML);
        String id = Calls.createdId(mock, TOKEN);

        long t0 = System.nanoTime();
        Http.Response r = Calls.info(mock, id, TOKEN);

        assertThat(r.status()).isEqualTo(500);
        assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(200);
    }

    @Test
    void faultsFireInTheOrderTheyWereArmed() {
        String id = Calls.createdId(mock, TOKEN);
        mock.faults().onStart().respond(502);
        mock.faults().onStart().respond(500, Format.HTML);

        assertThat(Calls.start(mock, id, TOKEN).status()).isEqualTo(502);
        assertThat(Calls.start(mock, id, TOKEN).status()).isEqualTo(500);
    }

    @Test
    void anUndocumentedVariantIsRefusedWhenArmed() {
        assertThatThrownBy(() -> mock.faults().onStart().respond(500, Format.XML))
                .isInstanceOfSatisfying(WawpMockException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("500 as xml", "500: json html");
                });
        assertThat(mock.faults().list()).isEmpty();
    }

    @Test
    void clearingDisarmsEveryFault() {
        mock.faults().onCreate().times(5).respond(500);

        mock.faults().clear();

        assertThat(Calls.create(mock, TOKEN).status()).isEqualTo(200);
    }
}
