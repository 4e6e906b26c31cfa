package dev.wawpkit.conformance.internal;

import dev.wawpkit.spec.TokenMask;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scrubs access tokens from every string the suite prints or writes. Each token is shown as every module shows it
 * ({@link TokenMask#mask}: the first 4 characters and "...", a short token only "..."); this class only finds them.
 *
 * <p>Process-wide on purpose: the report, the CLI and the rows' failure messages all go through it, and a token
 * must never escape through any of them. Tokens are also masked wherever they appear as a credential parameter
 * ({@link TokenMask#maskText}).
 */
public final class Masking {
    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

    private Masking() {}

    /** Registers a secret to mask from now on; null and blank values are ignored. */
    public static void register(String secret) {
        if (secret != null && !secret.isBlank()) {
            SECRETS.add(secret);
        }
    }

    /** Returns one token masked; null shows as nothing, never as "null". */
    public static String token(String token) {
        return token == null ? "" : TokenMask.mask(token);
    }

    /** Returns the text with every registered secret and every credential parameter masked. */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : SECRETS) {
            out = TokenMask.scrub(out, secret);
        }
        return TokenMask.maskText(out);
    }
}
