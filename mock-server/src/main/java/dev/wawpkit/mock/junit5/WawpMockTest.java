package dev.wawpkit.mock.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against a Wawp mock: a {@code WawpMock} (the test's own view),
 * {@code WawpMockServer}, {@code URI} (the base URL) or {@code @WawpToken String} parameter
 * receives it.
 *
 * <pre>{@code
 * @WawpMockTest
 * class OnboardingTest {
 *     @Test
 *     void showsTheQrCode(WawpMock mock, @WawpToken String token) { ... }
 * }
 * }</pre>
 *
 * <p>Defaults: one server per class on a free loopback port, each test with its own token, a
 * 500 ms boot delay, no quota, and a test fails when it called a path or method the mock does
 * not serve.
 */
@Documented
@Inherited
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(WawpMockExtension.class)
public @interface WawpMockTest {

    /** Returns how long a server lives: per class (default), per method, or shared by the run. */
    ServerScope scope() default ServerScope.CLASS;

    /** Returns how long STARTING lasts, in milliseconds; -1 boots only when told (manual). */
    long bootDelayMillis() default 500;

    /** Returns how many sessions each test's token may create; -1 for no limit. */
    int quota() default -1;

    /** Returns whether a call to a path or method the mock does not serve fails the test. */
    boolean failOnUnexpectedCalls() default true;

    /**
     * Returns the one access token every test uses, such as the token the application under test
     * is configured with; empty (the default) gives each test a fresh token of its own. A fixed
     * token is valid from the start, its share of the mock is reset before each test, and tests
     * that would use it at the same time are refused.
     */
    String token() default "";
}
