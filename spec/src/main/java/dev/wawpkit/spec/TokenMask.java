package dev.wawpkit.spec;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks credentials the one way every module shows them: the first 4 characters and {@code ...}.
 *
 * <p>The mock, the reference client and the conformance suite all call this class, so a token looks
 * the same in a mock's journal, a client's exception and a conformance report. Stateless and
 * thread-safe.
 */
public final class TokenMask {
    private static final int SHOWN = 4;
    /**
     * {@code name=value} or {@code "name": "value"} in free text, for lines a server or a client prints; the name
     * stands on its own, not inside a longer one.
     */
    private static final Pattern NAMED_IN_TEXT = Pattern.compile(
            "((?<![A-Za-z0-9_])"
                    + "(?i:access(?:[_-]|%5f|%2d)token|x-wawp-admin-token|authorization)[\"']?\\s*[=:]\\s*[\"']?)([^&\\s\"',}<]+)");
    /** A template placeholder such as {@code {token}}, {@code {invalid token}} or {@code ${access_token}}. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$?\\{[^{}\\r\\n]{1,40}}");

    private TokenMask() {}

    /**
     * Masks a token as its first four characters and {@code "..."}, for example {@code dev-...}.
     * Tokens of four characters or fewer show nothing but {@code "..."}; null stays null. Masking a
     * masked token changes nothing.
     */
    public static String mask(String token) {
        if (token == null) {
            return null;
        }
        return token.length() <= SHOWN ? "..." : token.substring(0, SHOWN) + "...";
    }

    /** Replaces every occurrence of the token in the text with its mask; a null or empty token changes nothing. */
    public static String scrub(String text, String token) {
        if (text == null || token == null || token.isEmpty()) {
            return text;
        }
        return text.replace(token, mask(token));
    }

    /**
     * Masks the values of credentials named in free text: {@code access_token=...},
     * {@code access-token: ...}, {@code "access_token": "..."}, the admin token and
     * {@code Authorization}, the name in any case and URL-encoded. A name inside a longer one
     * ({@code WAWP_ACCESS_TOKEN=}, which says where a token comes from) and a template placeholder
     * ({@code access_token={token}}) are left as they are. Null stays null.
     */
    public static String maskText(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = NAMED_IN_TEXT.matcher(text);
        StringBuilder sb = new StringBuilder(text.length());
        while (m.find()) {
            String value = m.group(2);
            boolean placeholder =
                    PLACEHOLDER.matcher(text).region(m.start(2), text.length()).lookingAt();
            m.appendReplacement(
                    sb, Matcher.quoteReplacement(placeholder ? m.group() : m.group(1) + mask(decodeQuietly(value))));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String decodeQuietly(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
