package dev.wawpkit.contracts.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wawpkit.contracts.NodeTools;
import dev.wawpkit.spec.WawpOpenApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lints the OpenAPI description with Redocly's {@code recommended} rules and Spectral's
 * {@code spectral:oas} ruleset (configured in {@code tools/redocly.yaml} and
 * {@code tools/.spectral.yaml}): both must report no error. Their warnings are explained in the
 * README. Needs {@code npm ci --prefix tools}; see {@link NodeTools} for when it skips.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class OpenApiLintTest {
    private static final Path DESCRIPTION =
            Path.of("../spec/src/main/resources", WawpOpenApi.RESOURCE).toAbsolutePath();
    private static final Path LOGS = Path.of("target/lint").toAbsolutePath();

    @Test
    void redoclyRecommendedReportsNoError() {
        Path redocly = NodeTools.require("redocly");

        NodeTools.Result result = NodeTools.run(
                LOGS.resolve("redocly.txt"),
                Duration.ofSeconds(150),
                List.of(
                        redocly.toString(),
                        "lint",
                        "--config",
                        "redocly.yaml",
                        "--format",
                        "stylish",
                        DESCRIPTION.toString()));

        assertThat(result.exitCode())
                .as("redocly lint exit code; its output:%n%s", result.output())
                .isZero();
        assertThat(result.output()).contains("Your API description is valid");
    }

    @Test
    void spectralOasReportsNoError() {
        Path spectral = NodeTools.require("spectral");

        NodeTools.Result result = NodeTools.run(
                LOGS.resolve("spectral.txt"),
                Duration.ofSeconds(150),
                List.of(
                        spectral.toString(),
                        "lint",
                        "--ruleset",
                        ".spectral.yaml",
                        "--fail-severity",
                        "error",
                        DESCRIPTION.toString()));

        assertThat(result.exitCode())
                .as("spectral lint exit code; its output:%n%s", result.output())
                .isZero();
        assertThat(result.output()).contains("0 errors");
    }

    @Test
    void bothLintersFindTheErrorsOfABrokenDescription(@TempDir Path dir) throws Exception {
        Path redocly = NodeTools.require("redocly");
        Path spectral = NodeTools.require("spectral");
        Path broken = dir.resolve("broken.yaml");
        // no security scheme (Redocly) and an example that breaks its schema (Spectral)
        Files.writeString(
                broken,
                WawpOpenApi.yaml()
                        .replace("security:\n  - AccessToken: []\n  - AccessTokenHeader: []\n", "")
                        .replace(
                                "                session_name: wawp-84729105\n", "                session_name: 42\n"));

        NodeTools.Result byRedocly = NodeTools.run(
                LOGS.resolve("redocly-broken.txt"),
                Duration.ofSeconds(150),
                List.of(redocly.toString(), "lint", "--config", "redocly.yaml", broken.toString()));
        NodeTools.Result bySpectral = NodeTools.run(
                LOGS.resolve("spectral-broken.txt"),
                Duration.ofSeconds(150),
                List.of(
                        spectral.toString(),
                        "lint",
                        "--ruleset",
                        ".spectral.yaml",
                        "--fail-severity",
                        "error",
                        broken.toString()));

        assertThat(byRedocly.exitCode()).as(byRedocly.output()).isNotZero();
        assertThat(byRedocly.output()).contains("security-defined");
        assertThat(bySpectral.exitCode()).as(bySpectral.output()).isNotZero();
        assertThat(bySpectral.output()).contains("oas3-valid-media-example");
    }
}
