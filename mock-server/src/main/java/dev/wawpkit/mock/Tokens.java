package dev.wawpkit.mock;

import dev.wawpkit.mock.internal.ControlPort;
import java.util.List;

/**
 * Sets which access tokens a mock accepts and how many sessions each may create.
 *
 * <p>Setting a quota counts from now: {@code quota(token, 10)} allows 10 more creates.
 */
public final class Tokens {
    private final ControlPort port;

    Tokens(ControlPort port) {
        this.port = port;
    }

    /** Makes the token valid with this create quota (0 means every create gets 403). */
    public TokenQuota quota(String token, int creates) {
        return port.putToken(token, creates);
    }

    /** Makes the token valid with no create limit. */
    public TokenQuota unlimited(String token) {
        return port.putToken(token, null);
    }

    /** Lists the valid tokens, masked, with their quotas. */
    public List<TokenQuota> list() {
        return port.tokens();
    }
}
