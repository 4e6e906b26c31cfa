package dev.wawpkit.conformance;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.wawpkit.conformance.internal.TargetSettings;
import dev.wawpkit.conformance.report.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DryRunTest {
    @TempDir
    Path dir;

    @Test
    void dryRunOnTheMockListsEveryBehaviourAsWouldRun() {
        Runs.Outcome run = Runs.run(dir, Map.of(TargetSettings.DRY_RUN, "true"));

        assertThat(run.report().dryRun()).isTrue();
        assertThat(run.report().rows()).allSatisfy(r -> assertThat(r.outcome()).isEqualTo(Outcome.WOULD_RUN));
        assertThat(run.report().summary())
                .startsWith("DRY RUN against embedded Wawp mock: 158 behaviours: 158 would run, 0 would be skipped; ");
        assertThat(run.row(Behaviour.of("start-502-xml")).calls())
                .containsExactly(
                        "control API: seed a STOPPED session",
                        "control API: 502 xml on the next start",
                        "POST /v2/session/start?access_token={token}&instance_id={seeded STOPPED} [Accept: application/json]",
                        "POST /v2/session/info?access_token={token}&instance_id={seeded STOPPED} [Accept: application/json]");
        String status = "/v2/status?access_token={token}&instance_id=";
        String info = "POST /v2/session/info?access_token={token}&instance_id=";
        assertThat(run.row(Behaviour.of("status-200")).calls())
                .containsExactly(
                        "control API: seed a STOPPED session",
                        "POST " + status + "{seeded STOPPED} [Accept: application/json]",
                        info + "{seeded STOPPED} [Accept: application/json]",
                        "GET " + status + "{seeded STOPPED} [Accept: application/json]",
                        info + "{seeded STOPPED} [Accept: application/json]",
                        "control API: seed a SCAN_QR_CODE session",
                        "POST " + status + "{seeded SCAN_QR_CODE} [Accept: application/json]",
                        info + "{seeded SCAN_QR_CODE} [Accept: application/json]",
                        "GET " + status + "{seeded SCAN_QR_CODE} [Accept: application/json]",
                        info + "{seeded SCAN_QR_CODE} [Accept: application/json]");
        assertThat(run.row(Behaviour.of("status-404-malformed")).calls())
                .containsExactly("POST " + status + "{unknown instance} [Accept: application/json]");
    }

    @Test
    void dryRunOnLiveContactsNothingAndSaysWhatItWouldSkip() throws Exception {
        WireMockServer standIn =
                new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        standIn.start();
        try {
            Path token = Files.writeString(dir.resolve("token"), "dry-run-token-1");
            Runs.Outcome run = Runs.run(
                    dir,
                    Map.of(
                            TargetSettings.DRY_RUN,
                            "true",
                            TargetSettings.TARGET,
                            "live",
                            TargetSettings.LIVE_BASE_URL_OVERRIDE,
                            WrongServerTest.base(standIn),
                            TargetSettings.TOKEN_FILE,
                            token.toString()));

            assertThat(run.row(Behaviour.of("start-400-xml")).outcome()).isEqualTo(Outcome.WOULD_RUN);
            assertThat(run.row(Behaviour.of("create-200")).outcome()).isEqualTo(Outcome.WOULD_SKIP);
            assertThat(run.row(Behaviour.of("create-200")).reason()).startsWith("spends quota");
            assertThat(run.row(Behaviour.of("info-502-xml")).reason()).startsWith("not provokable on this target");
            standIn.verify(0, anyRequestedFor(anyUrl()));
        } finally {
            standIn.stop();
        }
    }
}
