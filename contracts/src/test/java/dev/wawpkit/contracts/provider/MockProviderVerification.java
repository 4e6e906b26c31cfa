package dev.wawpkit.contracts.provider;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.StateChangeAction;
import au.com.dius.pact.provider.junitsupport.VerificationReports;
import dev.wawpkit.mock.ProviderStates;
import dev.wawpkit.mock.WawpMockServer;
import dev.wawpkit.mock.junit5.WawpMockTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Verifies the mock server, as provider {@code wawp-api}, against the pacts its subclass names with
 * {@code @PactFolder}: one test per interaction, each against a fresh state.
 *
 * <p>Every provider state is set up through the mock's HTTP provider-state endpoint, never its
 * Java API: each {@code @State} method posts its sentence and params there and hands the values the
 * mock returns to Pact. A sentence the mock does not know fails there (400), and a sentence no
 * method here names fails in Pact ({@code ProviderStatesAreKnownToTheMockTest} and
 * {@code UnknownProviderStateTest} show both). Sessions stay
 * {@code STARTING} until moved ({@code bootDelayMillis = -1}); teardown resets the whole mock.
 */
@WawpMockTest(bootDelayMillis = -1)
// No console report per interaction (a quiet build prints nothing); a failure still fails its test
// with Pact's description of what differed.
@VerificationReports(
        value = {},
        reportDir = "target")
abstract class MockProviderVerification {
    private MockProviderStates states;

    @BeforeEach
    void target(PactVerificationContext context, WawpMockServer mock) {
        context.setTarget(new HttpTestTarget("127.0.0.1", mock.port()));
        states = new MockProviderStates(mock.baseUrl());
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void verify(PactVerificationContext context) {
        context.verifyInteraction();
    }

    @State(ProviderStates.SESSION_IS)
    Map<String, Object> sessionIs(Map<String, Object> params) {
        return states.setUp(ProviderStates.SESSION_IS, params);
    }

    @State(ProviderStates.NO_SESSION)
    Map<String, Object> noSession(Map<String, Object> params) {
        return states.setUp(ProviderStates.NO_SESSION, params);
    }

    @State(ProviderStates.TOKEN_IS_VALID)
    Map<String, Object> tokenIsValid(Map<String, Object> params) {
        return states.setUp(ProviderStates.TOKEN_IS_VALID, params);
    }

    @State(ProviderStates.TOKEN_IS_NOT_VALID)
    Map<String, Object> tokenIsNotValid(Map<String, Object> params) {
        return states.setUp(ProviderStates.TOKEN_IS_NOT_VALID, params);
    }

    @State(ProviderStates.TOKEN_HAS_NO_QUOTA)
    Map<String, Object> tokenHasNoQuota(Map<String, Object> params) {
        return states.setUp(ProviderStates.TOKEN_HAS_NO_QUOTA, params);
    }

    @State(ProviderStates.NEXT_CALL_FAILS)
    Map<String, Object> nextCallFails(Map<String, Object> params) {
        return states.setUp(ProviderStates.NEXT_CALL_FAILS, params);
    }

    /** Resets the whole mock after each interaction, whichever states it had. */
    @State(
            value = {
                ProviderStates.SESSION_IS,
                ProviderStates.NO_SESSION,
                ProviderStates.TOKEN_IS_VALID,
                ProviderStates.TOKEN_IS_NOT_VALID,
                ProviderStates.TOKEN_HAS_NO_QUOTA,
                ProviderStates.NEXT_CALL_FAILS
            },
            action = StateChangeAction.TEARDOWN)
    void tearDown() {
        states.tearDown("the states of the interaction just verified");
    }
}
