package dev.wawpkit.mock.testcontainers;

import dev.wawpkit.mock.WawpMockClient;
import dev.wawpkit.mock.WawpMockServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * Runs the Wawp mock's container image for a test, in the style of Testcontainers' own modules.
 *
 * <pre>{@code
 * WawpMockContainer wawp = new WawpMockContainer().withTokens("my-token").withBootDelay(Duration.ofMillis(200));
 * wawp.start();                          // or make it a @Container field
 *
 * URI api = wawp.getBaseUrl();           // point the code under test here
 * WawpMockClient mock = wawp.client();   // steer it: seed sessions, arm faults, read calls
 * }</pre>
 *
 * <p>Defaults: the image {@code wawp-mock-server:<this module's version>} (what the README's
 * {@code docker build} command tags), the dev token {@value WawpMockServer#DEFAULT_TOKEN}, a random
 * admin token (the mock listens on all interfaces inside the container, so its control API is
 * always locked), the command line's 3 s boot delay. Startup waits until the health probe
 * {@code GET /__admin/health} answers 200, at most 60 s. Not thread-safe while being configured,
 * like every {@link GenericContainer}.
 */
public class WawpMockContainer extends GenericContainer<WawpMockContainer> {
    /** The port the mock listens on inside the container. */
    public static final int PORT = 8080;

    /** The image the README's build command makes, tagged with this module's version. */
    public static final DockerImageName DEFAULT_IMAGE =
            DockerImageName.parse("wawp-mock-server").withTag(version());

    private final List<String> tokens = new ArrayList<>();
    private String adminToken = randomToken();
    private Duration bootDelay;

    /** Creates a container of {@link #DEFAULT_IMAGE}. */
    public WawpMockContainer() {
        this(DEFAULT_IMAGE);
    }

    /**
     * Creates a container of another build or tag of the image, such as {@code registry.example/wawp-mock-server:1.0}.
     *
     * @throws IllegalStateException when the image is not named wawp-mock-server; declare a renamed copy with
     *                               {@code DockerImageName.parse("my/mock:1").asCompatibleSubstituteFor("wawp-mock-server")}
     */
    public WawpMockContainer(DockerImageName image) {
        super(image);
        image.assertCompatibleWith(DockerImageName.parse("wawp-mock-server"));
        withExposedPorts(PORT);
        waitingFor(Wait.forHttp("/__admin/health")
                .forPort(PORT)
                .forStatusCode(200)
                .withHeader("X-Wawp-Admin-Token", adminToken)
                .withStartupTimeout(Duration.ofSeconds(60)));
    }

    /** Makes these access tokens valid (instead of the dev token); the first is {@link #client()}'s default. */
    public WawpMockContainer withTokens(String... tokens) {
        for (String token : tokens) {
            if (token == null || token.isBlank() || token.contains(",")) {
                throw new IllegalArgumentException("Expected access tokens without commas or blanks, but got '"
                        + (token == null ? null : token.length() > 4 ? token.substring(0, 4) + "..." : token)
                        + "'. Pass each token as its own argument: withTokens(\"token-a\", \"token-b\").");
            }
            this.tokens.add(token);
        }
        return self();
    }

    /** Locks the control API with this admin token instead of a random one (at least 8 characters). */
    public WawpMockContainer withAdminToken(String adminToken) {
        this.adminToken = Objects.requireNonNull(adminToken, "adminToken");
        waitingFor(Wait.forHttp("/__admin/health")
                .forPort(PORT)
                .forStatusCode(200)
                .withHeader("X-Wawp-Admin-Token", adminToken)
                .withStartupTimeout(Duration.ofSeconds(60)));
        return self();
    }

    /** Sets how long a started session stays STARTING (default 3 s); {@link Duration#ZERO} boots at once. */
    public WawpMockContainer withBootDelay(Duration bootDelay) {
        if (bootDelay.isNegative()) {
            throw new IllegalArgumentException("Expected a boot delay of 0 or more, but got " + bootDelay
                    + ". Use withBootDelay(Duration.ofMillis(200)).");
        }
        this.bootDelay = bootDelay;
        return self();
    }

    @Override
    protected void configure() {
        withEnv("WAWP_MOCK_ADMIN_TOKEN", adminToken);
        if (!tokens.isEmpty()) {
            withEnv("WAWP_MOCK_TOKENS", String.join(",", tokens));
        }
        if (bootDelay != null) {
            withEnv("WAWP_MOCK_BOOT_DELAY", bootDelay.toMillis() + "ms");
        }
    }

    /** The mock's base URL as seen from the test, such as {@code http://localhost:32771}; the container must be running. */
    public URI getBaseUrl() {
        return URI.create("http://" + getHost() + ":" + getMappedPort(PORT));
    }

    /** The token the mock's control API is locked with. */
    public String getAdminToken() {
        return adminToken;
    }

    /** The access token {@link #client()} seeds sessions with: the first of {@link #withTokens}, else the dev token. */
    public String getToken() {
        return tokens.isEmpty() ? WawpMockServer.DEFAULT_TOKEN : tokens.get(0);
    }

    /**
     * Connects a {@link WawpMockClient} to the running container, sending the admin token.
     *
     * @throws IllegalStateException when the container is not running
     */
    public WawpMockClient client() {
        if (!isRunning()) {
            throw new IllegalStateException("The Wawp mock container is not running. Call start() first, "
                    + "or declare it as a @Container field.");
        }
        return WawpMockClient.connect(getBaseUrl(), getToken(), adminToken);
    }

    private static String randomToken() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return "admin-" + HexFormat.of().formatHex(bytes);
    }

    private static String version() {
        try (InputStream in = WawpMockContainer.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "latest");
        } catch (IOException e) {
            return "latest";
        }
    }
}
