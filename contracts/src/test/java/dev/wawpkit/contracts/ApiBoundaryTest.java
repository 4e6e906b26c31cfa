package dev.wawpkit.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wawpkit.contracts.client.WawpClient;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Guards the module's API boundary: public main types live in the client package or under internal. */
class ApiBoundaryTest {
    private static final String API_PACKAGE = "dev.wawpkit.contracts.client";

    @Test
    void publicTypesLiveInTheClientPackageOrUnderInternal() throws IOException, URISyntaxException {
        Path classes = Path.of(WawpClient.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        List<String> misplaced;
        try (Stream<Path> files = Files.walk(classes)) {
            misplaced = files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> classes.relativize(f)
                            .toString()
                            .replace('/', '.')
                            .replace('\\', '.')
                            .replaceAll("\\.class$", ""))
                    .filter(name -> !name.contains("$"))
                    .filter(ApiBoundaryTest::isPublic)
                    .filter(name -> !name.startsWith(API_PACKAGE + ".")
                            || name.substring(API_PACKAGE.length() + 1).contains("."))
                    .filter(name -> !name.contains(".internal."))
                    .toList();
        }

        assertThat(misplaced)
                .as("public types outside %s and .internal", API_PACKAGE)
                .isEmpty();
    }

    @Test
    void theClientPackageHoldsTheEntryClass() {
        assertThat(isPublic(API_PACKAGE + ".WawpClient")).isTrue();
        assertThat(isPublic(API_PACKAGE + ".WawpApiException")).isTrue();
    }

    private static boolean isPublic(String name) {
        try {
            return Modifier.isPublic(Class.forName(name).getModifiers());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
