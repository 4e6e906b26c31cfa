package dev.wawpkit.mock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wawpkit.mock.Endpoint;
import dev.wawpkit.mock.Fault;
import dev.wawpkit.mock.FaultRule;
import dev.wawpkit.mock.Format;
import dev.wawpkit.mock.ProviderStates;
import dev.wawpkit.mock.SessionStatus;
import dev.wawpkit.mock.WawpMockException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sets up Pact provider states: the standard state-change call
 * {@code {"state": ..., "params": {...}, "action": "setup" | "teardown"}} of any Pact verifier.
 *
 * <p>A state is one of {@link ProviderStates}' sentences, either with {@code {placeholders}} and
 * its values in {@code params}, or with the values written into the sentence. Each state sets
 * everything it names (token, quota, session, fault) whatever earlier states left, so a verifier
 * passes with or without teardown. An empty state (an interaction without one) is a no-op.
 * Teardown resets the mock. An unknown sentence is refused with 400 listing the known ones, so a
 * verification cannot pass on a state the mock did not set up.
 */
final class ProviderStateHandler {
    private final MockCore core;
    private final List<Template> templates = new ArrayList<>();

    ProviderStateHandler(MockCore core) {
        this.core = core;
        templates.add(new Template(ProviderStates.SESSION_IS, p -> {
            String token = p.get("access_token");
            core.ensureToken(token);
            core.removeSession(p.get("instance_id"));
            SessionStatus status = ControlModel.status(p.get("status"));
            core.seed(token, p.get("instance_id"), status, status == SessionStatus.WORKING);
        }));
        templates.add(new Template(ProviderStates.NO_SESSION, p -> {
            core.ensureToken(p.get("access_token"));
            core.removeSession(p.get("instance_id"));
        }));
        // a quota an earlier state used up must not leak into "valid": no limit
        templates.add(new Template(ProviderStates.TOKEN_IS_VALID, p -> core.putToken(p.get("access_token"), null)));
        templates.add(new Template(ProviderStates.TOKEN_IS_NOT_VALID, p -> core.removeToken(p.get("access_token"))));
        templates.add(new Template(ProviderStates.TOKEN_HAS_NO_QUOTA, p -> core.putToken(p.get("access_token"), 0)));
        templates.add(new Template(ProviderStates.NEXT_CALL_FAILS, p -> {
            int status;
            try {
                status = Integer.parseInt(p.get("status"));
            } catch (NumberFormatException e) {
                throw new WawpMockException(
                        400,
                        "invalid_provider_state",
                        "Expected {status} to be an HTTP " + "status such as 502, but got '" + p.get("status") + "'.");
            }
            FaultRule rule = new FaultRule(
                    Endpoint.ofKey(p.get("endpoint")),
                    null,
                    null,
                    Fault.httpError(status, Format.ofKey(p.get("format"))),
                    Duration.ZERO,
                    1);
            replaceFaultsOf(rule.endpoint());
            core.arm(rule);
        }));
    }

    /**
     * Disarms the faults still armed for one endpoint (a fault an earlier interaction armed but
     * never consumed), keeping the others in their order.
     */
    private void replaceFaultsOf(Endpoint endpoint) {
        List<FaultRule> armed = core.faults();
        if (armed.stream().noneMatch(r -> r.endpoint() == endpoint)) {
            return;
        }
        core.clearFaults(null);
        armed.stream().filter(r -> r.endpoint() != endpoint).forEach(core::arm);
    }

    /** Applies a state-change request and returns the values the state stands for. */
    ObjectNode apply(ObjectNode body) {
        String state = ControlJson.text(body, "state");
        String action = ControlJson.text(body, "action");
        JsonNode params = body.get("params");
        if (action != null && !action.equals("setup") && !action.equals("teardown")) {
            throw new WawpMockException(
                    400, "invalid_action", "Expected \"action\" to be setup or teardown, but got '" + action + "'.");
        }
        if (params != null && !params.isNull() && !params.isObject()) {
            throw new WawpMockException(
                    400,
                    "invalid_field",
                    "Expected \"params\" to be a JSON object of the state's values, but got a JSON "
                            + params.getNodeType().name().toLowerCase(Locale.ROOT) + ".");
        }
        if (state == null) {
            throw new WawpMockException(
                    400,
                    "missing_state",
                    "Expected \"state\", one of " + ProviderStates.sentences() + ", but none came.");
        }
        if ("teardown".equals(action)) {
            core.reset();
            return Renderer.JSON.createObjectNode();
        }
        if (state.isBlank()) { // an interaction without a state: Pact verifiers still call
            return Renderer.JSON.createObjectNode();
        }
        for (Template t : templates) {
            Map<String, String> values = t.match(state, params);
            if (values != null) {
                t.setup.accept(values);
                ObjectNode out = Renderer.JSON.createObjectNode();
                values.forEach(out::put);
                return out;
            }
        }
        throw new WawpMockException(
                400,
                "unknown_provider_state",
                "Expected a provider state the mock knows, " + "one of " + ProviderStates.sentences() + ", but got '"
                        + state + "'. Add it to the mock, or fix the pact.");
    }

    /** One sentence: matched literally with params, or with its values written in. */
    private static final class Template {
        final String sentence;
        final Consumer<Map<String, String>> setup;
        final Pattern filled;
        final List<String> names = new ArrayList<>();

        Template(String sentence, Consumer<Map<String, String>> setup) {
            this.sentence = sentence;
            this.setup = setup;
            Matcher m = Pattern.compile("\\{([a-z_]+)}").matcher(sentence);
            StringBuilder regex = new StringBuilder();
            int last = 0;
            while (m.find()) {
                regex.append(Pattern.quote(sentence.substring(last, m.start()))).append("(\\S+)");
                names.add(m.group(1));
                last = m.end();
            }
            regex.append(Pattern.quote(sentence.substring(last)));
            this.filled = Pattern.compile(regex.toString());
        }

        Map<String, String> match(String state, JsonNode params) {
            Map<String, String> values = new LinkedHashMap<>();
            if (state.equals(sentence)) {
                for (String name : names) {
                    JsonNode v = params == null ? null : params.get(name);
                    if (v == null || v.isNull() || v.isContainerNode()) {
                        throw new WawpMockException(
                                400,
                                "missing_state_param",
                                "Expected params." + name + " for the state '" + sentence
                                        + "', but it is missing. Send it in \"params\".");
                    }
                    values.put(name, v.asText());
                }
                return values;
            }
            Matcher m = filled.matcher(state);
            if (!m.matches()) {
                return null;
            }
            for (int i = 0; i < names.size(); i++) {
                values.put(names.get(i), m.group(i + 1));
            }
            if (params != null && params.isObject()) {
                for (Iterator<String> it = params.fieldNames(); it.hasNext(); ) {
                    String k = it.next();
                    if (!values.containsKey(k) && params.get(k).isValueNode()) {
                        values.put(k, params.get(k).asText());
                    }
                }
            }
            return values;
        }
    }
}
