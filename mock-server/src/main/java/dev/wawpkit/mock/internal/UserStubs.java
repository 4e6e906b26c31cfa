package dev.wawpkit.mock.internal;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.extension.StubLifecycleListener;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.ImmutableRequest;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import wiremock.jakarta.servlet.http.HttpServletRequest;

/**
 * Knows whether a stub a user added through WireMock ({@code server.wireMock()}, {@code POST
 * /__admin/mappings}) matches a request; such a stub answers before the simulation, fault armed
 * or not. The mock itself adds no stubs, so no WireMock reset can remove the simulation.
 *
 * <p>While no user stub exists (the usual case) a check costs one volatile read.
 */
final class UserStubs implements StubLifecycleListener {
    private volatile WireMockServer server;
    private volatile boolean any;

    @Override
    public String getName() {
        return "wawp-user-stubs";
    }

    /** Connects to the server whose stubs to consult. */
    void attach(WireMockServer server) {
        this.server = server;
        refresh();
    }

    /** Returns whether a user stub matches the request (its scenario state included). */
    boolean matches(HttpServletRequest req, byte[] body) {
        WireMockServer s = server;
        if (!any || s == null) {
            return false;
        }
        List<StubMapping> stubs = s.getStubMappings();
        if (stubs.isEmpty()) {
            return false;
        }
        ImmutableRequest request = toWireMock(req, body);
        Map<String, String> states = null;
        for (StubMapping stub : stubs) {
            if (!stub.getRequest().match(request).isExactMatch()) {
                continue;
            }
            if (!stub.isInScenario() || stub.getRequiredScenarioState() == null) {
                return true;
            }
            if (states == null) {
                states = s.getAllScenarios().getScenarios().stream()
                        .collect(Collectors.toMap(Scenario::getName, Scenario::getState, (a, b) -> a));
            }
            if (stub.getRequiredScenarioState().equals(states.getOrDefault(stub.getScenarioName(), Scenario.STARTED))) {
                return true;
            }
        }
        return false;
    }

    /** Returns the characters of JSON the stubs now held take written out, to bound what HTTP may add. */
    long heldJsonChars() {
        WireMockServer s = server;
        long chars = 0;
        if (s != null) {
            for (StubMapping stub : s.getStubMappings()) {
                chars += Json.write(stub).length();
            }
        }
        return chars;
    }

    private static ImmutableRequest toWireMock(HttpServletRequest req, byte[] body) {
        List<HttpHeader> headers = new ArrayList<>();
        for (String name : Collections.list(req.getHeaderNames())) {
            headers.add(new HttpHeader(name, Collections.list(req.getHeaders(name))));
        }
        String query = req.getQueryString();
        return ImmutableRequest.create()
                .withAbsoluteUrl(req.getRequestURL() + (query == null ? "" : "?" + query))
                .withMethod(RequestMethod.fromString(req.getMethod()))
                .withProtocol(req.getProtocol())
                .withClientIp(req.getRemoteAddr())
                .withHeaders(new HttpHeaders(headers))
                .withBody(body)
                .build();
    }

    private void refresh() {
        WireMockServer s = server;
        any = s != null && !s.getStubMappings().isEmpty();
    }

    @Override
    public void afterStubCreated(StubMapping stub) {
        any = true;
    }

    @Override
    public void afterStubEdited(StubMapping oldStub, StubMapping newStub) {
        refresh();
    }

    @Override
    public void afterStubRemoved(StubMapping stub) {
        refresh();
    }

    @Override
    public void afterStubsReset() {
        refresh();
    }
}
