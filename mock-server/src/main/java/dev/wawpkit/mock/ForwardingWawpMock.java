package dev.wawpkit.mock;

import java.time.Duration;
import java.util.List;

/** Implements {@link WawpMock} by forwarding to a {@link PortMock}: shared by the server and the client. */
abstract class ForwardingWawpMock implements WawpMock {

    /** Returns the mock every call goes to. */
    abstract PortMock api();

    @Override
    public String token() {
        return api().token();
    }

    @Override
    public List<MockSession> sessions() {
        return api().sessions();
    }

    @Override
    public SessionHandle session(String instanceId) {
        return api().session(instanceId);
    }

    @Override
    public SessionSeed seedSession() {
        return api().seedSession();
    }

    @Override
    public Faults faults() {
        return api().faults();
    }

    @Override
    public Tokens tokens() {
        return api().tokens();
    }

    @Override
    public List<UnexpectedCall> unexpectedCalls() {
        return api().unexpectedCalls();
    }

    @Override
    public List<UnexpectedCall> takeUnexpectedCalls() {
        return api().takeUnexpectedCalls();
    }

    @Override
    public List<RecordedRequest> requests() {
        return api().requests();
    }

    @Override
    public List<RecordedRequest> requests(Endpoint endpoint) {
        return api().requests(endpoint);
    }

    @Override
    public RecordedRequest takeRequest(Duration timeout) {
        return api().takeRequest(timeout);
    }

    @Override
    public Verification verify(Endpoint endpoint) {
        return api().verify(endpoint);
    }

    @Override
    public void clearRequests() {
        api().clearRequests();
    }

    @Override
    public void reset() {
        api().reset();
    }

    @Override
    public WawpMock forToken(String accessToken) {
        return api().forToken(accessToken);
    }
}
