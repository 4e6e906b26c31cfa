package dev.wawpkit.mock.internal;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.wawpkit.mock.Endpoint;
import dev.wawpkit.mock.Fault;

import java.util.Map;

/**
 * Answers the stubs named {@value #NAME}: each stub carries the endpoint it stands for in its
 * transformer parameters ({@code "endpoint": "start"}), or {@code "unknown"} for the catch-all.
 */
public final class WawpApiTransformer implements ResponseDefinitionTransformerV2 {
    /** The name stub mappings use to refer to this transformer. */
    public static final String NAME = "wawp-api";
    /** The transformer parameter naming the endpoint. */
    public static final String ENDPOINT = "endpoint";

    private final WawpEngine engine;

    public WawpApiTransformer(MockCore core) {
        this.engine = core.engine;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        Request req = serveEvent.getRequest();
        Reply reply;
        try {
            reply = engine.handle(endpoint(serveEvent.getTransformerParameters()), req.getMethod().getName(),
                    req.getUrl(), req::getHeader, req.getBody());
        } catch (RuntimeException | StackOverflowError e) {
            // A bug of ours must not reach the caller as a stack trace.
            reply = Renderer.json(500, Map.of("error", "mock_error", "status", 500, "message",
                    "The mock failed to answer (" + e.getClass().getSimpleName()
                            + "). This is a bug in wawp-contract-kit; please report it with the request."));
        }
        return toDefinition(reply);
    }

    private static Endpoint endpoint(Parameters params) {
        Object key = params == null ? null : params.get(ENDPOINT);
        for (Endpoint e : Endpoint.values()) {
            if (e.key().equals(key)) {
                return e;
            }
        }
        return null;
    }

    static ResponseDefinition toDefinition(Reply reply) {
        ResponseDefinitionBuilder b = ResponseDefinitionBuilder.responseDefinition();
        if (reply.delayMillis() > 0) {
            b.withFixedDelay((int) reply.delayMillis());
        }
        if (reply.socketFault() != null) {
            return b.withFault(reply.socketFault() instanceof Fault.ConnectionReset
                    ? com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER
                    : com.github.tomakehurst.wiremock.http.Fault.EMPTY_RESPONSE).build();
        }
        b.withStatus(reply.status()).withBody(reply.body());
        if (reply.contentType() != null) {
            b.withHeader("Content-Type", reply.contentType());
        }
        reply.headers().forEach(b::withHeader);
        return b.build();
    }
}
