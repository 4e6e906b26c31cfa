package dev.wawpkit.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wawpkit.conformance.Drift.Side;
import dev.wawpkit.conformance.internal.Masking;
import dev.wawpkit.conformance.internal.OpenApi;
import dev.wawpkit.spec.ErrorBody;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Compares what the target answered with the specification. Checks never stop the row: each mismatch is recorded as
 * a {@link Drift} tagged with the basis of the fact checked, and the extension fails the row afterwards: on any drift
 * against a Wawp mock, on a DOC or CLIENT drift against any other target (a DECIDED one there only "differs").
 */
public final class Checking {
    /** Paths whose success body is the mock's choice (specification section 2). */
    private static final Set<String> DECIDED_BODIES = Set.of("/v2/session/restart", "/v2/session/me", "/v2/status");

    private final Conformance wawp;
    private final List<String> observed = new ArrayList<>();
    /** Every drift the row found, and the responses it checked, in order: for the extension and the drift section. */
    final List<Drift> drifts = new ArrayList<>();

    final List<Exchange> exchanges = new ArrayList<>();
    /** Whether the row checked anything at all: a row that checks nothing fails. */
    boolean checked;

    Checking(Conformance wawp) {
        this.wawp = wawp;
    }

    /** Checks a response against the row: status, media type, OpenAPI shape and the error body's format. */
    public ResponseCheck expect(Exchange ex) {
        return expect(ex, wawp.behaviour.status(), wawp.behaviour.mediaType());
    }

    /** Checks a response of a step on the way to the behaviour, which answers the given status and media type. */
    public ResponseCheck expect(Exchange ex, int status, String mediaType) {
        checked = true;
        Basis basis = wawp.behaviour.basis();
        ResponseCheck check = new ResponseCheck(ex, DECIDED_BODIES.contains(ex.path()) ? Basis.DECIDED : basis);
        if (wawp.target.dry()) {
            return check;
        }
        observed.add(ex.describeResponse());
        exchanges.add(ex);
        if (!ex.answered()) {
            drift(Side.CONNECTION, basis, status + " " + mediaType, ex.describeResponse());
            return check;
        }
        // Error bodies, and which variant Accept picks, are the mock's choice: the documentation shows neither.
        Basis body = status >= 400 ? Basis.DECIDED : check.basis;
        boolean statusOk = ex.status() == status;
        boolean typeOk = ex.mediaType().equals(mediaType);
        if (!statusOk) {
            drift(Side.STATUS, basis, String.valueOf(status), String.valueOf(ex.status()));
        }
        if (!typeOk) {
            drift(Side.CONTENT_TYPE, body, mediaType, ex.contentType().isEmpty() ? "none" : ex.mediaType());
        }
        for (String message : OpenApi.validate(ex)) {
            if (message.contains("contentType")) {
                if (typeOk) {
                    drift(Side.CONTENT_TYPE, body, "a media type the OpenAPI description lists", message);
                }
            } else if (message.contains("status.unknown")) {
                if (statusOk) {
                    drift(Side.STATUS, basis, "a status the OpenAPI description lists", message);
                }
            } else {
                boolean decided = message.contains("server_name")
                        || ex.path().endsWith("/create") && message.contains("\"status\"");
                drift(Side.FIELD, decided ? Basis.DECIDED : body, "a body matching the OpenAPI description", message);
            }
        }
        if (typeOk && statusOk && status >= 400) {
            errorFormat(ex, status, mediaType);
        }
        return check;
    }

    private void errorFormat(Exchange ex, int status, String mediaType) {
        Basis d = Basis.DECIDED;
        switch (mediaType) {
            case "application/xml" -> {
                Element root = ErrorBody.xmlRoot(ex.body())
                        .filter(r -> r.getTagName().equals("error"))
                        .orElse(null);
                if (root == null) {
                    drift(
                            Side.FIELD,
                            d,
                            "<error><status/><code/><message/></error>",
                            "a body that is not an <error> document");
                    return;
                }
                for (String child : List.of("status", "code", "message")) {
                    NodeList nodes = root.getElementsByTagName(child);
                    String got = nodes.getLength() == 0
                            ? ""
                            : nodes.item(0).getTextContent().trim();
                    if (got.isEmpty()) {
                        drift(Side.FIELD, d, "<error> with <" + child + ">", "no <" + child + ">");
                    } else if (child.equals("status") && !got.equals(String.valueOf(status))) {
                        drift(Side.FIELD, d, "<status>" + status + "</status>", "<status>" + got + "</status>");
                    }
                }
            }
            case "text/plain" -> {
                String body = ex.body().strip();
                if (body.isEmpty() || body.contains("\n")) {
                    drift(Side.FIELD, d, "one line of text", body.isEmpty() ? "an empty body" : "several lines");
                }
            }
            case "text/html" -> {
                if (!ex.body().toLowerCase(Locale.ROOT).contains("<html")) {
                    drift(Side.FIELD, d, "an HTML page", "a body without <html>");
                }
            }
            default -> {
                String got = ex.json()
                        .map(n -> n.get("status"))
                        .map(JsonNode::asText)
                        .orElse("none");
                if (!got.equals(String.valueOf(status))) {
                    drift(Side.FIELD, d, "\"status\": " + status, "\"status\": " + got);
                }
            }
        }
    }

    /** Checks that no HTTP response came: the connection was reset or closed. */
    public void expectNoResponse(Exchange ex) {
        checked = true;
        if (wawp.target.dry()) {
            return;
        }
        observed.add(ex.describeResponse());
        if (ex.answered()) {
            drift(Side.CONNECTION, wawp.behaviour.basis(), "no HTTP response", ex.describeResponse());
        }
    }

    /** Reads the session with info and checks its status is one of the given literals. */
    public void expectState(String instanceId, String... allowed) {
        checked = true;
        Exchange info = wawp.send("info", instanceId);
        String status = statusOf(info);
        observed.add("info: " + status);
        if (!Arrays.asList(allowed).contains(status)) {
            drift(Side.STATE, wawp.behaviour.basis(), String.join(" or ", allowed), status);
        }
    }

    /** Polls info until the session reaches {@code expected}, passing only the given statuses, within the boot timeout. */
    public Exchange awaitState(String instanceId, String expected, String... passing) {
        checked = true;
        long start = System.nanoTime();
        Duration timeout = wawp.target.settings().bootTimeout();
        List<String> seen = new ArrayList<>();
        while (true) {
            Exchange info = wawp.send("info", instanceId);
            if (wawp.target.dry()) {
                int last = wawp.calls.size() - 1;
                wawp.calls.set(last, wawp.calls.get(last) + " (repeated until " + expected + ")");
                return info;
            }
            String status = statusOf(info);
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(status)) {
                seen.add(status);
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            boolean done = status.equals(expected);
            if (done || !Arrays.asList(passing).contains(status) || ms > timeout.toMillis()) {
                observed.add("info: " + String.join(" -> ", seen) + " after " + ms + " ms");
                if (!done) {
                    drift(
                            Side.STATE,
                            wawp.behaviour.basis(),
                            expected + " within " + timeout.toSeconds() + " s",
                            String.join(" -> ", seen));
                }
                return info;
            }
            try {
                Thread.sleep(wawp.target.isLive() ? 2000 : 50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                drift(Side.STATE, wawp.behaviour.basis(), expected, "interrupted while waiting");
                return info;
            }
        }
    }

    private static String statusOf(Exchange info) {
        return info.field("status").orElse(info.answered() ? "status " + info.status() : "no response");
    }

    /** Records a drift the row found itself. */
    public void drift(Side side, Basis basis, String expected, String observedValue) {
        if (!wawp.target.dry()) {
            drifts.add(new Drift(side, basis, Masking.mask(expected), Masking.mask(observedValue)));
        }
    }

    String observed() {
        return Masking.mask(String.join("; ", observed));
    }

    /** Checks the fields of one JSON response; each mismatch is recorded as a field drift with the check's basis. */
    public final class ResponseCheck {
        private final Exchange ex;
        private Basis basis;

        private ResponseCheck(Exchange ex, Basis basis) {
            this.ex = ex;
            this.basis = basis;
        }

        /** Tags the checks that follow as the mock's choice (DECIDED), such as create's {@code status}. */
        public ResponseCheck decided() {
            basis = Basis.DECIDED;
            return this;
        }

        /** Checks that a text field equals the literal. */
        public ResponseCheck field(String name, String literal) {
            return check(name, literal::equals, "\"" + name + "\": \"" + literal + "\"", true);
        }

        /** Checks that a text field is one of the literals. */
        public ResponseCheck fieldIn(String name, String... literals) {
            return check(
                    name, List.of(literals)::contains, "\"" + name + "\" one of " + String.join(", ", literals), false);
        }

        /** Checks that a text field matches the pattern, described in words for the report. */
        public ResponseCheck fieldMatches(String name, String regex, String inWords) {
            return check(name, v -> Pattern.matches(regex, v), name + " " + inWords, false);
        }

        private ResponseCheck check(String name, Predicate<String> ok, String expected, boolean named) {
            String got = ex.field(name).orElse(null);
            if (ex.answered() && (got == null || !ok.test(got))) {
                drift(
                        Side.FIELD,
                        basis,
                        expected,
                        got == null ? "no " + name : (named ? "\"" + name + "\": " : "") + "\"" + got + "\"");
            }
            return this;
        }

        /** Checks that the body has no such field, or only null. */
        public ResponseCheck lacks(String name) {
            String got = ex.field(name).orElse(null);
            if (ex.answered() && got != null) {
                drift(
                        Side.FIELD,
                        basis,
                        "no " + name,
                        "\"" + name + "\": \"" + (got.length() > 40 ? got.substring(0, 37) + "..." : got) + "\"");
            }
            return this;
        }

        /** Checks that the body has an object field. */
        public ResponseCheck hasObject(String name) {
            if (ex.answered()
                    && !ex.json().map(n -> n.get(name)).map(JsonNode::isObject).orElse(false)) {
                drift(Side.FIELD, basis, "an object \"" + name + "\"", "none");
            }
            return this;
        }
    }
}
