package dev.wawpkit.mock;

import java.util.List;
import java.util.Map;

/**
 * Lists the Pact provider states the mock sets up at {@code POST /__admin/wawp/provider-states},
 * as parameterised sentences: the one place they are written, for the mock and for the consumer
 * pacts that use them.
 *
 * <p>The sentence is the state's name, kept with its {@code {placeholders}}; the values travel as
 * the state's params under the same names (or written into the sentence in their place). Each
 * state is self-contained: it sets the token, quota, session or fault it names, whatever earlier
 * states left, so a verifier needs no teardown between interactions. An empty state is a no-op.
 * Tokens in the examples are obviously fake.
 */
public final class ProviderStates {
    /**
     * Seeds session {@code instance_id} in {@code status} (STOPPED, STARTING, ...) for
     * {@code access_token}, replacing any session of that id; the token becomes valid.
     */
    public static final String SESSION_IS = "session {instance_id} is {status} for token {access_token}";
    /** Makes {@code access_token} valid with creates left (no limit). */
    public static final String TOKEN_IS_VALID = "token {access_token} is valid";
    /** Makes {@code access_token} unknown to the mock (401). */
    public static final String TOKEN_IS_NOT_VALID = "token {access_token} is not valid";
    /** Makes {@code access_token} valid with its create quota used up (403). */
    public static final String TOKEN_HAS_NO_QUOTA = "token {access_token} has no quota left";
    /** Makes {@code access_token} valid and deletes session {@code instance_id} if it exists (404). */
    public static final String NO_SESSION = "no session {instance_id} exists for token {access_token}";
    /**
     * Makes exactly the next call of {@code endpoint} (the mock's short name: create, start, info,
     * ...) fail with {@code status} (500 or 502) as {@code format} (json, xml or html), replacing
     * any fault still armed for that endpoint.
     */
    public static final String NEXT_CALL_FAILS = "the next {endpoint} call fails with {status} as {format}";

    private ProviderStates() {}

    /** Returns every sentence, in the order above. */
    public static List<String> sentences() {
        return List.of(SESSION_IS, TOKEN_IS_VALID, TOKEN_IS_NOT_VALID, TOKEN_HAS_NO_QUOTA, NO_SESSION, NEXT_CALL_FAILS);
    }

    /** Returns the params of {@link #SESSION_IS}. */
    public static Map<String, Object> session(String instanceId, String status, String accessToken) {
        return Map.of("instance_id", instanceId, "status", status, "access_token", accessToken);
    }

    /** Returns the params of the token sentences. */
    public static Map<String, Object> token(String accessToken) {
        return Map.of("access_token", accessToken);
    }

    /** Returns the params of {@link #NO_SESSION}. */
    public static Map<String, Object> noSession(String instanceId, String accessToken) {
        return Map.of("instance_id", instanceId, "access_token", accessToken);
    }

    /** Returns the params of {@link #NEXT_CALL_FAILS}. */
    public static Map<String, Object> fault(String endpoint, int status, String format) {
        return Map.of("endpoint", endpoint, "status", status, "format", format);
    }
}
