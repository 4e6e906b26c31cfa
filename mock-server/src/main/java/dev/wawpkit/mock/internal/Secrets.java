package dev.wawpkit.mock.internal;

/** Masks access tokens wherever the mock shows them: first 4 characters and {@code ...}. */
public final class Secrets {
    private Secrets() {
    }

    /** Returns the token's first 4 characters and {@code ...}; a shorter token shows only {@code ...}. */
    public static String mask(String token) {
        if (token == null) {
            return null;
        }
        return token.length() > 4 ? token.substring(0, 4) + "..." : "...";
    }

    /** Returns the path and query with every {@code access_token} value masked. */
    static String maskUrl(String url) {
        int q = url.indexOf('?');
        if (q < 0 || !url.contains("access_token")) {
            return url;
        }
        StringBuilder sb = new StringBuilder(url.length()).append(url, 0, q + 1);
        String[] pairs = url.substring(q + 1).split("&", -1);
        for (int i = 0; i < pairs.length; i++) {
            String pair = pairs[i];
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals("access_token")) {
                pair = "access_token=" + mask(pair.substring(eq + 1));
            }
            sb.append(i == 0 ? "" : "&").append(pair);
        }
        return sb.toString();
    }
}
