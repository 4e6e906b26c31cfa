package dev.wawpkit.conformance.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.wawpkit.conformance.Behaviour;
import dev.wawpkit.conformance.Exchange;
import dev.wawpkit.spec.TokenMask;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Saves what a target that is not a Wawp mock answered to one behaviour, as {@code <behaviour id>.json}: the request
 * (method, path, Accept), the status, the headers that matter and the body, tokens and instance ids masked, keys
 * sorted and pretty-printed, so a person can read it and commit it. The mock answers with such files ({@code --observed}).
 */
public final class Capture {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final Pattern INSTANCE =
            Pattern.compile("(\"instance_id\"\\s*:\\s*\"|instance_id=)([A-Za-z0-9]{5,})");

    private Capture() {}

    /** Writes the behaviour's own response (the first with its documented status, else the first); nothing when none came. */
    public static void write(Path dir, Behaviour b, List<Exchange> exchanges) {
        Exchange ex = exchanges.stream()
                .filter(e -> e.status() == b.status())
                .findFirst()
                .orElse(exchanges.isEmpty() ? null : exchanges.get(0));
        if (ex == null || !ex.answered()) {
            return;
        }
        Map<String, Object> file = new TreeMap<>();
        file.put("behaviour", b.id());
        file.put("request", Map.of("method", ex.method(), "path", ex.path(), "accept", ex.accept()));
        file.put("status", ex.status());
        file.put("headers", ex.contentType().isEmpty() ? Map.of() : Map.of("Content-Type", ex.contentType()));
        file.put(
                "body",
                ex.json()
                        .filter(n -> n.isContainerNode())
                        .map(n -> JSON.convertValue(n, Object.class))
                        .orElse(ex.body()));
        try {
            String text = JSON.writeValueAsString(file);
            Matcher id = INSTANCE.matcher(ex.url());
            if (id.find()) {
                text = text.replace(id.group(2), TokenMask.mask(id.group(2)));
            }
            Matcher fields = INSTANCE.matcher(text);
            StringBuilder sb = new StringBuilder();
            while (fields.find()) {
                fields.appendReplacement(
                        sb, Matcher.quoteReplacement(fields.group(1) + TokenMask.mask(fields.group(2))));
            }
            Files.createDirectories(dir);
            Files.writeString(
                    dir.resolve(b.id() + ".json"),
                    Masking.mask(fields.appendTail(sb).toString()) + "\n",
                    StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the capture of " + b.id() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not write the capture of " + b.id() + " into " + dir + ": " + e.getMessage(), e);
        }
    }
}
