package dev.wawpkit.contracts.internal;

/** Masks access tokens for messages and {@code toString()}; not part of the API. */
public final class Secrets {
    private static final int SHOWN = 4;

    private Secrets() {
    }

    /**
     * Masks a token as its first four characters and {@code "..."}, for example {@code dev-...}.
     * Tokens of four characters or fewer show nothing but {@code "..."}; null stays null.
     */
    public static String mask(String token) {
        if (token == null) {
            return null;
        }
        return token.length() <= SHOWN ? "..." : token.substring(0, SHOWN) + "...";
    }

    /** Replaces every occurrence of the token in the text with its mask. */
    public static String scrub(String text, String token) {
        if (text == null || token == null || token.isEmpty()) {
            return text;
        }
        return text.replace(token, mask(token));
    }
}
