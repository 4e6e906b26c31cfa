package dev.wawpkit.conformance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.wawpkit.conformance.internal.TargetSettings;
import dev.wawpkit.conformance.report.Outcome;
import dev.wawpkit.conformance.report.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exercises the live target's rules without the network: the live base URL points at a local
 * WireMock stand-in (hidden parameter wawp.live.baseUrl), and the token comes from a file.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LiveTargetTest {
    static final String LIVE_TOKEN = "live-secret-token-0123456789";
    WireMockServer standIn;
    @TempDir
    Path dir;

    @BeforeEach
    void startStandIn() {
        standIn = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        standIn.start();
        String json = "application/json";
        standIn.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(400).withHeader("Content-Type", json)
                .withBody("{\"error\":\"missing_parameter\",\"message\":\"missing\",\"status\":400}")));
        standIn.stubFor(post(urlPathEqualTo("/v2/session/create")).withQueryParam("access_token", equalTo(LIVE_TOKEN))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", json)
                        .withBody("{\"instance_id\":\"LIVE00000001\",\"session_name\":\"wawp-00000001\",\"server_name\":\"s\",\"status\":\"STOPPED\"}")));
        standIn.stubFor(any(urlPathEqualTo("/v2/session/delete")).willReturn(aResponse().withStatus(200).withHeader("Content-Type", json)
                .withBody("{\"name\":\"wawp-00000001\",\"status\":\"DELETED\",\"instance_id\":\"LIVE00000001\"}")));
    }

    @AfterEach
    void stopStandIn() {
        standIn.stop();
    }

    private Map<String, String> live(String... more) throws Exception {
        Path tokenFile = dir.resolve("token");
        Files.writeString(tokenFile, LIVE_TOKEN + "\n");
        Map<String, String> p = new HashMap<>(Map.of(TargetSettings.TARGET, "live",
                TargetSettings.LIVE_BASE_URL_OVERRIDE, WrongServerTest.base(standIn), TargetSettings.TOKEN_FILE, tokenFile.toString()));
        for (int i = 0; i < more.length; i += 2) {
            p.put(more[i], more[i + 1]);
        }
        return p;
    }

    @Test
    void liveRunWithoutTokenStopsAtOnceWithOneMessage() {
        Runs.Outcome run = Runs.run(dir, Map.of(TargetSettings.TARGET, "live", TargetSettings.LIVE_BASE_URL_OVERRIDE, WrongServerTest.base(standIn)));

        assertThat(run.summary().getTestsStartedCount()).isZero();
        assertThat(run.summary().getContainersFailedCount()).isEqualTo(1);
        assertThat(run.summary().getFailures()).singleElement().satisfies(f -> assertThat(f.getException())
                .hasMessage("The live target needs an access token, but none was found: export WAWP_ACCESS_TOKEN=your-token, "
                        + "or put the token in a file and set WAWP_ACCESS_TOKEN_FILE=path (or -Dwawp.tokenFile=path). Nothing was run."));
        assertThat(run.report().summary()).startsWith("STOPPED: The live target needs an access token");
        assertThat(run.report().rows()).allSatisfy(r -> assertThat(r.outcome()).isEqualTo(Outcome.SKIPPED));
        standIn.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void liveRunWithoutOptInSkipsEveryTestThatSpendsQuota() throws Exception {
        Runs.Outcome run = Runs.run(dir, live());

        for (Behaviour b : Behaviour.values()) {
            if (b.need() == Need.NEW_SESSION) {
                assertThat(run.row(b).outcome()).as(b.id()).isEqualTo(Outcome.SKIPPED);
                assertThat(run.row(b).reason()).as(b.id()).startsWith("spends quota: this test creates a session; "
                        + "allow it with -Dwawp.live.allowCreate=true");
            }
        }
        assertThat(run.row(Behaviour.INFO_200).reason()).startsWith("needs a session: set WAWP_INSTANCE_ID");
        standIn.verify(0, postRequestedFor(urlPathEqualTo("/v2/session/create")).withQueryParam("access_token", equalTo(LIVE_TOKEN)));
    }

    @Test
    void liveRunSkipsWhatCannotBeProvokedThereWithTheReason() throws Exception {
        Runs.Outcome run = Runs.run(dir, live());

        assertThat(run.row(Behaviour.START_500_HTML).outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(run.row(Behaviour.START_500_HTML).reason()).isEqualTo("not provokable on this target: a 500 happens only "
                + "when the server fails; only a target with a control API (the Wawp mock) can show it on demand");
        assertThat(run.row(Behaviour.CREATE_403).reason()).startsWith("not provokable on this target: the account's create quota");
        assertThat(run.row(Behaviour.START_400_JSON).outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void liveRunWithOptInDeletesEverySessionItCreated() throws Exception {
        Runs.Outcome run = Runs.run(dir, live(TargetSettings.ALLOW_CREATE, "true"));

        assertThat(run.row(Behaviour.CREATE_200).outcome()).isNotEqualTo(Outcome.SKIPPED);
        int creates = standIn.findAll(postRequestedFor(urlPathEqualTo("/v2/session/create"))
                .withQueryParam("access_token", equalTo(LIVE_TOKEN))).size();
        assertThat(creates).isGreaterThanOrEqualTo(5);
        standIn.verify(creates, deleteRequestedFor(urlPathEqualTo("/v2/session/delete"))
                .withQueryParam("instance_id", equalTo("LIVE00000001")).withQueryParam("access_token", equalTo(LIVE_TOKEN)));
    }

    @Test
    void liveRunWithAnInstanceIdReadsItWithoutCreating() throws Exception {
        Runs.Outcome run = Runs.run(dir, live(TargetSettings.INSTANCE_ID, "LIVE00000002"));

        assertThat(run.row(Behaviour.INFO_200).outcome()).isNotEqualTo(Outcome.SKIPPED);
        assertThat(run.row(Behaviour.INFO_200).observed()).startsWith("400 application/json");
        standIn.verify(postRequestedFor(urlPathEqualTo("/v2/session/info")).withQueryParam("instance_id", equalTo("LIVE00000002")));
        standIn.verify(0, postRequestedFor(urlPathEqualTo("/v2/session/create")).withQueryParam("access_token", equalTo(LIVE_TOKEN)));
    }

    @Test
    void liveTokenAppearsMaskedInEveryLineOfOutput() throws Exception {
        Runs.Outcome run = Runs.run(dir, live(TargetSettings.ALLOW_CREATE, "true", TargetSettings.INSTANCE_ID, "LIVE00000002"));

        String md = Files.readString(dir.resolve("report.md"));
        String json = Files.readString(dir.resolve("report.json"));
        assertThat(md).doesNotContain(LIVE_TOKEN).contains("token live...");
        assertThat(json).doesNotContain(LIVE_TOKEN);
        assertThat(run.summary().getFailures()).isNotEmpty()
                .allSatisfy(f -> assertThat(String.valueOf(f.getException().getMessage())).doesNotContain(LIVE_TOKEN));
        assertThat(run.report().target()).isEqualTo("live Wawp API at " + WrongServerTest.base(standIn)
                + " (token live...; control API: no; creates allowed)");
        Report.Row info = run.row(Behaviour.INFO_200);
        assertThat(info.observed()).doesNotContain(LIVE_TOKEN);
    }
}
