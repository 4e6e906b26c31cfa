package dev.wawpkit.mock;

import dev.wawpkit.mock.internal.ControlPort;
import dev.wawpkit.mock.internal.RequestQuery;
import dev.wawpkit.mock.internal.ScopedPort;
import dev.wawpkit.mock.internal.Secrets;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/** Implements {@link WawpMock} over a control port, in-process or over HTTP, whole or for one token. */
final class PortMock implements WawpMock {
    private final ControlPort port;
    private final Supplier<URI> baseUrl;
    private final String token;

    PortMock(ControlPort port, Supplier<URI> baseUrl, String token) {
        this.port = port;
        this.baseUrl = baseUrl;
        this.token = token;
    }

    @Override
    public URI baseUrl() {
        return baseUrl.get();
    }

    @Override
    public String token() {
        return token;
    }

    @Override
    public List<MockSession> sessions() {
        return port.sessions(null);
    }

    @Override
    public SessionHandle session(String instanceId) {
        return new SessionHandle(port, instanceId);
    }

    @Override
    public SessionSeed seedSession() {
        return new SessionSeed(port, token);
    }

    @Override
    public Faults faults() {
        return new Faults(port);
    }

    @Override
    public Tokens tokens() {
        return new Tokens(port);
    }

    @Override
    public List<UnexpectedCall> unexpectedCalls() {
        return port.unexpectedCalls(null);
    }

    @Override
    public List<UnexpectedCall> takeUnexpectedCalls() {
        return port.drainUnexpectedCalls(null, true);
    }

    @Override
    public List<RecordedRequest> requests() {
        return port.requests(RequestQuery.of(null));
    }

    @Override
    public List<RecordedRequest> requests(Endpoint endpoint) {
        return port.requests(new RequestQuery(null, endpoint.key(), null, null, 0));
    }

    @Override
    public RecordedRequest takeRequest(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        return port.takeRequest(null, timeout);
    }

    @Override
    public Verification verify(Endpoint endpoint) {
        return new Verification(port, endpoint);
    }

    @Override
    public void clearRequests() {
        port.clearRequests(null);
    }

    @Override
    public void reset() {
        port.reset();
    }

    @Override
    public WawpMock forToken(String accessToken) {
        Objects.requireNonNull(accessToken, "accessToken");
        ControlPort whole = port instanceof ScopedPort scoped ? scoped.unscoped() : port;
        whole.ensureToken(accessToken);
        return new PortMock(new ScopedPort(whole, accessToken), baseUrl, accessToken);
    }

    ControlPort port() {
        return port;
    }

    @Override
    public String toString() {
        return "WawpMock{" + baseUrl.get() + ", token " + Secrets.mask(token) + "}";
    }
}
