package dev.wawpkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wawpkit.conformance.internal.ConformanceConfigException;
import dev.wawpkit.conformance.internal.TargetSettings;
import dev.wawpkit.conformance.internal.TargetSettings.Kind;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TargetSettingsTest {
    @TempDir
    Path dir;

    private static TargetSettings resolve(Map<String, String> parameters, Map<String, String> env) {
        return TargetSettings.resolve(k -> Optional.ofNullable(parameters.get(k)), env);
    }

    @Test
    void defaultsToTheEmbeddedMock() {
        assertThat(resolve(Map.of(), Map.of()).kind()).isEqualTo(Kind.MOCK);
    }

    @Test
    void aBaseUrlChoosesTheUrlTargetWithItsToken() {
        TargetSettings s =
                resolve(Map.of("wawp.baseUrl", "http://127.0.0.1:8080/"), Map.of("WAWP_TOKEN", "url-token-1"));

        assertThat(s.kind()).isEqualTo(Kind.URL);
        assertThat(s.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:8080"));
        assertThat(s.token()).isEqualTo("url-token-1");
    }

    @Test
    void liveTakesTheTokenFromTheEnvironmentAndTheRealBaseUrl() {
        TargetSettings s = resolve(
                Map.of("wawp.target", "live"),
                Map.of("WAWP_ACCESS_TOKEN", "env-token-1", "WAWP_INSTANCE_ID", "3EB0BCB2E3D4"));

        assertThat(s.baseUrl()).isEqualTo(URI.create("https://api.wawp.net"));
        assertThat(s.token()).isEqualTo("env-token-1");
        assertThat(s.instanceId()).isEqualTo("3EB0BCB2E3D4");
        assertThat(s.allowCreate()).isFalse();
        assertThat(s.describe())
                .isEqualTo(
                        "live Wawp API at https://api.wawp.net (token env-..., creates not allowed, instance 3EB0BCB2E3D4)");
    }

    @Test
    void liveTakesTheTokenFromAFile() throws Exception {
        Path file = Files.writeString(dir.resolve("t"), "file-token-1\n");

        assertThat(resolve(Map.of("wawp.target", "live"), Map.of("WAWP_ACCESS_TOKEN_FILE", file.toString()))
                        .token())
                .isEqualTo("file-token-1");
        assertThat(resolve(Map.of("wawp.target", "live", "wawp.tokenFile", file.toString()), Map.of())
                        .token())
                .isEqualTo("file-token-1");
    }

    @Test
    void liveWithoutTokenSaysHowToGiveOne() {
        assertThatThrownBy(() -> resolve(Map.of("wawp.target", "live"), Map.of()))
                .isInstanceOf(ConformanceConfigException.class)
                .hasMessageContaining("export WAWP_ACCESS_TOKEN=your-token")
                .hasMessageEndingWith("Nothing was run.");
    }

    @Test
    void liveRefusesATokenOnTheCommandLine() {
        assertThatThrownBy(() -> resolve(
                        Map.of("wawp.target", "live", "wawp.token", "cli-token-1"), Map.of("WAWP_ACCESS_TOKEN", "x")))
                .hasMessageStartingWith("Refusing the live token from -Dwawp.token")
                .hasMessageNotContaining("cli-token-1");
    }

    @Test
    void liveRefusesAnEmptyTokenFile() throws Exception {
        Path file = Files.writeString(dir.resolve("empty"), "  \n");

        assertThatThrownBy(() -> resolve(Map.of("wawp.target", "live", "wawp.tokenFile", file.toString()), Map.of()))
                .hasMessageContaining("but the file is empty");
    }

    @Test
    void capturesOnlyFromATargetToLearnFrom() {
        assertThatThrownBy(() -> resolve(Map.of("wawp.capture.dir", "captured"), Map.of()))
                .isInstanceOf(ConformanceConfigException.class)
                .hasMessageStartingWith(
                        "Expected a target to learn from for -Dwawp.capture.dir (--capture), but got the embedded mock");
        assertThat(resolve(Map.of("wawp.baseUrl", "http://127.0.0.1:1", "wawp.capture.dir", "captured"), Map.of())
                        .captureDir())
                .isEqualTo(Path.of("captured"));
    }

    @Test
    void refusesContradictionsAndNonsense() {
        assertThatThrownBy(() -> resolve(
                        Map.of("wawp.target", "live", "wawp.baseUrl", "http://127.0.0.1:1"),
                        Map.of("WAWP_ACCESS_TOKEN", "x")))
                .hasMessageContaining("but got both");
        assertThatThrownBy(() -> resolve(Map.of("wawp.target", "staging"), Map.of()))
                .hasMessageContaining("mock, url or live");
        assertThatThrownBy(() -> resolve(Map.of("wawp.baseUrl", "127.0.0.1:8080"), Map.of()))
                .hasMessageContaining("Expected a base URL like");
    }
}
