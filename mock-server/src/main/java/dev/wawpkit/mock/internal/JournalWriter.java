package dev.wawpkit.mock.internal;

import dev.wawpkit.mock.RecordedRequest;
import wiremock.jakarta.servlet.http.HttpServletRequest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns one answered API call into a masked journal entry. */
final class JournalWriter {
    private final Journal journal;

    JournalWriter(Journal journal) {
        this.journal = journal;
    }

    void record(HttpServletRequest req, Exchange x, int status) {
        Secrets.Known secrets = x.secrets();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Enumeration<String> names = req.getHeaderNames(); names.hasMoreElements(); ) {
            String name = names.nextElement();
            Enumeration<String> values = req.getHeaders(name);
            String first = values.nextElement();
            if (!values.hasMoreElements()) {
                headers.put(name, List.of(Secrets.maskHeader(name, first, secrets)));
                continue;
            }
            List<String> all = new ArrayList<>();
            all.add(Secrets.maskHeader(name, first, secrets));
            for (String v : Collections.list(values)) {
                all.add(Secrets.maskHeader(name, v, secrets));
            }
            headers.put(name, all);
        }
        String body = null;
        boolean truncated = false;
        if (x.body.length > 0) {
            String masked = Secrets.maskBody(new String(x.body, StandardCharsets.UTF_8), req.getContentType(), secrets);
            body = journal.keepBody(masked);
            truncated = body.length() < masked.length();
        }
        journal.add(x.token, new RecordedRequest(journal.nextSequence(), Instant.now(), x.endpoint, x.method, x.path,
                x.maskedQuery(), headers, body, truncated, status, x.fault,
                Secrets.mask(x.token), x.instanceId));
    }
}
