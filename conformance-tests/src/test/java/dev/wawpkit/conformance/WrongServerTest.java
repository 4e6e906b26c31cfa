package dev.wawpkit.conformance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.wawpkit.conformance.internal.TargetSettings;
import dev.wawpkit.conformance.report.Outcome;
import dev.wawpkit.conformance.report.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shows the suite can fail: a plain WireMock with seeded defects (STARTED for STARTING, 403 for 401,
 * a 10-character instance_id, JSON where XML was asked, a session that outlives its delete, me answering
 * for a session that is not logged in, no /v2/status at all), and each defect is reported with its side. The server
 * has no control API, so it is not a Wawp mock: the defects against the mock's own choices (XML by Accept, me's 400,
 * status's undocumented 401) are reported as "differs", with the same drift, and do not fail the run; the documented
 * ones fail it.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WrongServerTest {
    static final String TOKEN = "wrong-server-token";
    static WireMockServer server;
    static Runs.Outcome run;

    @TempDir
    static Path dir;

    /** Returns the stand-in's base URL on 127.0.0.1 (WireMock's own baseUrl() says localhost). */
    static String base(WireMockServer s) {
        return "http://127.0.0.1:" + s.port();
    }

    /** Stubs a Wawp look-alike with seven defects; everything else it answers roughly right or 404, /v2/status included. */
    static WireMockServer wrongServer() {
        WireMockServer s = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        s.start();
        String json = "application/json";
        s.stubFor(any(anyUrl())
                .atPriority(10)
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", json)
                        .withBody("{\"error\":\"session_not_found\",\"message\":\"no such session\",\"status\":404}")));
        // defect: a 10-character instance_id
        s.stubFor(
                post(urlPathEqualTo("/v2/session/create"))
                        .withQueryParam("access_token", equalTo(TOKEN))
                        .atPriority(5)
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withHeader("Content-Type", json)
                                        .withBody(
                                                "{\"instance_id\":\"3EB0BCB2E3\",\"session_name\":\"wawp-84729105\",\"server_name\":\"s1\",\"status\":\"STOPPED\"}")));
        s.stubFor(
                post(urlPathEqualTo("/v2/session/create"))
                        .withQueryParam("access_token", absent())
                        .atPriority(5)
                        .willReturn(
                                aResponse()
                                        .withStatus(400)
                                        .withHeader("Content-Type", json)
                                        .withBody(
                                                "{\"error\":\"missing_parameter\",\"message\":\"access_token is missing\",\"status\":400}")));
        // defect: STARTED instead of STARTING
        s.stubFor(
                any(urlPathEqualTo("/v2/session/start"))
                        .withQueryParam("instance_id", matching(".+"))
                        .atPriority(5)
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withHeader("Content-Type", json)
                                        .withBody(
                                                "{\"name\":\"wawp-84729105\",\"status\":\"STARTED\",\"config\":{\"webhooks\":{},\"proxy\":null}}")));
        // defect: JSON where XML was asked
        s.stubFor(
                any(urlPathEqualTo("/v2/session/start"))
                        .withQueryParam("instance_id", absent())
                        .atPriority(5)
                        .willReturn(
                                aResponse()
                                        .withStatus(400)
                                        .withHeader("Content-Type", json)
                                        .withBody(
                                                "{\"error\":\"missing_parameter\",\"message\":\"instance_id is missing\",\"status\":400}")));
        s.stubFor(
                any(urlPathEqualTo("/v2/session/info"))
                        .withQueryParam("instance_id", matching("3EB0BCB2E3"))
                        .atPriority(5)
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withHeader("Content-Type", json)
                                        .withBody(
                                                "{\"name\":\"wawp-84729105\",\"status\":\"STOPPED\",\"config\":{\"webhooks\":{},\"proxy\":null}}")));
        // defect: delete answers DELETED, but the session lives on (info still answers 200 above)
        s.stubFor(delete(urlPathEqualTo("/v2/session/delete"))
                .withQueryParam("instance_id", equalTo("3EB0BCB2E3"))
                .atPriority(5)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", json)
                        .withBody(
                                "{\"name\":\"wawp-84729105\",\"status\":\"DELETED\",\"instance_id\":\"3EB0BCB2E3\"}")));
        // defect: me answers an account for a session that is STOPPED (not logged in)
        s.stubFor(get(urlPathEqualTo("/v2/session/me"))
                .withQueryParam("instance_id", equalTo("3EB0BCB2E3"))
                .atPriority(5)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", json)
                        .withBody("{\"id\":\"201012345678@c.us\",\"pushName\":\"John Doe\"}")));
        // defect: 403 instead of 401 for a token it does not know
        s.stubFor(any(anyUrl())
                .withQueryParam("access_token", containing("invalid"))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(403)
                        .withHeader("Content-Type", json)
                        .withBody("{\"error\":\"forbidden\",\"message\":\"forbidden\",\"status\":403}")));
        return s;
    }

    @BeforeAll
    static void runTheSuiteAgainstTheWrongServer() {
        server = wrongServer();
        run = Runs.run(dir, Map.of(TargetSettings.BASE_URL, WrongServerTest.base(server), TargetSettings.TOKEN, TOKEN));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void reportsStartedInsteadOfStartingAsAFieldDrift() {
        Report.Row row = run.row(Behaviour.of("start-200"));

        assertThat(row.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(row.drift())
                .anySatisfy(d -> assertThat(d)
                        .startsWith("field: ")
                        .contains("\"status\": \"STARTING\"")
                        .contains("STARTED"));
    }

    @Test
    void reports403InsteadOf401AsAStatusDrift() {
        for (Behaviour b : new Behaviour[] {
            Behaviour.of("create-401"), Behaviour.of("start-401-json"), Behaviour.of("info-401-xml")
        }) {
            assertThat(run.row(b).outcome()).as(b.id()).isEqualTo(Outcome.FAIL);
            assertThat(run.row(b).drift()).as(b.id()).contains("status: expected 401, observed 403");
        }
    }

    @Test
    void reportsATenCharacterInstanceIdAsAFieldDrift() {
        Report.Row row = run.row(Behaviour.of("create-200"));

        assertThat(row.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(row.drift())
                .contains("field: expected instance_id of 12 letters or digits, observed \"3EB0BCB2E3\"");
        assertThat(row.drift())
                .anySatisfy(d -> assertThat(d).startsWith("field: expected a body matching the OpenAPI description"));
    }

    @Test
    void reportsJsonWhereXmlWasAskedAsAContentTypeThatDiffersFromTheMocksChoice() {
        Report.Row row = run.row(Behaviour.of("start-400-xml"));

        assertThat(row.outcome()).isEqualTo(Outcome.DIFFERS);
        assertThat(row.differs()).contains("content type: expected application/xml, observed application/json");
        assertThat(row.drift()).isEmpty();
    }

    @Test
    void reportsASessionThatOutlivesItsDeleteAsAStatusDrift() {
        Report.Row row = run.row(Behaviour.of("state-delete"));

        assertThat(row.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(row.drift()).contains("status: expected 404, observed 200");
        assertThat(row.observed())
                .startsWith("200 application/json {\"name\":\"wawp-84729105\",\"status\":\"DELETED\"");
    }

    @Test
    void reportsMeAnsweringForASessionNotLoggedInAsDifferingFromTheMocksChoice() {
        Report.Row row = run.row(Behaviour.of("me-400-not-working"));

        assertThat(row.outcome()).isEqualTo(Outcome.DIFFERS);
        assertThat(row.differs())
                .contains(
                        "status: expected 400, observed 200",
                        "field: expected \"error\": \"not_logged_in\", observed no error");
    }

    @Test
    void reportsAMissingStatusEndpointAsAStatusDriftAndItsUndocumentedErrorsAsDiffering() {
        Report.Row ok = run.row(Behaviour.of("status-200"));
        Report.Row unauthorized = run.row(Behaviour.of("status-401-json"));

        // The Start page names /v2/status: a 404 for it fails. Its 401 is decided, so the 403 there only differs.
        assertThat(ok.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(ok.drift()).contains("status: expected 200, observed 404");
        assertThat(unauthorized.outcome()).isEqualTo(Outcome.DIFFERS);
        assertThat(unauthorized.differs()).contains("status: expected 401, observed 403");
        assertThat(run.row(Behaviour.of("status-404-malformed")).outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void skipsFaultOnlyBehavioursAsNotProvokableWithoutAControlApi() {
        Report.Row row = run.row(Behaviour.of("start-502-xml"));

        assertThat(row.outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(row.reason()).startsWith("not provokable on this target: a 502 needs the upstream to fail");
    }

    @Test
    void failsTheRunAndWritesTheDefectsIntoBothReports() throws Exception {
        assertThat(run.report().passed()).isFalse();
        assertThat(run.report().summary()).startsWith("FAIL against base URL " + WrongServerTest.base(server));
        String md = Files.readString(dir.resolve("report.md"));
        assertThat(md)
                .contains("| `start-400-xml` 400 Bad Request, as XML | 3 start | 400 application/xml;")
                .contains("differs: content type: expected application/xml, observed application/json")
                .contains("fail: status: expected 401, observed 403");
        assertThat(Files.readString(dir.resolve("report.json")))
                .contains("\"outcome\" : \"fail\"")
                .contains("status: expected 401, observed 403");
    }

    @Test
    void masksTheTokenInTheReports() throws Exception {
        assertThat(Files.readString(dir.resolve("report.md"))).doesNotContain(TOKEN);
        assertThat(Files.readString(dir.resolve("report.json"))).doesNotContain(TOKEN);
    }
}
