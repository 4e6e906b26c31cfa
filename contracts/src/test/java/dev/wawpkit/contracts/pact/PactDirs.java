package dev.wawpkit.contracts.pact;

import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.core.model.Interaction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Locates the committed pacts ({@code contracts/pacts}) and the pacts this build wrote
 * ({@code contracts/target/pacts}), as the contracts pom passes them to surefire.
 *
 * <p>Outside Maven the defaults are relative to the module directory. Stateless and thread-safe.
 */
public final class PactDirs {
    /** Names the one pact file: the reference client's pact with the Wawp API. */
    public static final String PACT_FILE = "wawp-reference-client-wawp-api.json";
    /** The message pact of the session.status webhook. */
    public static final String WEBHOOK_PACT_FILE = "wawp-webhook-receiver-wawp-api-webhooks.json";

    private PactDirs() {}

    /** Returns the directory of the committed pacts; default {@code pacts}. */
    public static Path committed() {
        return Path.of(System.getProperty("wawp.pacts.committed", "pacts"));
    }

    /** Returns the directory the consumer tests write to; default {@code target/pacts}. */
    public static Path generated() {
        return Path.of(System.getProperty("pact.rootDir", "target/pacts"));
    }

    /** Returns whether {@code -Dtest=...} selected some tests only, so this build's pacts are incomplete. */
    public static boolean partialRun() {
        return !System.getProperty("wawp.tests.selected", "").isBlank();
    }

    /** Returns the committed pact file, which must exist. */
    public static Path committedPact() {
        return committed().resolve(PACT_FILE);
    }

    /** Lists the {@code .json} files of a directory by name; empty when the directory does not exist. */
    public static List<Path> pactFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a pact file's interactions in file order. */
    public static List<Interaction> interactions(Path file) {
        return DefaultPactReader.INSTANCE.loadPact(file.toFile()).getInteractions().stream()
                .map(Interaction.class::cast)
                .toList();
    }

    /** Finds an interaction by its description. */
    public static Interaction interaction(Path file, String description) {
        return interactions(file).stream()
                .filter(i -> i.getDescription().equals(description))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Expected an interaction '" + description + "' in "
                        + file + ", but there is none. Regenerate the pacts: "
                        + "mvn -B -ntp -pl contracts verify -Dwawp.pacts.update=true"));
    }
}
