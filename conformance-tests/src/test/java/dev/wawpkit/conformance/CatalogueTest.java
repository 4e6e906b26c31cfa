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
        List<Behaviour> rows = Stream.of(
                        ErrorConformance.rows(), SuccessConformance.rows(), StateTableConformance.rows())
                .flatMap(s -> s)
                .toList();

        assertThat(rows).containsExactlyInAnyOrderElementsOf(Behaviour.ALL);
    }

    @Test
    void theTableHoldsTheSameRowsAsBeforeItDroveTheSuite() {
        assertThat(Behaviour.ALL)
                .hasSize(158); // 145, then /v2/status: its 200, start's eleven errors, a malformed instance_id
        assertThat(Behaviour.ALL.stream().map(Behaviour::id))
                .doesNotHaveDuplicates()
                .contains(
                        "start-400-xml",
                        "request-code-502-xml",
                        "me-400-not-working",
                        "qr-image-400-not-scanning",
                        "state-stop-stopped",
                        "fault-empty-response",
                        "status-200",
                        "status-401-xml",
                        "status-404-malformed");
        assertThat(Behaviour.of("info-500-json").expected()).isEqualTo("500 application/json; JsonError {status: 500}");
        assertThat(Behaviour.of("logout-502-xml").expected())
                .isEqualTo("502 application/xml; <error><status>502</status>...</error>; the session stays WORKING");
    }

    @Test
    void everySkippableBehaviourSaysWhy() {
        assertThat(Behaviour.ALL)
                .filteredOn(b -> b.need() == Need.CONTROL_API || b.need() == Need.OWN_SESSION)
                .allSatisfy(b -> assertThat(b.why()).as(b.id()).isNotBlank());
    }

    @Test
    void theDecidedRowsAreTaggedDecided() {
        assertThat(Behaviour.ALL)
                .filteredOn(b -> b.basis() == Basis.DECIDED)
                .extracting(Behaviour::id)
                .containsExactly(
                        "status-400-json",
                        "status-400-xml",
                        "status-400-text",
                        "status-401-json",
                        "status-401-xml",
                        "status-500-json",
                        "status-500-html",
                        "status-502-json",
                        "status-502-xml",
                        "me-400-not-working",
                        "qr-400-not-scanning",
                        "qr-image-400-not-scanning",
                        "request-code-400-not-scanning",
                        "state-start-again",
                        "state-stop-stopped",
                        "fault-connection-reset",
                        "fault-empty-response");
    }

    @Test
    void statusRestsOnTheDocumentationOnlyWhereItSpeaks() {
        // The Start page names /v2/status; any instance_id that names no session answers 404. The rest is decided.
        assertThat(Behaviour.ALL)
                .filteredOn(b -> b.endpoint().equals("status") && b.basis() == Basis.DOC)
                .extracting(Behaviour::id)
                .containsExactly("status-200", "status-404-json", "status-404-xml", "status-404-malformed");
        assertThat(Behaviour.of("status-401-json").title())
                .isEqualTo("401 Unauthorized - Invalid or Missing Access Token (decided)");
        assertThat(Behaviour.of("info-401-json").title())
                .isEqualTo("401 Unauthorized - Invalid or Missing Access Token");
    }
}
