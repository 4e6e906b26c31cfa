package dev.wawpkit.contracts.pact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks that the committed pacts ({@code contracts/pacts}) are exactly the pacts this build's
 * consumer tests wrote ({@code target/pacts}), file by file, compared as JSON trees.
 *
 * <p>With {@code -Dwawp.pacts.update=true} it copies {@code target/pacts} over the committed
 * pacts instead (removing committed files no test writes any more). Runs in the
 * {@code check-pacts} surefire execution, after the consumer tests; skipped when {@code -Dtest}
 * selected some tests only, because their pacts are then incomplete.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CommittedPactsAreCurrentTest {
    static final String UPDATE_COMMAND = "mvn -B -ntp -pl contracts verify -Dwawp.pacts.update=true";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void committedPactsEqualThePactsThisBuildWrote() throws IOException {
        assumeFalse(PactDirs.partialRun(), "-Dtest selected some tests only, so target/pacts is incomplete");
        Path generated = PactDirs.generated();
        Path committed = PactDirs.committed();
        assertThat(PactDirs.pactFiles(generated))
                .as("pacts written by the consumer tests to %s", generated.toAbsolutePath())
                .isNotEmpty();
        if (Boolean.getBoolean("wawp.pacts.update")) {
            update(generated, committed);
        }

        List<String> differences = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(names(generated));
        names.addAll(names(committed));
        for (String name : names) {
            String difference = difference(committed.resolve(name), generated.resolve(name));
            if (difference != null) {
                differences.add(difference);
            }
        }

        assertThat(differences)
                .withFailMessage(
                        "Expecting the committed pacts in %s to equal the pacts this build wrote to %s, "
                                + "but:%n  %s%nIf the change is intended, update the committed pacts and commit them:%n  %s",
                        committed, generated, String.join("\n  ", differences), UPDATE_COMMAND)
                .isEmpty();
    }

    @Test
    void aDifferenceNamesTheFileTheFirstDifferingInteractionAndThePath(@TempDir Path dir) throws IOException {
        Path committed = Files.createDirectories(dir.resolve("committed")).resolve(PactDirs.PACT_FILE);
        Path generated = Files.createDirectories(dir.resolve("generated")).resolve(PactDirs.PACT_FILE);
        Files.copy(PactDirs.committedPact(), committed);
        ObjectNode pact = (ObjectNode) JSON.readTree(committed.toFile());
        for (JsonNode interaction : pact.path("interactions")) {
            if (interaction.path("description").asText().equals("start of a stopped session")) {
                ((ObjectNode) interaction.path("response")).put("status", 201);
            }
        }
        JSON.writeValue(generated.toFile(), pact);

        assertThat(difference(committed, committed)).isNull();
        assertThat(difference(committed, generated))
                .isEqualTo(
                        PactDirs.PACT_FILE
                                + ": interaction 'start of a stopped session' differs at $.response.status (committed 200, generated 201)");
        assertThat(difference(committed, dir.resolve("missing.json")))
                .isEqualTo(PactDirs.PACT_FILE + ": committed, but no consumer test writes it any more");
    }

    /** Describes how one file differs, naming the first differing interaction; null when equal. */
    static String difference(Path committed, Path generated) throws IOException {
        String name = committed.getFileName().toString();
        if (!Files.exists(committed)) {
            return name + ": written by this build, but not committed";
        }
        if (!Files.exists(generated)) {
            return name + ": committed, but no consumer test writes it any more";
        }
        JsonNode before = JSON.readTree(committed.toFile());
        JsonNode after = JSON.readTree(generated.toFile());
        if (before.equals(after)) {
            return null;
        }
        Map<String, JsonNode> old = byDescription(before);
        Map<String, JsonNode> now = byDescription(after);
        for (Map.Entry<String, JsonNode> e : old.entrySet()) {
            JsonNode current = now.get(e.getKey());
            if (current == null) {
                return name + ": interaction '" + e.getKey()
                        + "' is committed, but no consumer test records it any more";
            }
            if (!current.equals(e.getValue())) {
                return name + ": interaction '" + e.getKey() + "' differs at "
                        + firstDifference(e.getValue(), current, "");
            }
        }
        for (String description : now.keySet()) {
            if (!old.containsKey(description)) {
                return name + ": interaction '" + description + "' is new, recorded by this build but not committed";
            }
        }
        return name + ": differs outside the interactions, at " + firstDifference(before, after, "");
    }

    private static Map<String, JsonNode> byDescription(JsonNode pact) {
        Map<String, JsonNode> interactions = new LinkedHashMap<>();
        pact.path("interactions")
                .forEach(i -> interactions.put(i.path("description").asText(), i));
        return interactions;
    }

    /** Returns the JSON path of the first difference, with the committed and generated values. */
    private static String firstDifference(JsonNode committed, JsonNode generated, String path) {
        if (committed.isContainerNode() && committed.getNodeType() == generated.getNodeType()) {
            TreeSet<String> keys = new TreeSet<>();
            committed.fieldNames().forEachRemaining(keys::add);
            generated.fieldNames().forEachRemaining(keys::add);
            for (int i = 0; committed.isArray() && i < Math.max(committed.size(), generated.size()); i++) {
                keys.add(String.valueOf(i));
            }
            for (Iterator<String> it = keys.iterator(); it.hasNext(); ) {
                String key = it.next();
                JsonNode a = committed.isArray() ? committed.path(Integer.parseInt(key)) : committed.path(key);
                JsonNode b = generated.isArray() ? generated.path(Integer.parseInt(key)) : generated.path(key);
                if (!a.equals(b)) {
                    return firstDifference(a, b, path + (committed.isArray() ? "[" + key + "]" : "." + key));
                }
            }
        }
        return (path.isEmpty() ? "$" : "$" + path) + " (committed " + show(committed) + ", generated " + show(generated)
                + ")";
    }

    private static String show(JsonNode node) {
        return node.isMissingNode() ? "nothing" : node.toString();
    }

    private static List<String> names(Path dir) {
        return PactDirs.pactFiles(dir).stream()
                .map(p -> p.getFileName().toString())
                .toList();
    }

    private static void update(Path generated, Path committed) throws IOException {
        Files.createDirectories(committed);
        for (Path stale : PactDirs.pactFiles(committed)) {
            Files.delete(stale);
        }
        for (Path pact : PactDirs.pactFiles(generated)) {
            Files.copy(pact, committed.resolve(pact.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        System.out.println("Updated " + committed.toAbsolutePath() + " from " + generated.toAbsolutePath()
                + "; review the diff and commit it.");
    }
}
