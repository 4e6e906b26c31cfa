package dev.wawpkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every Java snippet of the README is cut verbatim from a source file the build compiles (and,
 * for tests, runs), so a newcomer can copy it as printed, imports included.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReadmeExampleTest {
    private static final Path ROOT = Path.of("..");
    private static final Pattern JAVA_BLOCK = Pattern.compile("(?m)^```java\\n(.*?)^```$", Pattern.DOTALL);

    static List<String> javaBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        Matcher m = JAVA_BLOCK.matcher(markdown);
        while (m.find()) {
            blocks.add(m.group(1).stripTrailing());
        }
        return blocks;
    }

    /** Names a block by its README line and its first line that is not a package or import. */
    private static String label(String readme, String block) {
        int line = (int) readme.substring(0, readme.indexOf(block)).lines().count() + 1;
        String first = block.lines()
                .filter(l -> !l.isBlank() && !l.startsWith("package ") && !l.startsWith("import "))
                .findFirst()
                .orElse("");
        return "README.md line " + line + ": " + first.strip();
    }

    /** Answers whether the source holds the block's lines in a row, all indented alike. */
    static boolean quotes(String source, String block) {
        for (int indent = 0; indent <= 16; indent += 4) {
            String prefix = " ".repeat(indent);
            String shifted =
                    block.lines().map(l -> l.isEmpty() ? l : prefix + l).collect(Collectors.joining("\n"));
            if (source.contains(shifted)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> sources() throws IOException {
        try (Stream<Path> modules = Files.list(ROOT)) {
            List<Path> roots = modules.flatMap(m -> Stream.of(m.resolve("src/test/java"), m.resolve("src/main/java")))
                    .filter(Files::isDirectory)
                    .toList();
            List<String> texts = new ArrayList<>();
            for (Path root : roots) {
                try (Stream<Path> files = Files.walk(root)) {
                    files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                        try {
                            texts.add(Files.readString(f));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                }
            }
            return texts;
        }
    }

    @Test
    void everyJavaSnippetOfTheReadmeIsCutFromCodeTheBuildCompiles() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        List<String> blocks = javaBlocks(readme);
        List<String> sources = sources();

        List<String> loose = blocks.stream()
                .filter(b -> sources.stream().noneMatch(s -> quotes(s, b)))
                .map(b -> label(readme, b))
                .toList();

        assertThat(blocks).as("```java blocks in README.md").isNotEmpty();
        assertThat(loose)
                .as("README.md's java snippets found in no file under */src/test/java or */src/main/java; "
                        + "copy each from a source file that compiles, imports included")
                .isEmpty();
    }

    @Test
    void theSnippetCheckCatchesAnEditedSnippet() throws IOException {
        String source = Files.readString(Path.of("src/test/java/com/example/onboarding/OnboardingWiringTest.java"));
        String snippet = source.substring(source.indexOf("import "));

        assertThat(quotes(source, snippet)).isTrue();
        assertThat(quotes(source, snippet.replace("wawp.token()", "\"app-token\"")))
                .isFalse();
        assertThat(javaBlocks("text\n```java\nclass A {\n}\n```\nmore\n```java\nclass B {}\n```\n"))
                .containsExactly("class A {\n}", "class B {}");
    }

    @Test
    void theReadmeSaysEachThingOnce() throws IOException {
        List<String> headings = new ArrayList<>();
        boolean inCode = false;
        for (String line : Files.readAllLines(ROOT.resolve("README.md"))) {
            if (line.startsWith("```")) {
                inCode = !inCode;
            } else if (!inCode && (line.startsWith("# ") || line.startsWith("## "))) {
                headings.add(line);
            }
        }

        assertThat(headings).as("README.md's top-level headings").doesNotHaveDuplicates();
    }
}
