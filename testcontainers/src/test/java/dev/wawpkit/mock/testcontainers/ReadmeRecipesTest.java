package dev.wawpkit.mock.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The README's container recipes name the image the tests build, with the settings it needs; its Java is quoted from tests. */
@Timeout(30)
class ReadmeRecipesTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static String readme() throws IOException {
        return Files.readString(Podman.ROOT.resolve("README.md"));
    }

    private static List<JsonNode> yamlBlocks() throws IOException {
        Matcher m = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(readme());
        List<JsonNode> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(YAML.readTree(m.group(1)));
        }
        return blocks;
    }

    @Test
    void theReadmeBuildsTheImageWithTheCommandTheTestsRun() throws IOException {
        assertThat(readme()).contains(Podman.README_BUILD, "docker run -p 8080:8080 -e WAWP_MOCK_ADMIN_TOKEN=");
    }

    @Test
    void theComposeRecipeRunsTheImageWithAnAdminTokenAndWaitsForItsHealth() throws IOException {
        JsonNode compose = yamlBlocks().stream()
                .filter(b -> b.has("services") && !b.has("jobs"))
                .findFirst()
                .orElseThrow();
        JsonNode mock = compose.at("/services/wawp-mock");

        assertThat(mock.get("image").asText()).isEqualTo(Podman.IMAGE);
        assertThat(mock.at("/environment/WAWP_MOCK_ADMIN_TOKEN").asText()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(mock.at("/volumes/0").asText()).endsWith(":/data");
        assertThat(compose.at("/services/my-app/depends_on/wawp-mock/condition").asText())
                .isEqualTo("service_healthy");
    }

    @Test
    void theGitHubActionsRecipeUsesTheImageAsAServiceContainer() throws IOException {
        JsonNode workflow =
                yamlBlocks().stream().filter(b -> b.has("jobs")).findFirst().orElseThrow();
        JsonNode service = workflow.at("/jobs/test/services/wawp-mock");

        assertThat(service.get("image").asText()).endsWith("/" + Podman.IMAGE);
        assertThat(service.at("/env/WAWP_MOCK_ADMIN_TOKEN").isMissingNode()).isFalse();
        assertThat(service.at("/ports/0").asText()).isEqualTo("8080:8080");
    }

    @ParameterizedTest
    @ValueSource(strings = {"declare", "use"})
    void theReadmeQuotesTheTestcontainersExampleExactly(String tag) throws IOException {
        String source = Files.readString(Podman.ROOT.resolve(
                "testcontainers/src/test/java/dev/wawpkit/mock/testcontainers/WawpMockContainerTest.java"));
        Matcher m = Pattern.compile("// tag::" + tag + "\\[]\\n(.*?)\\n\\s*// end::" + tag + "\\[]", Pattern.DOTALL)
                .matcher(source);
        assertThat(m.find()).as("tag %s", tag).isTrue();

        assertThat(readme())
                .as("README.md must quote the %s part verbatim", tag)
                .contains(m.group(1).stripIndent().strip());
    }

    @Test
    void theReadmeListsEveryArtifactWithTheBuildVersion() throws IOException {
        assertThat(readme())
                .contains(
                        "version `" + Podman.VERSION + "`",
                        "`wawp-mock-server`, classifier `all`",
                        "`wawp-contracts`",
                        "`wawp-conformance-tests`",
                        "`wawp-mock-testcontainers`",
                        "dev.wawpkit:wawp-mock-server:" + Podman.VERSION + ":all");
    }
}
