package dev.wawpkit.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stateFile(...)} keeps sessions and quotas across restarts, and never eats a corrupt file. */
class StateFileTest {
    @TempDir
    Path dir;

    @Test
    void sessionsTokensAndQuotasSurviveARestart() throws Exception {
        Path file = dir.resolve("state.json");
        String id;
        try (WawpMockServer first = WawpMockServer.builder()
                .token("keep-token-1", 3)
                .manualBoot()
                .stateFile(file)
                .build()
                .start()) {
            id = Calls.createdId(first, "keep-token-1");
            Calls.start(first, id, "keep-token-1");
            first.session(id).moveTo(SessionStatus.SCAN_QR_CODE);
            first.session(id).moveTo(SessionStatus.WORKING);
            first.session(id).webhooks(List.of(URI.create("http://127.0.0.1:9/hooks")), "s3cret");
            first.seedSession()
                    .token("seeded-token-2")
                    .instanceId("SEEDED000001")
                    .status(SessionStatus.FAILED)
                    .create();
        }

        try (WawpMockServer second = WawpMockServer.builder()
                .token("keep-token-1", 3)
                .manualBoot()
                .stateFile(file)
                .build()
                .start()) {
            assertThat(Calls.info(second, id, "keep-token-1")
                            .json()
                            .get("status")
                            .asText())
                    .isEqualTo("WORKING");
            assertThat(second.session(id).get().loggedIn()).isTrue();
            assertThat(Calls.info(second, "SEEDED000001", "seeded-token-2")
                            .json()
                            .get("status")
                            .asText())
                    .isEqualTo("FAILED");
            assertThat(second.tokens().list())
                    .filteredOn(t -> t.tokenHint().equals("keep..."))
                    .singleElement()
                    .satisfies(t -> assertThat(t.remaining()).isEqualTo(2));
        }
        assertThat(Files.list(dir)).extracting(p -> p.getFileName().toString()).containsExactly("state.json");
    }

    @Test
    void changesReachTheFileWhileTheServerRuns() throws Exception {
        Path file = dir.resolve("live.json");
        try (WawpMockServer mock =
                WawpMockServer.builder().stateFile(file).build().start()) {
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
        Files.writeString(
                file, "{\"version\": 1, \"tokens\": [], \"sessions\": [{\"instance_id\": 5, \"webhooks\": []}]}");

        assertThatThrownBy(() -> WawpMockServer.builder().stateFile(file).build())
                .hasMessageContaining("cannot be read");
    }

    @Test
    void contentTheControlApiWouldRefuseIsRefusedAtStart() throws Exception {
        Path file = dir.resolve("edited.json");
        String valid = "{\"instance_id\": \"3EB0BCB2E3D4\", \"session_name\": \"wawp-12345678\", \"access_token\": "
                + "\"edit-token-1\", \"status\": \"STOPPED\", \"logged_in\": false, \"created_at\": "
                + "\"2026-01-01T00:00:00Z\", \"webhooks\": []}";
        for (String bad : List.of(
                valid.replace("3EB0BCB2E3D4", "../../etc/x"),
                valid.replace("\"webhooks\": []", "\"webhooks\": [\"file:///etc/passwd\"]"),
                valid.replace("STOPPED", "SLEEPING"))) {
            Files.writeString(file, "{\"version\": 1, \"tokens\": [], \"sessions\": [" + bad + "]}");

            assertThatThrownBy(() -> WawpMockServer.builder().stateFile(file).build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("cannot be read");
        }
        Files.writeString(
                file,
                "{\"version\": 1, \"tokens\": [{\"access_token\": \"edit-token-1\", \"quota\": 1, "
                        + "\"used\": 0}], \"sessions\": [" + valid + "]}");
        try (WawpMockServer mock =
                WawpMockServer.builder().stateFile(file).build().start()) {
            assertThat(Calls.create(mock, "edit-token-1").status())
                    .as("a kept session counts against its quota, whatever 'used' says")
                    .isEqualTo(403);
        }
    }

    @Test
    void leftoverTemporaryFilesAreRemovedAtStart() throws Exception {
        Path file = dir.resolve("state.json");
        Path leftover = dir.resolve("state.json123456.tmp");
        Files.writeString(leftover, "{\"tokens\": [{\"access_token\": \"in-clear-secret\"}]}");

        try (WawpMockServer mock =
                WawpMockServer.builder().stateFile(file).build().start()) {
            assertThat(leftover).doesNotExist();
        }
    }

    @Test
    void aSymbolicLinkIsFollowedAndItsTargetWritten() throws Exception {
        Path real = Files.createDirectories(dir.resolve("real")).resolve("state.json");
        Path link = dir.resolve("link.json");
        Files.createSymbolicLink(link, real);

        try (WawpMockServer mock =
                WawpMockServer.builder().stateFile(link).build().start()) {
            Calls.create(mock, WawpMockServer.DEFAULT_TOKEN);
        }

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).contains("\"sessions\"");
    }

    @Test
    void anUnusableFolderStopsStartUpWithOneLine() throws Exception {
        Path notADir = Files.writeString(dir.resolve("plain-file"), "x");

        assertThatThrownBy(() -> WawpMockServer.builder()
                        .stateFile(notADir.resolve("state.json"))
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot be used")
                .hasMessageNotContaining("\n");
    }
}
