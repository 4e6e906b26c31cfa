package dev.wawpkit.mock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code stateFile(...)} keeps sessions and quotas across restarts, and never eats a corrupt file. */
class StateFileTest {
    @TempDir
    Path dir;

    @Test
    void sessionsTokensAndQuotasSurviveARestart() throws Exception {
        Path file = dir.resolve("state.json");
        String id;
        try (WawpMockServer first = WawpMockServer.builder().token("keep-token-1", 3).manualBoot().stateFile(file)
                .build().start()) {
            id = Calls.createdId(first, "keep-token-1");
            Calls.start(first, id, "keep-token-1");
            first.session(id).moveTo(SessionStatus.SCAN_QR_CODE);
            first.session(id).moveTo(SessionStatus.WORKING);
            first.session(id).webhooks(List.of(URI.create("http://127.0.0.1:9/hooks")), "s3cret");
            first.seedSession().token("seeded-token-2").instanceId("SEEDED000001").status(SessionStatus.FAILED).create();
        }

        try (WawpMockServer second = WawpMockServer.builder().token("keep-token-1", 3).manualBoot().stateFile(file)
                .build().start()) {
            assertThat(Calls.info(second, id, "keep-token-1").json().get("status").asText()).isEqualTo("WORKING");
            assertThat(second.session(id).get().loggedIn()).isTrue();
            assertThat(Calls.info(second, "SEEDED000001", "seeded-token-2").json().get("status").asText())
                    .isEqualTo("FAILED");
            assertThat(second.tokens().list()).filteredOn(t -> t.tokenHint().equals("keep..."))
                    .singleElement().satisfies(t -> assertThat(t.remaining()).isEqualTo(2));
        }
        assertThat(Files.list(dir)).extracting(p -> p.getFileName().toString()).containsExactly("state.json");
    }

    @Test
    void changesReachTheFileWhileTheServerRuns() throws Exception {
        Path file = dir.resolve("live.json");
        try (WawpMockServer mock = WawpMockServer.builder().stateFile(file).build().start()) {
            String id = Calls.createdId(mock, WawpMockServer.DEFAULT_TOKEN);

            long end = System.nanoTime() + 5_000_000_000L;
            while ((!Files.exists(file) || !Files.readString(file).contains(id)) && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            assertThat(Files.readString(file)).contains(id);
        }
    }

    @Test
    void aCorruptFileStopsStartUpAndIsLeftUntouched() throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\"version\": 1, \"sessions\": [ {\"instance_id\": ");

        assertThatThrownBy(() -> WawpMockServer.builder().stateFile(file).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("The state file " + file.toAbsolutePath() + " cannot be read")
                .hasMessageContaining("move it away");
        assertThat(Files.readString(file)).isEqualTo("{\"version\": 1, \"sessions\": [ {\"instance_id\": ");
    }

    @Test
    void aFileOfAnotherShapeIsRefusedToo() throws Exception {
        Path file = dir.resolve("other.json");
        Files.writeString(file, "{\"version\": 1, \"tokens\": [], \"sessions\": [{\"instance_id\": 5, \"webhooks\": []}]}");

        assertThatThrownBy(() -> WawpMockServer.builder().stateFile(file).build())
                .hasMessageContaining("\"instance_id\" must be a string");
    }
}
