package dev.wawpkit.mock;

import dev.wawpkit.mock.internal.ControlPort;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Arms, lists and clears injected faults of a mock.
 *
 * <p>A fault hits the next calls of one endpoint (optionally of one session or token) and then
 * disarms itself. For example {@code mock.faults().onStart().times(2).respond(502, Format.XML)}.
 */
public final class Faults {
    private final ControlPort port;

    Faults(ControlPort port) {
        this.port = port;
    }

    /** Starts a fault on calls to the endpoint. */
    public When on(Endpoint endpoint) {
        return new When(port, Objects.requireNonNull(endpoint, "endpoint"));
    }

    /** Starts a fault on create calls. */
    public When onCreate() {
        return on(Endpoint.CREATE);
    }

    /** Starts a fault on start calls. */
    public When onStart() {
        return on(Endpoint.START);
    }

    /** Starts a fault on info calls. */
    public When onInfo() {
        return on(Endpoint.INFO);
    }

    /** Arms a fully described rule. */
    public void arm(FaultRule rule) {
        port.arm(rule);
    }

    /** Lists the armed faults with the calls each still hits. */
    public List<FaultRule> list() {
        return port.faults();
    }

    /** Disarms every fault. */
    public void clear() {
        port.clearFaults(null);
    }

    /**
     * Says when a fault fires (endpoint, session, token, how many calls) before a terminal method
     * says what it does and arms it. Defaults: any session, any token, the next call only.
     */
    public static final class When {
        private final ControlPort port;
        private final Endpoint endpoint;
        private String instanceId;
        private String token;
        private int times = 1;
        private Duration after = Duration.ZERO;

        private When(ControlPort port, Endpoint endpoint) {
            this.port = port;
            this.endpoint = endpoint;
        }

        /** Hits only calls naming this session. */
        public When session(String instanceId) {
            this.instanceId = instanceId;
            return this;
        }

        /** Hits only calls made with this access token. */
        public When token(String accessToken) {
            this.token = accessToken;
            return this;
        }

        /** Hits the next {@code times} matching calls (default 1). */
        public When times(int times) {
            this.times = times;
            return this;
        }

        /** Waits this long before the fault fires (default none). */
        public When after(Duration delay) {
            this.after = delay;
            return this;
        }

        /** Arms an HTTP error in a documented format, such as 502 as XML. */
        public FaultRule respond(int status, Format format) {
            return arm(Fault.httpError(status, format));
        }

        /** Arms an HTTP error with a JSON body. */
        public FaultRule respond(int status) {
            return respond(status, Format.JSON);
        }

        /**
         * Arms any response, byte for byte: for what the documented variants do not cover, such as
         * {@code respondRaw(429, Map.of("Retry-After", "2"), "{\"error\":\"rate_limited\"}")}. The journal
         * and the calls show it as {@code RAW_<status>}, an undocumented fault.
         */
        public FaultRule respondRaw(int status, Map<String, String> headers, String body) {
            return arm(Fault.raw(status, headers, body));
        }

        /** Arms a connection reset. */
        public FaultRule resetConnection() {
            return arm(Fault.connectionReset());
        }

        /** Arms a connection closed without a response. */
        public FaultRule emptyResponse() {
            return arm(Fault.emptyResponse());
        }

        /** Arms a delay before the normal answer. */
        public FaultRule delay(Duration delay) {
            return arm(Fault.delay(delay));
        }

        private FaultRule arm(Fault fault) {
            FaultRule rule = new FaultRule(endpoint, instanceId, token, fault, after, times);
            port.arm(rule);
            return rule;
        }
    }
}
