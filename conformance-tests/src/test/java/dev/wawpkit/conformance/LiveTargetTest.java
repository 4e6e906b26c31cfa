package dev.wawpkit.conformance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.moreThanOrExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.wawpkit.conformance.internal.Target;
import dev.wawpkit.conformance.internal.TargetSettings;
import dev.wawpkit.conformance.report.Outcome;
import dev.wawpkit.conformance.report.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exercises the live target's rules without the network: the live base URL points at a local
 * WireMock stand-in (hidden parameter wawp.live.baseUrl), and the token comes from a file. The stand-in
 * answers create with a new instance_id (NEW and 9 digits) each time, and serves only those sessions, so
 * the tests can tell the run's own sessions from the user's (LIVE00000002).
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
        standIn.stubFor(any(anyUrl())
                .atPriority(10)
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", json)
                        .withBody("{\"error\":\"missing_parameter\",\"message\":\"missing\",\"status\":400}")));
        // every create makes a new instance: NEW and 9 digits
        standIn.stubFor(post(urlPathEqualTo("/v2/session/create"))
                .withQueryParam("access_token", equalTo(LIVE_TOKEN))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", json)
                        .withTransformers("response-template")
                        .withBody(
                                "{\"instance_id\":\"NEW{{randomValue length=9 type='NUMERIC'}}\",\"session_name\":\"wawp-00000001\","
                                        + "\"server_name\":\"s\",\"status\":\"STOPPED\"}")));
        String session = "{\"name\":\"wawp-00000001\",\"status\":\"%s\",\"config\":{\"webhooks\":{},\"proxy\":null}}";
        own("info", String.format(session, "STOPPED"));
        own("start", String.format(session, "STARTING"));
        own("stop", String.format(session, "STOPPED"));
        own("restart", String.format(session, "STARTING"));
        own(
                "logout",
                "{\"name\":\"wawp-00000001\",\"status\":\"STOPPED\",\"instance_id\":\"{{request.query.instance_id}}\"}");
        standIn.stubFor(
                any(urlPathEqualTo("/v2/session/delete"))
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withHeader("Content-Type", json)
                                        .withTransformers("response-template")
                                        .withBody(
                                                "{\"name\":\"wawp-00000001\",\"status\":\"DELETED\",\"instance_id\":\"{{request.query.instance_id}}\"}")));
    }

    /** Answers an endpoint for the sessions the stand-in created (instance_id NEW and 9 digits). */
    private void own(String endpoint, String body) {
        standIn.stubFor(any(urlPathEqualTo("/v2/session/" + endpoint))
                .withQueryParam("instance_id", matching("NEW[0-9]{9}"))
                .withQueryParam("access_token", equalTo(LIVE_TOKEN))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withTransformers("response-template")
                        .withBody(body)));
    }

    /** Returns the instance_ids the stand-in's creates answered with, in order. */
    private List<String> createdIds() {
        return standIn.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith("/v2/session/create")
                        && e.getResponse().getStatus() == 200)
                .map(e -> e.getResponse().getBodyAsString().replaceAll("(?s).*\"instance_id\":\"([A-Z0-9]+)\".*", "$1"))
                .toList();
    }

    /** Returns the calls that change or remove a session: stop, restart, logout and delete. */
    private List<LoggedRequest> destructiveCalls() {
        return standIn.findAll(anyRequestedFor(urlPathMatching("/v2/session/(stop|restart|logout|delete)")));
    }

    @AfterEach
    void stopStandIn() {
        standIn.stop();
    }

    private Map<String, String> live(String... more) throws Exception {
        Path tokenFile = dir.resolve("token");
        Files.writeString(tokenFile, LIVE_TOKEN + "\n");
        Map<String, String> p = new HashMap<>(Map.of(
                TargetSettings.TARGET,
                "live",
                TargetSettings.LIVE_BASE_URL_OVERRIDE,
                WrongServerTest.base(standIn),
                TargetSettings.TOKEN_FILE,
                tokenFile.toString()));
        for (int i = 0; i < more.length; i += 2) {
            p.put(more[i], more[i + 1]);
        }
        return p;
    }

    @Test
    void liveRunWithoutTokenStopsAtOnceWithOneMessage() {
        Runs.Outcome run = Runs.run(
                dir,
                Map.of(
                        TargetSettings.TARGET,
                        "live",
                        TargetSettings.LIVE_BASE_URL_OVERRIDE,
                        WrongServerTest.base(standIn)));

        assertThat(run.summary().getTestsStartedCount()).isZero();
        assertThat(run.summary().getContainersFailedCount()).isEqualTo(1);
        assertThat(run.summary().getFailures())
                .singleElement()
                .satisfies(
                        f -> assertThat(f.getException())
                                .hasMessage(
                                        "The live target needs an access token, but none was found: export WAWP_ACCESS_TOKEN=your-token, "
                                                + "or put the token in a file and set WAWP_ACCESS_TOKEN_FILE=path (or -Dwawp.tokenFile=path). Nothing was run."));
        assertThat(run.report().summary()).startsWith("STOPPED: The live target needs an access token");
        assertThat(run.report().rows()).allSatisfy(r -> assertThat(r.outcome()).isEqualTo(Outcome.SKIPPED));
        standIn.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void liveRunWithoutOptInSkipsEveryTestThatSpendsQuota() throws Exception {
        Runs.Outcome run = Runs.run(dir, live());

        for (Behaviour b : Behaviour.ALL) {
            if (b.need() == Need.NEW_SESSION) {
                assertThat(run.row(b).outcome()).as(b.id()).isEqualTo(Outcome.SKIPPED);
                assertThat(run.row(b).reason())
                        .as(b.id())
                        .startsWith("spends quota: this test creates a session; "
                                + "allow it with -Dwawp.live.allowCreate=true");
            }
        }
        assertThat(run.row(Behaviour.of("info-200")).reason()).startsWith("needs a session: set WAWP_INSTANCE_ID");
        standIn.verify(
                0,
                postRequestedFor(urlPathEqualTo("/v2/session/create"))
                        .withQueryParam("access_token", equalTo(LIVE_TOKEN)));
    }

    @Test
    void liveRunSkipsWhatCannotBeProvokedThereWithTheReason() throws Exception {
        Runs.Outcome run = Runs.run(dir, live());

        assertThat(run.row(Behaviour.of("start-500-html")).outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(run.row(Behaviour.of("start-500-html")).reason())
                .isEqualTo(
                        "not provokable on this target: a 500 happens only "
                                + "when the server fails; only a target with a control API (the Wawp mock) can show it on demand");
        assertThat(run.row(Behaviour.of("create-403")).reason())
                .startsWith("not provokable on this target: the account's create quota");
        assertThat(run.row(Behaviour.of("start-400-json")).outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void liveRunWithOptInDeletesEverySessionItCreated() throws Exception {
        Runs.Outcome run = Runs.run(dir, live(TargetSettings.ALLOW_CREATE, "true"));

        assertThat(run.row(Behaviour.of("create-200")).outcome()).isNotEqualTo(Outcome.SKIPPED);
        List<String> created = createdIds();
        assertThat(created)
                .hasSizeGreaterThanOrEqualTo(15)
                .doesNotHaveDuplicates()
                .allMatch(id -> id.matches("NEW[0-9]{9}"));
        for (String id : created) {
            standIn.verify(
                    moreThanOrExactly(1),
                    deleteRequestedFor(urlPathEqualTo("/v2/session/delete"))
                            .withQueryParam("instance_id", equalTo(id))
                            .withQueryParam("access_token", equalTo(LIVE_TOKEN)));
        }
    }

    @Test
    void liveRunWithoutOptInNeverStopsRestartsLogsOutOrDeletesASession() throws Exception {
        Runs.Outcome run = Runs.run(dir, live(TargetSettings.INSTANCE_ID, "LIVE00000002"));

        for (Behaviour b : Behaviour.ALL) {
            if (b.need() == Need.OWN_SESSION) {
                assertThat(run.row(b).outcome()).as(b.id()).isEqualTo(Outcome.SKIPPED);
                assertThat(run.row(b).reason())
                        .as(b.id())
                        .startsWith("destructive: ")
                        .endsWith(
                                ", so on live it runs only on a session this run creates, never on WAWP_INSTANCE_ID or any other; "
                                        + "allow creates with -Dwawp.live.allowCreate=true (the suite deletes what it creates)");
            }
        }
        assertThat(run.row(Behaviour.of("logout-200")).reason())
                .startsWith("destructive: logout wipes the login of the session it is called on, ");
        assertThat(run.row(Behaviour.of("stop-400-xml")).outcome())
                .isNotEqualTo(Outcome.SKIPPED); // no instance_id: nothing to change
        // the only stop/restart/logout/delete calls name no instance, a made-up one (ZZ...), or carry a token the API
        // refuses
        assertThat(destructiveCalls())
                .isNotEmpty()
                .allSatisfy(r -> assertThat(touchesNoSession(r)).as(r.getUrl()).isTrue());
        standIn.verify(
                0,
                postRequestedFor(urlPathEqualTo("/v2/session/create"))
                        .withQueryParam("access_token", equalTo(LIVE_TOKEN)));
    }

    @Test
    void liveRunWithOptInChangesOnlySessionsItCreated() throws Exception {
        Runs.Outcome run =
                Runs.run(dir, live(TargetSettings.ALLOW_CREATE, "true", TargetSettings.INSTANCE_ID, "LIVE00000002"));

        for (Behaviour b : new Behaviour[] {
            Behaviour.of("stop-200"),
            Behaviour.of("restart-200"),
            Behaviour.of("logout-200"),
            Behaviour.of("delete-200"),
            Behaviour.of("state-stop"),
            Behaviour.of("state-stop-stopped")
        }) {
            assertThat(run.row(b).outcome()).as(b.id() + ": " + run.row(b)).isEqualTo(Outcome.PASS);
        }
        List<String> created = createdIds();
        assertThat(destructiveCalls())
                .isNotEmpty()
                .allSatisfy(r -> assertThat(touchesNoSession(r)
                                || created.contains(
                                        r.queryParameter("instance_id").firstValue()))
                        .as(r.getUrl())
                        .isTrue());
        standIn.verify(
                0,
                anyRequestedFor(urlPathMatching("/v2/session/(stop|restart|logout|delete)"))
                        .withQueryParam("instance_id", equalTo("LIVE00000002")));
        assertThat(run.row(Behaviour.of("me-200")).outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(run.row(Behaviour.of("me-200")).reason())
                .isEqualTo("needs a logged-in session, but WAWP_INSTANCE_ID LIVE00000002 "
                        + "answers 400: scan its QR code, or name a WORKING instance");
    }

    @Test
    void conformanceRefusesToChangeALiveSessionTheRunDidNotCreate() throws Exception {
        Map<String, String> p = live(TargetSettings.ALLOW_CREATE, "true");
        try (Target target = Target.open(TargetSettings.resolve(k -> Optional.ofNullable(p.get(k)), Map.of()))) {
            Conformance wawp = new Conformance(target, null, Behaviour.of("logout-200"));

            for (String endpoint : List.of("stop", "restart", "logout")) {
                assertThatThrownBy(() -> wawp.post(endpoint)
                                .instance("LIVE00000002")
                                .token()
                                .send())
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessage(
                                "Refusing to call " + endpoint
                                        + " on live instance LIVE00000002 for logout-200: on live the suite "
                                        + "stops, restarts, logs out and deletes only sessions this run created, and this run did not create "
                                        + "LIVE00000002. Get one with wawp.arrange.newSession() (needs -Dwawp.live.allowCreate=true).");
            }
            assertThatThrownBy(() -> wawp.delete("delete")
                            .instance("LIVE00000002")
                            .token()
                            .send())
                    .hasMessageStartingWith("Refusing to call delete on live instance LIVE00000002");
            standIn.verify(0, anyRequestedFor(urlPathMatching("/v2/session/(stop|restart|logout|delete)")));

            String own = wawp.arrange.newSession();
            assertThat(wawp.post("logout").instance(own).token().send().status())
                    .isEqualTo(200);
            assertThat(wawp.delete("delete").instance(own).token().send().status())
                    .isEqualTo(200);
            assertThat(wawp.post("stop").instance(own).token().send().answered())
                    .isTrue(); // deleted by this run: still its own
            assertThat(wawp.guard.leftOver())
                    .as("deleted by the test, so not deleted again after it")
                    .isEmpty();
            assertThat(wawp.get("info").instance("LIVE00000002").token().send().answered())
                    .isTrue(); // reading stays allowed
        }
    }

    /** Answers whether a call cannot touch a session: no instance_id, a made-up one, or not the live token. */
    private static boolean touchesNoSession(LoggedRequest r) {
        QueryParameter id = r.queryParameter("instance_id");
        QueryParameter token = r.queryParameter("access_token");
        return !id.isPresent()
                || id.firstValue().startsWith("ZZ")
                || !token.isPresent()
                || !LIVE_TOKEN.equals(token.firstValue());
    }

    @Test
    void liveRunWithAnInstanceIdReadsItWithoutCreating() throws Exception {
        Runs.Outcome run = Runs.run(dir, live(TargetSettings.INSTANCE_ID, "LIVE00000002"));

        assertThat(run.row(Behaviour.of("info-200")).outcome()).isNotEqualTo(Outcome.SKIPPED);
        assertThat(run.row(Behaviour.of("info-200")).observed()).startsWith("400 application/json");
        standIn.verify(postRequestedFor(urlPathEqualTo("/v2/session/info"))
                .withQueryParam("instance_id", equalTo("LIVE00000002")));
        standIn.verify(
                0,
                postRequestedFor(urlPathEqualTo("/v2/session/create"))
                        .withQueryParam("access_token", equalTo(LIVE_TOKEN)));
    }

    @Test
    void liveTokenAppearsMaskedInEveryLineOfOutput() throws Exception {
        Runs.Outcome run =
                Runs.run(dir, live(TargetSettings.ALLOW_CREATE, "true", TargetSettings.INSTANCE_ID, "LIVE00000002"));

        String md = Files.readString(dir.resolve("report.md"));
        String json = Files.readString(dir.resolve("report.json"));
        assertThat(md).doesNotContain(LIVE_TOKEN).contains("token live...");
        assertThat(json).doesNotContain(LIVE_TOKEN);
        assertThat(run.summary().getFailures())
                .isNotEmpty()
                .allSatisfy(f -> assertThat(String.valueOf(f.getException().getMessage()))
                        .doesNotContain(LIVE_TOKEN));
        assertThat(run.report().target())
                .isEqualTo("live Wawp API at " + WrongServerTest.base(standIn)
                        + " (token live...; control API: no; creates allowed)");
        Report.Row info = run.row(Behaviour.of("info-200"));
        assertThat(info.observed()).doesNotContain(LIVE_TOKEN);
    }
}
