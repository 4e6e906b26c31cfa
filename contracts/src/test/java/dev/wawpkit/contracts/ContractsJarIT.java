package dev.wawpkit.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wawpkit.spec.WawpOpenApi;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a team that depends on the built wawp-contracts jar finds on its class path: the jar, and the
 * wawp-spec jar Maven brings with it (the OpenAPI description's home); the README quotes the loading code.
 */
@Timeout(60)
class ContractsJarIT {
    private static final Path JAR = Path.of("target", "wawp-contracts-" + System.getProperty("wawp.version") + ".jar");

    @Test
    void theJarShipsTheCommittedPactsAndTheOpenApiDescriptionAsResources() throws Exception {
        assertThat(JAR).as("the jar the package phase builds").isNotEmptyFile();
        // Only the jar and its wawp-spec dependency on the class path, as in a consumer's build that depends on it.
        URL spec = WawpOpenApi.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader classpath =
                new URLClassLoader(new URL[] {JAR.toUri().toURL(), spec}, null)) {
            // tag::classpath[]
            String pactJson;
            String openApiYaml;
            try (InputStream pact = classpath.getResourceAsStream("pacts/wawp-reference-client-wawp-api.json");
                    InputStream openApi = classpath.getResourceAsStream("openapi/wawp-sessions.yaml")) {
                pactJson = new String(pact.readAllBytes(), StandardCharsets.UTF_8);
                openApiYaml = new String(openApi.readAllBytes(), StandardCharsets.UTF_8);
            }
            JsonNode interactions = new ObjectMapper().readTree(pactJson).get("interactions");
            OpenApiInteractionValidator validator = OpenApiInteractionValidator.createForInlineApiSpecification(
                            openApiYaml)
                    .build();
            // end::classpath[]

            assertThat(pactJson).isEqualTo(Files.readString(Path.of("pacts/wawp-reference-client-wawp-api.json")));
            assertThat(openApiYaml)
                    .isEqualTo(Files.readString(Path.of("../spec/src/main/resources/openapi/wawp-sessions.yaml")));
            assertThat(interactions).hasSizeGreaterThan(100);
            assertThat(validator).isNotNull();
        }
    }

    @Test
    void theJarNamesItsModuleAndHasSourcesAndJavadocBesideIt() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name"))
                    .isEqualTo("dev.wawpkit.contracts");
        }
        String base = JAR.getFileName().toString().replace(".jar", "");
        assertThat(JAR.resolveSibling(base + "-sources.jar")).isNotEmptyFile();
        assertThat(JAR.resolveSibling(base + "-javadoc.jar")).isNotEmptyFile();
    }

    @Test
    void theReadmeQuotesTheLoadingCodeExactly() throws IOException {
        String source = Files.readString(Path.of("src/test/java/dev/wawpkit/contracts/ContractsJarIT.java"));
        Matcher m = Pattern.compile("// tag::classpath\\[]\\n(.*?)\\n\\s*// end::classpath\\[]", Pattern.DOTALL)
                .matcher(source);
        assertThat(m.find()).isTrue();

        assertThat(Files.readString(Path.of("../README.md")))
                .as("README.md must quote the loading code verbatim")
                .contains(m.group(1).stripIndent().strip());
    }
}
