package dev.wawpkit.contracts;

import java.util.Map;

/**
 * Lists every provider state the consumer pacts use, as parameterised sentences.
 *
 * <p>The sentence is the state's name, kept with its {@code {placeholders}}; the values travel as
 * the state's params under the same names. A provider implements each sentence once (for example
 * with Pact's {@code @State(ProviderStates.SESSION_IS)}), reads the params, and may return
 * {@code instance_id} and {@code access_token} to be injected into the request in place of the
 * examples. Tokens here are obviously fake.
 */
public final class ProviderStates {
    /** Params: {@code instance_id}, {@code status} (STOPPED, STARTING, ...), {@code access_token}. */
    public static final String SESSION_IS = "session {instance_id} is {status} for token {access_token}";
    /** Params: {@code access_token}. */
    public static final String TOKEN_IS_VALID = "token {access_token} is valid";
    /** Params: {@code access_token}. */
    public static final String TOKEN_IS_NOT_VALID = "token {access_token} is not valid";
    /** Params: {@code access_token}; a valid token whose create quota is used up. */
    public static final String TOKEN_HAS_NO_QUOTA = "token {access_token} has no quota left";
    /** Params: {@code instance_id}, {@code access_token}. */
    public static final String NO_SESSION = "no session {instance_id} exists for token {access_token}";
    /**
     * Params: {@code endpoint} (the mock's short name: create, start, info, ...), {@code status}
     * (integer 500 or 502), {@code format} (json, xml or html).
     */
    public static final String NEXT_CALL_FAILS = "the next {endpoint} call fails with {status} as {format}";

    private ProviderStates() {
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
