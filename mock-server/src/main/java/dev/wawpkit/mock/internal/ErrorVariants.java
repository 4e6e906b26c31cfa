package dev.wawpkit.mock.internal;

import dev.wawpkit.mock.Endpoint;
import dev.wawpkit.mock.Format;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Holds the specification's table of error statuses, their formats, and where they are documented. */
public final class ErrorVariants {
    private static final Map<Integer, Set<Format>> FORMATS = new LinkedHashMap<>();

    static {
        FORMATS.put(400, EnumSet.of(Format.JSON, Format.XML, Format.TEXT));
        FORMATS.put(401, EnumSet.of(Format.JSON, Format.XML));
        FORMATS.put(403, EnumSet.of(Format.JSON));
        FORMATS.put(404, EnumSet.of(Format.JSON, Format.XML));
        FORMATS.put(500, EnumSet.of(Format.JSON, Format.HTML));
        FORMATS.put(502, EnumSet.of(Format.JSON, Format.XML));
    }

    private ErrorVariants() {}

    /** Lists the formats documented for a status on any endpoint (the union). */
    public static Set<Format> formatsFor(int status) {
        return FORMATS.getOrDefault(status, Set.of());
    }

    /**
     * Lists the formats documented for a status on one endpoint: create documents its errors as
     * JSON only; the other endpoints share the table (spec section 3). A null endpoint (an unknown
     * path) uses the shared table.
     */
    public static Set<Format> formatsFor(Endpoint endpoint, int status) {
        if (endpoint == Endpoint.CREATE) {
            return statusesFor(endpoint).contains(status) ? Set.of(Format.JSON) : Set.of();
        }
        return formatsFor(status);
    }

    /** Lists the error statuses documented for an endpoint: create has 403 but no 404 or 502. */
    public static Set<Integer> statusesFor(Endpoint endpoint) {
        return endpoint == Endpoint.CREATE ? Set.of(400, 401, 403, 500) : Set.of(400, 401, 404, 500, 502);
    }

    public static String describe() {
        StringBuilder sb = new StringBuilder();
        FORMATS.forEach((status, formats) -> {
            sb.append(sb.length() == 0 ? "" : "; ").append(status).append(':');
            formats.forEach(f -> sb.append(' ').append(f.key()));
        });
        return sb.append("; create: json only").toString();
    }
}
