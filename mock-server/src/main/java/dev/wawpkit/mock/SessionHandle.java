package dev.wawpkit.mock;

import dev.wawpkit.mock.internal.ControlPort;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * Points at one session of a mock; each call reads or changes its current state.
 *
 * <p>Thread-safe. Calls on a session that does not exist throw {@link WawpMockException} (404).
 */
public final class SessionHandle {
    private final ControlPort port;
    private final String instanceId;

    SessionHandle(ControlPort port, String instanceId) {
        this.port = port;
        this.instanceId = Objects.requireNonNull(instanceId, "instanceId");
    }

    /** Returns the instance id this handle points at. */
    public String instanceId() {
        return instanceId;
    }

    /** Reads the session as it is now (a STARTING session past its boot delay has booted). */
    public MockSession get() {
        return port.session(instanceId);
    }

    /** Returns the session's current status. */
    public SessionStatus status() {
        return get().status();
    }

    /**
     * Moves the session to the status, as the state table allows: for example SCAN_QR_CODE to
     * WORKING is the QR being scanned, WORKING to FAILED is the login being lost.
     *
     * @throws WawpMockException 409 naming the allowed moves when the table forbids this one
     */
    public MockSession moveTo(SessionStatus status) {
        return port.move(instanceId, status, null);
    }

    /** Moves the session as {@link #moveTo(SessionStatus)} does, and sets whether it keeps a login. */
    public MockSession moveTo(SessionStatus status, boolean loggedIn) {
        return port.move(instanceId, status, loggedIn);
    }

    /** Lists the calls this session received, oldest first, tokens masked (the last 256 are kept). */
    public List<RecordedCall> calls() {
        return port.calls(instanceId);
    }

    /**
     * Sends this session's {@code session.status} webhooks to the URLs, signed with the secret as
     * hex HMAC-SHA256 in {@code X-Wawp-Signature} (null: unsigned); an empty list turns them off.
     */
    public void webhooks(List<URI> urls, String secret) {
        port.webhooks(instanceId, urls, secret);
    }

    /** Lists the webhook delivery attempts of this session, oldest first (the last 256 are kept). */
    public List<WebhookDelivery> deliveries() {
        return port.deliveries(instanceId);
    }

    @Override
    public String toString() {
        return "SessionHandle{" + instanceId + "}";
    }
}
