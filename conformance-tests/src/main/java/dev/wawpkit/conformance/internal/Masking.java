package dev.wawpkit.conformance.internal;

import dev.wawpkit.mock.internal.Secrets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scrubs access tokens from every string the suite prints or writes. Each token is shown as the mock shows it
 * ({@link Secrets#mask}: the first 4 characters and "...", a short token only "..."); this class only finds them.
 *
 * <p>Process-wide on purpose: the report, the CLI and the rows' failure messages all go through it, and a token
 * must never escape through any of them. Tokens are also masked wherever they appear as a credential parameter.
 */
public final class Masking {
    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
    private static final Pattern PARAMETER = Pattern.compile(
            "(access_token=|access-token:\\s*|\"access_token\"\\s*:\\s*\")([^&\\s\"',;){]+)");

    private Masking() {
    }

    /** Registers a secret to mask from now on; null and blank values are ignored. */
    public static void register(String secret) {
        if (secret != null && !secret.isBlank()) {
            SECRETS.add(secret);
        }
    }

    /** Returns one token masked; null shows as nothing, never as "null". */
    public static String token(String token) {
        return token == null ? "" : Secrets.mask(token);
    }

    /** Returns the text with every registered secret and every credential parameter masked. */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : SECRETS) {
            out = out.replace(secret, Secrets.mask(secret));
        }
        Matcher m = PARAMETER.matcher(out);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = m.group(2);
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + (value.endsWith("...") ? value : Secrets.mask(value))));
        }
        return m.appendTail(sb).toString();
    }
}
