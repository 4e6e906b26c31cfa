package dev.wawpkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Guards the table: every behaviour is a row of exactly one concern, with a stable id, and says why it may be skipped. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CatalogueTest {

    @Test
    void everyBehaviourIsARowOfExactlyOneConcern() {
        List<Behaviour> rows = Stream.of(ErrorConformance.rows(), SuccessConformance.rows(), StateTableConformance.rows())
                .flatMap(s -> s).toList();

        assertThat(rows).containsExactlyInAnyOrderElementsOf(Behaviour.ALL);
    }

    @Test
    void theTableHoldsTheSameRowsAsBeforeItDroveTheSuite() {
        assertThat(Behaviour.ALL).hasSize(145);
        assertThat(Behaviour.ALL.stream().map(Behaviour::id)).doesNotHaveDuplicates()
                .contains("start-400-xml", "request-code-502-xml", "me-400-not-working", "qr-image-400-not-scanning",
                        "state-stop-stopped", "fault-empty-response");
        assertThat(Behaviour.of("info-500-json").expected()).isEqualTo("500 application/json; JsonError {status: 500}");
        assertThat(Behaviour.of("logout-502-xml").expected())
                .isEqualTo("502 application/xml; <error><status>502</status>...</error>; the session stays WORKING");
    }

    @Test
    void everySkippableBehaviourSaysWhy() {
        assertThat(Behaviour.ALL).filteredOn(b -> b.need() == Need.CONTROL_API || b.need() == Need.OWN_SESSION)
                .allSatisfy(b -> assertThat(b.why()).as(b.id()).isNotBlank());
    }

    @Test
    void theDecidedRowsAreTaggedDecided() {
        assertThat(Behaviour.ALL).filteredOn(b -> b.basis() == Basis.DECIDED).extracting(Behaviour::id)
                .containsExactly("me-400-not-working", "qr-400-not-scanning", "qr-image-400-not-scanning", "request-code-400-not-scanning",
                        "state-start-again", "state-stop-stopped", "fault-connection-reset", "fault-empty-response");
    }
}
