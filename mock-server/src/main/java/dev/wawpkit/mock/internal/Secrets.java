package dev.wawpkit.mock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wawpkit.spec.TokenMask;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Masks credentials wherever the mock shows them: first 4 characters and {@code ...}.
 *
 * <p>By meaning, not spelling: a parameter name is compared after URL-decoding and folding case,
 * {@code -} and {@code _} ({@code access%5Ftoken}, {@code Access-Token} and {@code access_token}
 * are one name), and the token values a request was found to carry are masked wherever else
 * they appear, raw or URL-encoded.
 */
public final class Secrets {
    /** Names (folded: lower case, {@code -} as {@code _}) whose values are credentials. */
    private static final Set<String> SECRET_NAMES = Set.of(
            "access_token",
            "token",
            "admin_token",
            "x_wawp_admin_token",
            "authorization",
            "proxy_authorization",
            "cookie",
            "set_cookie",
            "secret");
    /** Values shorter than this are not hunted for in free text: too likely to hit innocent text. */
    private static final int MIN_VALUE_HUNT = 6;

    private Secrets() {}

    /** Returns the token's first 4 characters and {@code ...}, as every module shows it ({@link TokenMask#mask}). */
    public static String mask(String token) {
        return TokenMask.mask(token);
    }

    /** The folded secret names, as arrays for an allocation-free comparison on the request path. */
    private static final String[] SECRET_NAME_LIST = SECRET_NAMES.toArray(new String[0]);

    /** Returns whether a parameter or header name stands for a credential, however it is spelt. */
    static boolean isSecretName(String name) {
        if (name == null) {
            return false;
        }
        if (name.indexOf('%') >= 0 || name.indexOf('+') >= 0) {
            try {
                name = URLDecoder.decode(name, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                // a broken escape: compare as sent
            }
        }
        for (String secret : SECRET_NAME_LIST) {
            if (foldedEquals(name, secret)) {
                return true;
            }
        }
        return false;
    }

    /** Compares ignoring case, with {@code -} and {@code _} as one; {@code folded} is already folded. */
    private static boolean foldedEquals(String name, String folded) {
        if (name.length() != folded.length()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            c = c == '-' ? '_' : Character.toLowerCase(c);
            if (c != folded.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The secret values one request was found to carry, with their other spellings worked out once:
     * the value raw, percent-encoded in any way (each character escaped or not, either hex case),
     * and in Base64 (standard or URL-safe, on its own or inside a longer Base64 value such as a
     * Basic credential, at any of the three byte alignments).
     */
    static final class Known {
        static final Known NONE = new Known(List.of());
        /** Characters that may continue a Base64 run to the left (no padding: {@code name=} stops it). */
        private static final String BASE64_BODY = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_";

        private final String[] raw;
        /** The UTF-8 bytes of each value as ISO-8859-1 characters: what a percent-decoding byte by byte yields. */
        private final String[] bytes;

        private final String[] masked;
        /** Per value: the Base64 characters that encode only its bytes, per alphabet and alignment. */
        private final String[][] base64;

        private Known(Collection<String> secrets) {
            List<String> kept = secrets.stream()
                    .filter(v -> v != null && v.length() >= MIN_VALUE_HUNT)
                    .distinct()
                    .toList();
            raw = kept.toArray(new String[0]);
            bytes = new String[raw.length];
            masked = new String[raw.length];
            base64 = new String[raw.length][];
            for (int i = 0; i < raw.length; i++) {
                byte[] utf8 = raw[i].getBytes(StandardCharsets.UTF_8);
                bytes[i] = new String(utf8, StandardCharsets.ISO_8859_1);
                masked[i] = mask(raw[i]);
                base64[i] = base64Cores(utf8);
            }
        }

        /**
         * For each alignment k (the value after k bytes of something else), the Base64 characters
         * whose 6 bits all come from the value, in the standard and the URL-safe alphabet.
         */
        private static String[] base64Cores(byte[] value) {
            Set<String> cores = new LinkedHashSet<>();
            for (int k = 0; k < 3; k++) {
                byte[] aligned = new byte[k + value.length];
                System.arraycopy(value, 0, aligned, k, value.length);
                String std = Base64.getEncoder().withoutPadding().encodeToString(aligned);
                String core = std.substring((8 * k + 5) / 6, 8 * (k + value.length) / 6);
                cores.add(core);
                cores.add(core.replace('+', '-').replace('/', '_'));
            }
            return cores.toArray(new String[0]);
        }

        static Known of(Collection<String> secrets) {
            return secrets.isEmpty() ? NONE : new Known(secrets);
        }

        /** The secrets one API call carried: its token and its access-token header, either may be null. */
        static Known of(String token, String headerToken) {
            return token == null && headerToken == null
                    ? NONE
                    : new Known(
                            headerToken == null || headerToken.equals(token)
                                    ? List.of(token)
                                    : token == null ? List.of(headerToken) : List.of(token, headerToken));
        }

        String maskIn(String text) {
            if (text == null || raw.length == 0) {
                return text;
            }
            String out = text;
            for (int i = 0; i < raw.length; i++) {
                if (out.contains(raw[i])) {
                    out = out.replace(raw[i], masked[i]);
                }
            }
            if (out.indexOf('%') >= 0) {
                out = maskPercentEncoded(out);
            }
            for (String[] cores : base64) {
                for (String core : cores) {
                    out = maskBase64(out, core);
                }
            }
            return out;
        }

        /** Decodes escapes byte by byte, keeping where each decoded character began, and masks the values found. */
        private String maskPercentEncoded(String text) {
            int length = text.length();
            StringBuilder decoded = new StringBuilder(length);
            int[] from = new int[length + 1];
            int at = 0;
            while (at < length) {
                from[decoded.length()] = at;
                char c = text.charAt(at);
                int hi = c == '%' && at + 2 < length ? hex(text.charAt(at + 1)) : -1;
                int lo = hi >= 0 ? hex(text.charAt(at + 2)) : -1;
                if (lo >= 0) {
                    decoded.append((char) (hi * 16 + lo));
                    at += 3;
                } else {
                    decoded.append(c);
                    at++;
                }
            }
            from[decoded.length()] = length;
            StringBuilder out = null;
            int copied = 0;
            int search = 0;
            while (search < decoded.length()) {
                int best = -1;
                int bestIndex = -1;
                for (int i = 0; i < bytes.length; i++) {
                    int found = decoded.indexOf(bytes[i], search);
                    if (found >= 0 && (best < 0 || found < best)) {
                        best = found;
                        bestIndex = i;
                    }
                }
                if (best < 0) {
                    break;
                }
                out = out == null ? new StringBuilder(length) : out;
                out.append(text, copied, from[best]).append(masked[bestIndex]);
                copied = from[best + bytes[bestIndex].length()];
                search = best + bytes[bestIndex].length();
            }
            return out == null ? text : out.append(text, copied, length).toString();
        }

        /** Masks each whole Base64 run that holds {@code core}: its first 4 characters and {@code ...}. */
        private static String maskBase64(String text, String core) {
            int found = text.indexOf(core);
            if (found < 0) {
                return text;
            }
            StringBuilder out = new StringBuilder(text.length());
            int copied = 0;
            while (found >= 0) {
                int start = found;
                while (start > copied && BASE64_BODY.indexOf(text.charAt(start - 1)) >= 0) {
                    start--;
                }
                int end = found + core.length();
                while (end < text.length() && BASE64_BODY.indexOf(text.charAt(end)) >= 0) {
                    end++;
                }
                while (end < text.length() && text.charAt(end) == '=') {
                    end++;
                }
                out.append(text, copied, start).append(mask(text.substring(start, end)));
                copied = end;
                found = text.indexOf(core, end);
            }
            return out.append(text, copied, text.length()).toString();
        }

        private static int hex(char c) {
            return Character.digit(c, 16);
        }
    }

    /** Returns the path and query with every credential masked (see {@link #maskQuery}). */
    static String maskUrl(String url) {
        return maskUrl(url, Known.NONE);
    }

    /** Returns the path and query with every credential masked, and the known values wherever they stand. */
    static String maskUrl(String url, Known secrets) {
        int q = url.indexOf('?');
        return q < 0
                ? secrets.maskIn(url)
                : secrets.maskIn(url.substring(0, q)) + "?" + maskQuery(url.substring(q + 1), secrets);
    }

    /**
     * Masks a query string or form body: values of credential names, and any of the known secret
     * values wherever they stand.
     */
    static String maskQuery(String query, Collection<String> secrets) {
        return maskQuery(query, Known.of(secrets));
    }

    static String maskQuery(String query, Known secrets) {
        if (query == null) {
            return null;
        }
        if (query.indexOf('=') < 0) {
            return secrets.maskIn(query);
        }
        StringBuilder sb = new StringBuilder(query.length());
        String[] pairs = query.split("&", -1);
        for (int i = 0; i < pairs.length; i++) {
            String pair = pairs[i];
            int eq = pair.indexOf('=');
            if (eq > 0 && isSecretName(pair.substring(0, eq))) {
                pair = pair.substring(0, eq + 1) + mask(decodeQuietly(pair.substring(eq + 1)));
            }
            sb.append(i == 0 ? "" : "&").append(pair);
        }
        return secrets.maskIn(sb.toString());
    }

    /** Masks a header value: whole for credential headers (after an auth scheme), else known values. */
    static String maskHeader(String name, String value, Known secrets) {
        if (value == null) {
            return null;
        }
        if (isSecretName(name)) {
            int space = value.indexOf(' ');
            return space > 0 && name.toLowerCase(Locale.ROOT).endsWith("authorization")
                    ? value.substring(0, space + 1)
                            + mask(value.substring(space + 1).trim())
                    : mask(value);
        }
        return secrets.maskIn(value);
    }

    /**
     * Masks a request body: JSON fields and form pairs with credential names (at any depth), any
     * {@code name=value} in other text, and the known secret values wherever they stand.
     */
    static String maskBody(String body, String contentType, Known secrets) {
        if (body == null || body.isEmpty()) {
            return body;
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        String out = body;
        if (type.contains("json")) {
            try {
                JsonNode root = Renderer.JSON.readTree(body);
                if (root != null && root.isContainerNode() && maskJson(root, secrets)) {
                    out = Renderer.JSON.writeValueAsString(root);
                }
            } catch (IOException | RuntimeException e) {
                out = maskText(body); // not JSON after all: mask what looks like a credential
            }
        } else if (type.startsWith("application/x-www-form-urlencoded")) {
            out = maskQuery(body, Set.of());
        } else {
            out = maskText(body);
        }
        return secrets.maskIn(out);
    }

    /** Masks {@code name=value} and {@code "name": "value"} credentials in a line of free text ({@link TokenMask#maskText}). */
    public static String maskText(String line) {
        return TokenMask.maskText(line);
    }

    /**
     * Masks credential fields and, in every other string, the known values: read decoded, so a
     * value written with JSON escapes ({@code \u002d}) is found too.
     */
    private static boolean maskJson(JsonNode node, Known secrets) {
        boolean changed = false;
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode value = field.getValue();
                JsonNode shown = isSecretName(field.getKey()) && value.isValueNode() && !value.isNull()
                        ? Renderer.JSON.getNodeFactory().textNode(mask(value.asText()))
                        : maskedText(value, secrets);
                if (shown != null) {
                    field.setValue(shown);
                    changed = true;
                } else {
                    changed |= maskJson(value, secrets);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode shown = maskedText(array.get(i), secrets);
                if (shown != null) {
                    array.set(i, shown);
                    changed = true;
                } else {
                    changed |= maskJson(array.get(i), secrets);
                }
            }
        }
        return changed;
    }

    /** A string node with the known values masked, or null when it is no string or holds none. */
    private static JsonNode maskedText(JsonNode node, Known secrets) {
        if (!node.isTextual()) {
            return null;
        }
        String shown = secrets.maskIn(node.textValue());
        return shown.equals(node.textValue())
                ? null
                : Renderer.JSON.getNodeFactory().textNode(shown);
    }

    private static String decodeQuietly(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
