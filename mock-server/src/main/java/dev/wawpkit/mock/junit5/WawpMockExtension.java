package dev.wawpkit.mock.junit5;

import dev.wawpkit.mock.UnexpectedCall;
import dev.wawpkit.mock.WawpMock;
import dev.wawpkit.mock.WawpMockServer;
import dev.wawpkit.mock.internal.Secrets;
import java.net.URI;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Starts a Wawp mock for JUnit 5 tests and gives each test its own isolated share of it.
 *
 * <p>Use {@link WawpMockTest @WawpMockTest} on the class, or register a configured instance in a
 * static field, which then also gives {@link #baseUrl()}, {@link #mock()} and {@link #token()} to
 * {@code @BeforeAll} methods and framework hooks:
 * <pre>{@code
 * @RegisterExtension
 * static WawpMockExtension wawp = WawpMockExtension.newInstance().token("app-token").build();
 * }</pre>
 *
 * <p>By default each test gets a fresh access token, valid on the mock; the {@code WawpMock} it
 * receives is that token's view ({@link WawpMock#forToken(String)}), so tests sharing a server,
 * even concurrently, never see each other's sessions, faults or calls. With a fixed token
 * ({@link Builder#token(String)}, {@link WawpMockTest#token()}) every test uses that one token,
 * valid from the start, and its share is reset before each test; tests that would use it at the
 * same time are refused. After each test the test fails if it called a path or method the mock
 * does not serve with its token. All test state lives in the {@link ExtensionContext.Store};
 * servers close with their scope.
 */
public final class WawpMockExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(WawpMockExtension.class);

    private final Config explicit;
    /*
     * What baseUrl()/mock()/token() read. The store stays the owner of the server; this only
     * mirrors it for the static field's own class, from its beforeAll to its afterAll, because a
     * framework hook (@DynamicPropertySource) has no ExtensionContext to look it up with.
     */
    private volatile Bound bound;

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

    /**
     * Returns the base URL of the class's mock, such as {@code http://127.0.0.1:41234}.
     *
     * @throws IllegalStateException before the class's {@code @BeforeAll} phase, after the class,
     *                               or with {@link ServerScope#METHOD} (no server outlives a test)
     */
    public URI baseUrl() {
        return bound("baseUrl()").server.baseUrl();
    }

    /**
     * Returns the class's mock: the fixed token's view when a token is set, else the whole server
     * (each test still receives its own view as a {@code WawpMock} parameter).
     *
     * @throws IllegalStateException as {@link #baseUrl()}
     */
    public WawpMock mock() {
        Bound b = bound("mock()");
        return b.view != null ? b.view : b.server;
    }

    /**
     * Returns the fixed access token the extension was given, valid on the mock.
     *
     * @throws IllegalStateException as {@link #baseUrl()}, or when no fixed token was set (each test
     *                               then has its own: take it as a {@code @WawpToken String} parameter)
     */
    public String token() {
        Bound b = bound("token()");
        if (b.view == null) {
            throw new IllegalStateException("Expected a fixed token to return, but this extension gives each test its "
                    + "own token. Set one with WawpMockExtension.newInstance().token(\"app-token\").build(), or take "
                    + "the test's token as a parameter: @Test void t(@WawpToken String token).");
        }
        return b.view.token();
    }

    private Bound bound(String what) {
        Bound b = bound;
        if (b == null) {
            throw new IllegalStateException("Expected " + what + " to be called from @BeforeAll on, but the mock of "
                    + "this extension is not running: it starts before the class's @BeforeAll methods and stops after "
                    + "the class. Register it in a static field (@RegisterExtension static WawpMockExtension wawp = "
                    + "...) and read it from @BeforeAll, a test, or a framework hook such as @DynamicPropertySource.");
        }
        if (b.server == null) {
            throw new IllegalStateException("Expected one server for the class behind " + what + ", but "
                    + "ServerScope.METHOD starts a fresh one per test. Use ServerScope.CLASS (the default) or SHARED, "
                    + "or take the URL as a test parameter: @Test void t(URI baseUrl).");
        }
        return b;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Config config = config(context);
        if (bound != null) {
            return; // a @Nested class: the outer class's mock stays the one the field gives
        }
        if (config.scope == ServerScope.METHOD) {
            bound = new Bound(context.getUniqueId(), null, null);
            return;
        }
        WawpMockServer server = server(context);
        bound = new Bound(context.getUniqueId(), server, config.token == null ? null : server.forToken(config.token));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Bound b = bound;
        if (b != null && b.owner.equals(context.getUniqueId())) {
            bound = null;
        }
        Config config = config(context);
        if (config.scope != ServerScope.CLASS || !config.failOnUnexpectedCalls) {
            return;
        }
        ServerResource resource = context.getStore(NS).get(config, ServerResource.class);
        if (resource == null) {
            return;
        }
        // Calls with a token were blamed on the test that owns it; only those without one are left.
        List<UnexpectedCall> orphans = resource.server.takeUnexpectedCalls();
        if (!orphans.isEmpty()) {
            throw new AssertionError(
                    "Expecting only calls the Wawp mock serves, but the tests of "
                            + context.getDisplayName() + " made " + orphans.size()
                            + " it does not, without an access token, "
                            + "so no single test can be blamed:\n" + describe(orphans)
                            + "\nFix the path or method, or turn the check off with @WawpMockTest(failOnUnexpectedCalls = false).");
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        TestScope scope = testScope(context);
        if (!scope.fixed) {
            return;
        }
        ConcurrentMap<String, String> leases = resource(context).leases;
        String me = context.getUniqueId();
        String holder = leases.putIfAbsent(scope.token, me);
        if (holder != null && !holder.equals(me)) {
            throw new ExtensionConfigurationException("Expected one test at a time on the fixed token "
                    + Secrets.mask(scope.token) + ", but " + context.getDisplayName() + " started while "
                    + describeTest(holder) + " still uses it. Tests on one fixed token share its sessions, faults and "
                    + "journal, so they cannot run concurrently. Run them one after another with "
                    + "@Execution(ExecutionMode.SAME_THREAD) on the class, or drop the fixed token so each test gets "
                    + "its own (the app then reads it per test, e.g. from a @WawpToken String parameter).");
        }
        context.getStore(NS).put(Lease.class, new Lease(leases, scope.token, me));
        scope.mock.reset();
        Config config = config(context);
        if (config.quota >= 0) {
            scope.mock.tokens().quota(scope.token, config.quota);
        } else {
            scope.mock.tokens().unlimited(scope.token); // a token's reset keeps its quota; a test's limit must not
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NS);
        TestScope scope = store.get(TestScope.class, TestScope.class);
        Lease lease = store.remove(Lease.class, Lease.class);
        if (scope == null || (scope.fixed && lease == null)) {
            return; // refused at start: the token's share belongs to the test that holds it
        }
        List<UnexpectedCall> unexpected;
        try {
            Config config = config(context);
            // By token wherever tests may share the server; a METHOD server is the test's alone.
            unexpected = config.scope != ServerScope.METHOD
                    ? scope.mock.takeUnexpectedCalls()
                    : server(context).takeUnexpectedCalls();
            if (!scope.fixed) {
                scope.mock.reset();
            }
            if (config.failOnUnexpectedCalls && !unexpected.isEmpty()) {
                throw new AssertionError("Expecting only calls the Wawp mock serves, but " + context.getDisplayName()
                        + " made " + unexpected.size() + " it does not:\n" + describe(unexpected)
                        + "\nFix the path or method, or turn the check off with "
                        + "@WawpMockTest(failOnUnexpectedCalls = false).");
            }
        } finally {
            if (lease != null) {
                lease.close();
            }
        }
    }

    private static String describe(List<UnexpectedCall> calls) {
        return calls.stream().map(c -> "  " + c.describe()).collect(Collectors.joining("\n"));
    }

    private static String describeTest(String uniqueId) {
        return uniqueId.replaceAll(".*\\[method:([^(\\]]*).*", "$1()");
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == WawpMock.class
                || type == WawpMockServer.class
                || type == URI.class
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
            String fixed = config(context).token;
            if (type == WawpMock.class) {
                return fixed == null ? server(context) : server(context).forToken(fixed);
            }
            if (fixed != null) {
                return fixed;
            }
            throw new ParameterResolutionException("Expected @WawpToken on a test or @BeforeEach/@AfterEach method "
                    + "parameter, but it is on "
                    + parameter.getDeclaringExecutable().getName()
                    + ", which runs outside a test. Move it to a method that runs per test, or give the extension a "
                    + "fixed token: @WawpMockTest(token = \"app-token\").");
        }
        TestScope scope = testScope(context);
        return type == WawpMock.class ? scope.mock : scope.token;
    }

    private TestScope testScope(ExtensionContext context) {
        return context.getStore(NS)
                .getOrComputeIfAbsent(
                        TestScope.class,
                        k -> {
                            WawpMockServer server = server(context);
                            Config config = config(context);
                            if (config.token != null) {
                                return new TestScope(config.token, server.forToken(config.token), true);
                            }
                            String token = "wawp-test-"
                                    + HexFormat.of()
                                            .toHexDigits(
                                                    ThreadLocalRandom.current().nextLong());
                            if (config.quota >= 0) {
                                server.tokens().quota(token, config.quota);
                            }
                            return new TestScope(token, server.forToken(token), false);
                        },
                        TestScope.class);
    }

    private WawpMockServer server(ExtensionContext context) {
        return resource(context).server;
    }

    private ServerResource resource(ExtensionContext context) {
        Config config = config(context);
        ExtensionContext owner = switch (config.scope) {
            case SHARED -> context.getRoot();
            case CLASS -> classContext(context);
            case METHOD -> {
                if (context.getTestMethod().isEmpty()) {
                    throw new ExtensionConfigurationException("Expected the mock of a METHOD-scoped @WawpMockTest "
                            + "to be used by test methods, but " + context.getDisplayName()
                            + " asked for it outside one. "
                            + "Use ServerScope.CLASS to share one server with @BeforeAll.");
                }
                yield context;
            }
        };
        return owner.getStore(NS).getOrComputeIfAbsent(config, k -> config.start(), ServerResource.class);
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
        for (Optional<Class<?>> c = context.getTestClass();
                c.isPresent() && annotation.isEmpty();
                c = Optional.ofNullable(c.get().getEnclosingClass())) {
            annotation = AnnotationSupport.findAnnotation(c.get(), WawpMockTest.class);
        }
        return annotation
                .map(a -> new Config(
                        a.scope(),
                        a.bootDelayMillis() < 0 ? null : Duration.ofMillis(a.bootDelayMillis()),
                        a.quota(),
                        a.failOnUnexpectedCalls(),
                        a.token().isEmpty() ? null : checkedToken(a.token(), ExtensionConfigurationException::new)))
                .orElse(new Builder().config());
    }

    private static <E extends RuntimeException> String checkedToken(String token, Function<String, E> failure) {
        if (token == null || token.isBlank() || token.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw failure.apply("Expected a fixed token of printable ASCII characters without spaces, but got "
                    + (token == null ? "null" : "'" + Secrets.mask(token) + "' (" + token.length() + " characters)")
                    + ". Use the token your application is configured with, such as \"app-token\".");
        }
        return token;
    }

    /** One test's token and its view of the mock. */
    private record TestScope(String token, WawpMock mock, boolean fixed) {}

    /** The class's mock as the static field gives it; no server under METHOD scope. */
    private record Bound(String owner, WawpMockServer server, WawpMock view) {}

    /** One test's hold on a fixed token; given back after the test. */
    private record Lease(ConcurrentMap<String, String> leases, String token, String holder) {
        void close() {
            leases.remove(token, holder);
        }
    }

    /** What a server looks like; equal configurations share a SHARED server. */
    private record Config(
            ServerScope scope, Duration bootDelay, int quota, boolean failOnUnexpectedCalls, String token) {
        ServerResource start() {
            WawpMockServer.Builder b = WawpMockServer.builder();
            if (bootDelay == null) {
                b.manualBoot();
            } else {
                b.bootDelay(bootDelay);
            }
            if (token != null) {
                b.token(token); // valid from the start, and again after any reset
            }
            return new ServerResource(b.build().start(), new ConcurrentHashMap<>());
        }
    }

    /**
     * Closes the server when its scope's store closes. AutoCloseable is what JUnit 5.13+ closes
     * (without a warning); CloseableResource is what 5.10 to 5.12 close. Closing twice is harmless.
     */
    @SuppressWarnings("deprecation")
    private record ServerResource(WawpMockServer server, ConcurrentMap<String, String> leases)
            implements AutoCloseable, ExtensionContext.Store.CloseableResource {
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
        private String token;

        private Builder() {}

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

        /**
         * Gives every test one fixed access token instead of its own: the token an application is
         * wired with once (a Spring property, a config file). It is valid from the start; its
         * sessions, faults, journal, quota and unexpected calls are reset before each test; tests that
         * would use it at the same time are refused. Default: a fresh token per test.
         *
         * @throws IllegalArgumentException when the token is blank or has spaces or non-ASCII characters
         */
        public Builder token(String token) {
            this.token = checkedToken(token, IllegalArgumentException::new);
            return this;
        }

        /** Creates the extension. */
        public WawpMockExtension build() {
            return new WawpMockExtension(config());
        }

        private Config config() {
            return new Config(scope, bootDelay, quota, failOnUnexpectedCalls, token);
        }
    }
}
