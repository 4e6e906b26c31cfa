package dev.wawpkit.mock.junit5;

import dev.wawpkit.mock.UnexpectedCall;
import dev.wawpkit.mock.WawpMock;
import dev.wawpkit.mock.WawpMockServer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

import java.net.URI;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * Starts a Wawp mock for JUnit 5 tests and gives each test its own isolated share of it.
 *
 * <p>Use {@link WawpMockTest @WawpMockTest} on the class, or register a configured instance:
 * <pre>{@code
 * @RegisterExtension
 * static WawpMockExtension wawp = WawpMockExtension.newInstance().scope(ServerScope.SHARED).manualBoot().build();
 * }</pre>
 *
 * <p>Each test gets a fresh access token, valid on the mock; the {@code WawpMock} it receives is
 * that token's view ({@link WawpMock#forToken(String)}), so tests sharing a server, even in
 * parallel classes, never see each other's sessions, faults or calls. After each test its share
 * is reset, and the test fails if it called a path or method the mock does not serve. All state
 * lives in the {@link ExtensionContext.Store}; servers close with their scope.
 *
 * <p>Configuration parameter {@code wawp.mock.isolation=none} turns the per-test tokens off
 * (every test then uses the server itself and resets all of it); it exists to show what the
 * isolation prevents, not for everyday use.
 */
public final class WawpMockExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(WawpMockExtension.class);
    private static final String ISOLATION = "wawp.mock.isolation";

    private final Config explicit;

    /** Creates the extension as {@code @WawpMockTest} / {@code @ExtendWith} does: configured by the annotation. */
    public WawpMockExtension() {
        this(null);
    }

    private WawpMockExtension(Config config) {
        this.explicit = config;
    }

    /** Starts describing a programmatically registered extension. */
    public static Builder newInstance() {
        return new Builder();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        testScope(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TestScope scope = context.getStore(NS).get(TestScope.class, TestScope.class);
        if (scope == null) {
            return;
        }
        Config config = config(context);
        WawpMockServer server = server(context);
        // A server only this class uses may blame every unexpected call on the running test; a
        // shared one only those that carried the test's token.
        List<UnexpectedCall> unexpected = config.scope == ServerScope.SHARED && scope.isolated
                ? scope.mock.takeUnexpectedCalls() : server.takeUnexpectedCalls();
        scope.mock.reset();
        if (config.failOnUnexpectedCalls && !unexpected.isEmpty()) {
            throw new AssertionError("Expecting only calls the Wawp mock serves, but " + context.getDisplayName()
                    + " made " + unexpected.size() + " it does not:\n" + unexpected.stream()
                    .map(c -> "  " + c.describe()).collect(Collectors.joining("\n"))
                    + "\nFix the path or method, or turn the check off with "
                    + "@WawpMockTest(failOnUnexpectedCalls = false).");
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == WawpMock.class || type == WawpMockServer.class || type == URI.class
                || (type == String.class && parameter.isAnnotated(WawpToken.class));
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == WawpMockServer.class) {
            return server(context);
        }
        if (type == URI.class) {
            return server(context).baseUrl();
        }
        if (context.getTestMethod().isEmpty()) {
            if (type == WawpMock.class) {
                return server(context);
            }
            throw new ParameterResolutionException("Expected @WawpToken on a test or @BeforeEach/@AfterEach method "
                    + "parameter, but it is on " + parameter.getDeclaringExecutable().getName()
                    + ", which runs outside a test. Move it to a method that runs per test.");
        }
        TestScope scope = testScope(context);
        return type == WawpMock.class ? scope.mock : scope.token;
    }

    private TestScope testScope(ExtensionContext context) {
        return context.getStore(NS).getOrComputeIfAbsent(TestScope.class, k -> {
            WawpMockServer server = server(context);
            boolean isolated = !"none".equals(context.getConfigurationParameter(ISOLATION).orElse("token"));
            if (!isolated) {
                return new TestScope(server.token(), server, false);
            }
            String token = "wawp-test-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
            Config config = config(context);
            if (config.quota >= 0) {
                server.tokens().quota(token, config.quota);
            }
            return new TestScope(token, server.forToken(token), true);
        }, TestScope.class);
    }

    private WawpMockServer server(ExtensionContext context) {
        Config config = config(context);
        ExtensionContext owner = switch (config.scope) {
            case SHARED -> context.getRoot();
            case CLASS -> classContext(context);
            case METHOD -> {
                if (context.getTestMethod().isEmpty()) {
                    throw new ExtensionConfigurationException("Expected the mock of a METHOD-scoped @WawpMockTest "
                            + "to be used by test methods, but " + context.getDisplayName() + " asked for it outside one. "
                            + "Use ServerScope.CLASS to share one server with @BeforeAll.");
                }
                yield context;
            }
        };
        return owner.getStore(NS).getOrComputeIfAbsent(config, k -> config.start(), ServerResource.class).server;
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }

    private Config config(ExtensionContext context) {
        if (explicit != null) {
            return explicit;
        }
        Optional<WawpMockTest> annotation = Optional.empty();
        for (Optional<Class<?>> c = context.getTestClass(); c.isPresent() && annotation.isEmpty();
             c = Optional.ofNullable(c.get().getEnclosingClass())) {
            annotation = AnnotationSupport.findAnnotation(c.get(), WawpMockTest.class);
        }
        return annotation.map(a -> new Config(a.scope(),
                        a.bootDelayMillis() < 0 ? null : Duration.ofMillis(a.bootDelayMillis()), a.quota(),
                        a.failOnUnexpectedCalls()))
                .orElse(new Builder().config());
    }

    /** One test's token and its view of the mock. */
    private record TestScope(String token, WawpMock mock, boolean isolated) {
    }

    /** What a server looks like; equal configurations share a SHARED server. */
    private record Config(ServerScope scope, Duration bootDelay, int quota, boolean failOnUnexpectedCalls) {
        ServerResource start() {
            WawpMockServer.Builder b = WawpMockServer.builder();
            if (bootDelay == null) {
                b.manualBoot();
            } else {
                b.bootDelay(bootDelay);
            }
            return new ServerResource(b.build().start());
        }
    }

    /** Closes the server when its scope's store closes. */
    @SuppressWarnings("deprecation")
    private record ServerResource(WawpMockServer server) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            server.close();
        }
    }

    /** Describes a programmatically registered extension. Defaults as {@link WawpMockTest}. */
    public static final class Builder {
        private ServerScope scope = ServerScope.CLASS;
        private Duration bootDelay = WawpMockServer.DEFAULT_BOOT_DELAY;
        private int quota = -1;
        private boolean failOnUnexpectedCalls = true;

        private Builder() {
        }

        /** Sets how long a server lives; default {@link ServerScope#CLASS}. */
        public Builder scope(ServerScope scope) {
            this.scope = Objects.requireNonNull(scope, "scope");
            return this;
        }

        /** Sets how long STARTING lasts; default 500 ms. */
        public Builder bootDelay(Duration bootDelay) {
            this.bootDelay = Objects.requireNonNull(bootDelay, "bootDelay");
            return this;
        }

        /** Keeps sessions STARTING until the test moves them. */
        public Builder manualBoot() {
            this.bootDelay = null;
            return this;
        }

        /** Sets how many sessions each test's token may create; default no limit. */
        public Builder quota(int quota) {
            if (quota < 0) {
                throw new IllegalArgumentException("Expected a quota of 0 or more creates, but got " + quota + ".");
            }
            this.quota = quota;
            return this;
        }

        /** Sets whether calls the mock does not serve fail the test; default true. */
        public Builder failOnUnexpectedCalls(boolean fail) {
            this.failOnUnexpectedCalls = fail;
            return this;
        }

        /** Creates the extension. */
        public WawpMockExtension build() {
            return new WawpMockExtension(config());
        }

        private Config config() {
            return new Config(scope, bootDelay, quota, failOnUnexpectedCalls);
        }
    }
}
