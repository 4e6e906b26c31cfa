package dev.wawpkit.mock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wawpkit.spec.TokenMask;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Iterator;
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
     * The secret values one request was found to carry, with the URL-encoded form of each worked out
     * once, so masking a dozen headers costs a dozen {@code indexOf}s.
     */
    static final class Known {
        static final Known NONE = new Known(List.of());
        private final String[] raw;
        private final String[] encoded;
        private final String[] masked;

        private Known(Collection<String> secrets) {
            List<String> kept = secrets.stream()
                    .filter(v -> v != null && v.length() >= MIN_VALUE_HUNT)
                    .distinct()
                    .toList();
            raw = kept.toArray(new String[0]);
            encoded = new String[raw.length];
            masked = new String[raw.length];
            for (int i = 0; i < raw.length; i++) {
                String e = URLEncoder.encode(raw[i], StandardCharsets.UTF_8);
                encoded[i] = e.equals(raw[i]) ? null : e;
                masked[i] = mask(raw[i]);
            }
        }

        static Known of(Collection<String> secrets) {
            return secrets.isEmpty() ? NONE : new Known(secrets);
        }

        String maskIn(String text) {
            String out = text;
            for (int i = 0; i < raw.length; i++) {
                if (out.contains(raw[i])) {
                    out = out.replace(raw[i], masked[i]);
                }
                if (encoded[i] != null && out.contains(encoded[i])) {
                    out = out.replace(encoded[i], masked[i]);
                }
            }
            return out;
        }
    }

    /** Returns the path and query with every credential masked (see {@link #maskQuery}). */
    static String maskUrl(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q + 1) + maskQuery(url.substring(q + 1), Set.of());
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
                if (root != null && root.isContainerNode() && maskJson(root)) {
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

    private static boolean maskJson(JsonNode node) {
        boolean changed = false;
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (isSecretName(field.getKey())
                        && field.getValue().isValueNode()
                        && !field.getValue().isNull()) {
                    field.setValue(Renderer.JSON
                            .getNodeFactory()
                            .textNode(mask(field.getValue().asText())));
                    changed = true;
                } else {
                    changed |= maskJson(field.getValue());
                }
            }
        } else if (node != null && node.isArray()) {
            for (JsonNode item : node) {
                changed |= maskJson(item);
            }
        }
        return changed;
    }

    private static String decodeQuietly(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
