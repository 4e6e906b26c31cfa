package dev.wawpkit.conformance.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks access tokens in every string the suite prints or writes: the first 4 characters and "...".
 *
 * <p>Process-wide on purpose: the report listener, the CLI and the tests' failure messages all go
 * through it, and a token must never escape through any of them. Tokens are also masked wherever
 * they appear as a credential parameter, registered or not.
 */
public final class Masking {
    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
    private static final Pattern PARAMETER = Pattern.compile(
            "(access_token=|access-token:\\s*|\"access_token\"\\s*:\\s*\")([^&\\s\"',;)]+)");

    private Masking() {
    }

    /** Registers a secret to mask from now on; null and blank values are ignored. */
    public static void register(String secret) {
        if (secret != null && !secret.isBlank()) {
            SECRETS.add(secret);
        }
    }

    /** Returns the masked form of one token: its first 4 characters and "...". */
    public static String maskToken(String token) {
        if (token == null) {
            return "null";
        }
        return (token.length() <= 4 ? token.substring(0, Math.min(1, token.length())) : token.substring(0, 4)) + "...";
    }

    /** Returns the text with every registered secret and every credential parameter masked. */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : SECRETS) {
            if (out.contains(secret)) {
                out = out.replace(secret, maskToken(secret));
            }
        }
        Matcher m = PARAMETER.matcher(out);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = m.group(2);
            String masked = value.endsWith("...") ? value : maskToken(value);
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + masked));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
