package dev.wawpkit.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wawpkit.conformance.Drift.Side;
import dev.wawpkit.conformance.internal.Masking;
import dev.wawpkit.conformance.internal.OpenApi;
import dev.wawpkit.conformance.internal.Target;
import dev.wawpkit.mock.SessionStatus;
import dev.wawpkit.mock.WawpMock;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Gives one conformance test its target and records what it observed against the behaviour it covers.
 *
 * <p>Checks never stop the test: each mismatch is recorded as a {@link Drift}, and the extension fails
 * the test after it ends, listing them all. The mock's control API and enums are used only to arrange
 * a situation, never as expected values: those are literals from the specification. Not thread-safe:
 * one per test.
 */
public final class Conformance {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String INVALID_TOKEN = "conformance-invalid-token";
    /** What an instance_id the suite makes up starts with: not hexadecimal, so no real instance_id does. */
    private static final String UNKNOWN_PREFIX = "ZZ";
    /** The calls that change or remove the session they name: on live only for sessions the run created. */
    private static final Set<String> DESTRUCTIVE = Set.of("stop", "restart", "logout", "delete");

    private final Target target;
    private final Behaviour behaviour;
    private final List<String> observed = new ArrayList<>();
    private final List<Drift> drifts = new ArrayList<>();
    private final List<String> created = new ArrayList<>();
    private final Set<String> deleted = new HashSet<>();
    private boolean checked;

    Conformance(Target target, Behaviour behaviour) {
        this.target = target;
        this.behaviour = behaviour;
    }

    // ---- arranging ---------------------------------------------------------------------------

    /** Returns the behaviour the running test covers. */
    public Behaviour behaviour() {
        return behaviour;
    }

    /** Returns the token the suite sends to the target. */
    public String token() {
        return target.token();
    }

    /** Returns a token the target does not know. */
    public String invalidToken() {
        Masking.register(INVALID_TOKEN);
        return INVALID_TOKEN;
    }

    /** Returns a well-formed instance_id (12 letters or digits) that no session has. */
    public String unknownInstanceId() {
        StringBuilder sb = new StringBuilder(UNKNOWN_PREFIX);
        for (int i = 0; i < 10; i++) {
            sb.append("0123456789ABCDEF".charAt(RANDOM.nextInt(16)));
        }
        return sb.toString();
    }

    /** Starts a POST to the endpoint: {@code /v2/auth/} for qr, qr-image and request-code, else {@code /v2/session/}. */
    public Request post(String endpoint) {
        return request("POST", endpoint);
    }

    /** Starts a GET to the endpoint, as {@link #post(String)} names it. */
    public Request get(String endpoint) {
        return request("GET", endpoint);
    }

    /** Starts a DELETE to the endpoint, as {@link #post(String)} names it ({@code DELETE /v2/session/delete}). */
    public Request delete(String endpoint) {
        return request("DELETE", endpoint);
    }

    private Request request(String method, String endpoint) {
        return new Request(target.http(), method, endpoint, target.token(), this::guard, this::sent);
    }

    /**
     * Refuses, before anything is sent, a live call that would stop, restart, log out or delete a session
     * the run did not create. Calls without an instance_id, with a token the target does not know, or naming
     * an instance_id the suite made up cannot touch a user's session, so they pass.
     */
    private void guard(Request r) {
        if (!target.isLive() || !DESTRUCTIVE.contains(r.endpoint())) {
            return;
        }
        String id = r.query().get("instance_id");
        if (id == null || !target.token().equals(r.query().get("access_token")) || id.startsWith(UNKNOWN_PREFIX)
                || created.contains(id)) {
            return;
        }
        throw new IllegalStateException(Masking.mask("Refusing to call " + r.endpoint() + " on live instance " + id
                + " for " + behaviour.id() + ": on live the suite stops, restarts, logs out and deletes only sessions this run "
                + "created, and this run did not create " + id + ". Get one with wawp.newSession() (needs -Dwawp.live.allowCreate=true)."));
    }

    /** Notes a session the run deleted itself, so it is not deleted again at the end of the test. */
    private void sent(Request r, Exchange ex) {
        String id = r.query().get("instance_id");
        if ("delete".equals(r.endpoint()) && id != null && ex.answered() && ex.status() / 100 == 2) {
            deleted.add(id);
        }
    }

    /** Creates a session with the suite's token; on live it is deleted after the test. */
    public Exchange create() {
        Exchange ex = post("create").token().send();
        if (ex.status() / 100 == 2) {
            ex.field("instance_id").ifPresent(created::add);
        }
        return ex;
    }

    /** Returns a fresh STOPPED session of the suite: seeded where there is a control API, else created. */
    public String newSession() {
        if (target.control().isPresent()) {
            return seed("STOPPED", false);
        }
        Exchange ex = create();
        return ex.field("instance_id").orElseThrow(() -> new IllegalStateException(
                "Expected create to answer 200 with an instance_id, so the test has a session to work on, but got: " + ex));
    }

    /** Returns a session to read: on live the one WAWP_INSTANCE_ID names, when given; else a new one. */
    public String anySession() {
        if (target.isLive() && target.settings().instanceId() != null) {
            return target.settings().instanceId();
        }
        return newSession();
    }

    /** Seeds a session through the control API, in a status named as the specification names it. */
    public String seed(String status, boolean loggedIn) {
        return control().seedSession().token(target.token()).status(SessionStatus.valueOf(status)).loggedIn(loggedIn).create().instanceId();
    }

    /**
     * Returns a logged-in (WORKING) session: seeded where there is a control API, else the one WAWP_INSTANCE_ID
     * names; skips the test (with the reason) when that one is not WORKING or none is named.
     */
    public String workingSession() {
        if (hasControlApi()) {
            return seed("WORKING", true);
        }
        String id = target.settings().instanceId();
        if (id == null) {
            Assumptions.abort("needs a logged-in session: set WAWP_INSTANCE_ID to a WORKING instance "
                    + "(a new one would need a phone to scan its QR code)");
        }
        Exchange info = get("info").instance(id).token().send();
        String status = !info.answered() ? "does not answer" : info.status() != 200 ? "answers " + info.status()
                : "is " + info.field("status").orElse("without a status");
        if (!status.equals("is WORKING")) {
            Assumptions.abort("needs a logged-in session, but WAWP_INSTANCE_ID " + id + " " + status
                    + ": scan its QR code, or name a WORKING instance");
        }
        return id;
    }

    /**
     * Returns a session of the suite waiting for a scan (SCAN_QR_CODE): seeded where there is a control API,
     * else a new one, started and booted (a new session has no login, so it asks for a QR code).
     */
    public String scanningSession() {
        if (hasControlApi()) {
            return seed("SCAN_QR_CODE", false);
        }
        String id = newSession();
        post("start").instance(id).token().send();
        awaitState(id, "SCAN_QR_CODE", "STARTING");
        return id;
    }

    /** Returns whether the target has a control API to arrange situations with. */
    public boolean hasControlApi() {
        return target.control().isPresent();
    }

    /** Returns the mock's control API, scoped to the suite's token. */
    public WawpMock control() {
        return target.control().orElseThrow(() -> new IllegalStateException(
                "Expected a target with a control API for " + behaviour.id() + ", but " + target.describe() + " has none."));
    }

    // ---- checking ----------------------------------------------------------------------------

    /** Checks a response against the behaviour: status, media type, OpenAPI shape and the error body's format. */
    public ResponseCheck expect(Exchange ex) {
        return expect(ex, behaviour.status(), behaviour.mediaType());
    }

    /**
     * Checks a response of a step on the way to the behaviour, which answers differently than the behaviour
     * itself (such as delete's 200 before the 404s): the given status, media type, OpenAPI shape and error format.
     */
    public ResponseCheck expect(Exchange ex, int status, String mediaType) {
        checked = true;
        observed.add(ex.describeResponse());
        ResponseCheck check = new ResponseCheck(ex);
        if (!ex.answered()) {
            drift(Side.CONNECTION, status + " " + mediaType, ex.describeResponse());
            return check;
        }
        boolean statusOk = ex.status() == status;
        boolean typeOk = ex.mediaType().equals(mediaType);
        if (!statusOk) {
            drift(Side.STATUS, String.valueOf(status), String.valueOf(ex.status()));
        }
        if (!typeOk) {
            drift(Side.CONTENT_TYPE, mediaType, ex.contentType().isEmpty() ? "none" : ex.mediaType());
        }
        for (String message : OpenApi.validate(ex)) {
            if (message.contains("contentType")) {
                if (typeOk) {
                    drift(Side.CONTENT_TYPE, "a media type the OpenAPI description lists", message);
                }
            } else if (message.contains("status.unknown")) {
                if (statusOk) {
                    drift(Side.STATUS, "a status the OpenAPI description lists", message);
                }
            } else {
                drift(Side.FIELD, "a body matching the OpenAPI description", message);
            }
        }
        if (typeOk && statusOk) {
            checkErrorFormat(ex, status, mediaType);
        }
        return check;
    }

    private void checkErrorFormat(Exchange ex, int status, String mediaType) {
        switch (mediaType) {
            case "application/xml" -> {
                Element root = parseXml(ex.body());
                if (root == null || !"error".equals(root.getTagName())) {
                    drift(Side.FIELD, "<error><status/><code/><message/></error>", "a body that is not an <error> document");
                    return;
                }
                for (String child : List.of("status", "code", "message")) {
                    if (childText(root, child) == null || childText(root, child).isBlank()) {
                        drift(Side.FIELD, "<error> with <" + child + ">", "no <" + child + ">");
                    }
                }
                String got = childText(root, "status");
                if (got != null && !got.trim().equals(String.valueOf(status))) {
                    drift(Side.FIELD, "<status>" + status + "</status>", "<status>" + got.trim() + "</status>");
                }
            }
            case "text/plain" -> {
                String body = ex.body().strip();
                if (body.isEmpty() || body.contains("\n")) {
                    drift(Side.FIELD, "one line of text", body.isEmpty() ? "an empty body" : "several lines");
                }
            }
            case "text/html" -> {
                if (!ex.body().toLowerCase(Locale.ROOT).contains("<html")) {
                    drift(Side.FIELD, "an HTML page", "a body without <html>");
                }
            }
            default -> {
                if (status >= 400) {
                    String got = ex.json().map(n -> n.get("status")).map(JsonNode::asText).orElse("none");
                    if (!got.equals(String.valueOf(status))) {
                        drift(Side.FIELD, "\"status\": " + status, "\"status\": " + got);
                    }
                }
            }
        }
    }

    /** Checks that no HTTP response came: the connection was reset or closed. */
    public void expectNoResponse(Exchange ex) {
        checked = true;
        observed.add(ex.describeResponse());
        if (ex.answered()) {
            drift(Side.CONNECTION, "no HTTP response", ex.describeResponse());
        }
    }

    /** Reads the session with info and checks its status is one of the given literals. */
    public String expectState(String instanceId, String... allowed) {
        checked = true;
        Exchange info = get("info").instance(instanceId).token().send();
        String status = info.field("status").orElse(info.answered() ? "status " + info.status() : "no response");
        observed.add("info: " + status);
        if (!Arrays.asList(allowed).contains(status)) {
            drift(Side.STATE, String.join(" or ", allowed), status);
        }
        return status;
    }

    /**
     * Polls info until the session reaches {@code expected}, allowing only the {@code passing} statuses on
     * the way; gives up after the run's boot timeout. Returns the last info exchange.
     */
    public Exchange awaitState(String instanceId, String expected, String... passing) {
        checked = true;
        long start = System.nanoTime();
        Duration timeout = target.settings().bootTimeout();
        Duration pause = Duration.ofMillis(target.isLive() ? 2000 : 50);
        List<String> seen = new ArrayList<>();
        while (true) {
            Exchange info = get("info").instance(instanceId).token().send();
            String status = info.field("status").orElse(info.answered() ? "status " + info.status() : "no response");
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(status)) {
                seen.add(status);
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            if (status.equals(expected)) {
                observed.add("info: " + String.join(" -> ", seen) + " after " + ms + " ms");
                return info;
            }
            if (!Arrays.asList(passing).contains(status) || ms > timeout.toMillis()) {
                observed.add("info: " + String.join(" -> ", seen) + " after " + ms + " ms");
                drift(Side.STATE, expected + " within " + timeout.toSeconds() + " s", String.join(" -> ", seen));
                return info;
            }
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                drift(Side.STATE, expected, "interrupted while waiting");
                return info;
            }
        }
    }

    /** Records a drift the test found itself. */
    public void drift(Side side, String expected, String observedValue) {
        drifts.add(new Drift(side, Masking.mask(expected), Masking.mask(observedValue)));
    }

    // ---- results, for the extension ----------------------------------------------------------

    List<Drift> drifts() {
        return List.copyOf(drifts);
    }

    String observed() {
        return Masking.mask(String.join("; ", observed));
    }

    boolean checked() {
        return checked;
    }

    /** Returns the sessions the test created and did not delete itself: on live the extension deletes them. */
    List<String> created() {
        return created.stream().filter(id -> !deleted.contains(id)).distinct().toList();
    }

    /** Checks the fields of one JSON response; each mismatch is recorded as a field drift. */
    public final class ResponseCheck {
        private final Exchange ex;

        private ResponseCheck(Exchange ex) {
            this.ex = ex;
        }

        /** Checks that a text field equals the literal. */
        public ResponseCheck field(String name, String literal) {
            String got = ex.field(name).orElse(null);
            if (ex.answered() && !literal.equals(got)) {
                drift(Side.FIELD, "\"" + name + "\": \"" + literal + "\"", got == null ? "no " + name : "\"" + name + "\": \"" + got + "\"");
            }
            return this;
        }

        /** Checks that a text field is one of the literals. */
        public ResponseCheck fieldIn(String name, String... literals) {
            String got = ex.field(name).orElse(null);
            if (ex.answered() && !Arrays.asList(literals).contains(got)) {
                drift(Side.FIELD, "\"" + name + "\" one of " + String.join(", ", literals), got == null ? "no " + name : "\"" + got + "\"");
            }
            return this;
        }

        /** Checks that a text field matches the pattern, described in words for the report. */
        public ResponseCheck fieldMatches(String name, String regex, String inWords) {
            String got = ex.field(name).orElse(null);
            if (ex.answered() && (got == null || !Pattern.matches(regex, got))) {
                drift(Side.FIELD, name + " " + inWords, got == null ? "no " + name : "\"" + got + "\"");
            }
            return this;
        }

        /** Checks that the body has an object field. */
        public ResponseCheck hasObject(String name) {
            boolean ok = ex.json().map(n -> n.get(name)).map(JsonNode::isObject).orElse(false);
            if (ex.answered() && !ok) {
                drift(Side.FIELD, "an object \"" + name + "\"", "none");
            }
            return this;
        }

        /** Returns the exchange checked. */
        public Exchange exchange() {
            return ex;
        }
    }

    private static Element parseXml(String body) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        } catch (Exception e) {
            return null;
        }
    }

    private static String childText(Element root, String name) {
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e.getTextContent();
            }
        }
        return null;
    }
}
