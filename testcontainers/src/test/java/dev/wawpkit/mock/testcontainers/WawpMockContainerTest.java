package dev.wawpkit.mock.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import dev.wawpkit.mock.Format;
import dev.wawpkit.mock.MockSession;
import dev.wawpkit.mock.SessionStatus;
import dev.wawpkit.mock.WawpMockClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.utility.DockerImageName;

/** WawpMockContainer against podman's Docker-compatible API, with Ryuk off (see testcontainers/pom.xml). */
@Timeout(600)
class WawpMockContainerTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void engine() throws Exception {
        Podman.image();
        Podman.serveDockerApi();
    }

    /** Publishes on 127.0.0.1 only: tests here never listen beyond loopback. */
    private static WawpMockContainer onLoopback(WawpMockContainer container) {
        return container.withCreateContainerCmdModifier(cmd -> cmd.getHostConfig()
                .withPublishAllPorts(false)
                .withPortBindings(
                        new PortBinding(Ports.Binding.bindIp("127.0.0.1"), ExposedPort.tcp(WawpMockContainer.PORT))));
    }

    @Test
    void theDefaultImageIsTheOneTheReadmeBuilds() {
        assertThat(WawpMockContainer.DEFAULT_IMAGE.asCanonicalNameString()).endsWith(Podman.IMAGE);
    }

    @Test
    void servesTheApiAndIsSteeredThroughItsClient() throws Exception {
        // tag::declare[]
        WawpMockContainer wawp = new WawpMockContainer() // image wawp-mock-server:<version>
                .withTokens("container-token-1", "container-token-2")
                .withAdminToken("container-admin-token") // default: a random one
                .withBootDelay(Duration.ofMillis(200));
        // end::declare[]
        try (wawp) {
            onLoopback(wawp);
            // tag::use[]
            wawp.start();
            URI base = wawp.getBaseUrl(); // give this to the code under test
            WawpMockClient mock = wawp.client(); // seeds, faults, calls, as in-process
            MockSession session =
                    mock.seedSession().status(SessionStatus.STOPPED).create();
            mock.faults().onStart().session(session.instanceId()).respond(502, Format.XML);
            // end::use[]

            // when the code under test calls the API through the mapped port
            HttpResponse<String> start = HTTP.send(
                    HttpRequest.newBuilder(base.resolve("/v2/session/start?instance_id=" + session.instanceId()
                                    + "&access_token=container-token-1"))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> second = HTTP.send(
                    HttpRequest.newBuilder(base.resolve("/v2/session/start?instance_id=" + session.instanceId()
                                    + "&access_token=container-token-1"))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            // then the fault answered first, the start second, and the mock recorded both
            assertThat(start.statusCode()).isEqualTo(502);
            assertThat(start.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/xml"));
            assertThat(second.statusCode()).isEqualTo(200);
            assertThat(mock.session(session.instanceId()).calls()).hasSize(2);
            assertThat(base.getHost()).isEqualTo("127.0.0.1");
            assertThat(wawp.getToken()).isEqualTo("container-token-1");
            assertThat(mock.tokens().list()).hasSize(2);
        }
    }

    @Test
    void theControlApiIsLockedWithARandomAdminTokenByDefault() throws Exception {
        try (WawpMockContainer wawp = onLoopback(new WawpMockContainer())) {
            wawp.start();

            HttpResponse<String> anonymous = HTTP.send(
                    HttpRequest.newBuilder(wawp.getBaseUrl().resolve("/__admin/wawp/sessions"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(wawp.getAdminToken()).startsWith("admin-").hasSizeGreaterThan(20);
            assertThat(wawp.client().sessions()).isEmpty();
            assertThat(wawp.getToken()).isEqualTo("wawp-dev-token");
        }
    }

    @Test
    void misuseFailsFastWithAFix() {
        WawpMockContainer notStarted = new WawpMockContainer();
        assertThatThrownBy(notStarted::client).hasMessageContaining("Call start() first");
        assertThatThrownBy(() -> notStarted.withTokens("a,b"))
                .hasMessageContaining("withTokens(\"token-a\", \"token-b\")");
        assertThatThrownBy(() -> new WawpMockContainer(DockerImageName.parse("nginx:1")))
                .isInstanceOf(IllegalStateException.class);
        notStarted.close();
    }
}
