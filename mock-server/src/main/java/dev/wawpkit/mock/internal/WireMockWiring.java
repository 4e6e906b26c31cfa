package dev.wawpkit.mock.internal;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Notifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.standalone.MappingsSource;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;
import java.util.List;

/**
 * Builds the WireMock server behind a mock: the gated Jetty server (the mock's one request path),
 * the control API, and the user-stub listener. The mock adds no stubs of its own, so WireMock's
 * resets touch only the user's stubs; WireMock's journal and mapping files are off.
 */
public final class WireMockWiring {

    private WireMockWiring() {}

    /** Creates (but does not start) the WireMock server for the core. */
    public static WireMockServer create(
            MockCore core,
            int port,
            String bindAddress,
            String adminToken,
            List<String> corsOrigins,
            boolean openControlApi,
            boolean wireMockAdmin) {
        UserStubs userStubs = new UserStubs();
        WireMockConfiguration config = WireMockConfiguration.options()
                .port(port)
                .bindAddress(bindAddress)
                // the mock keeps its own bounded, masked journal (GET /__admin/wawp/requests)
                .disableRequestJournal()
                // enough workers that a handful of slow senders (each cut off at 1 KiB/s) starve nobody
                .containerThreads(Math.max(32, Runtime.getRuntime().availableProcessors() * 8))
                .gzipDisabled(true)
                .jettyIdleTimeout(GatedHttpServerFactory.IO_IDLE_MILLIS)
                // HTTP/1.1 only, like the API's clients: no cleartext HTTP/2 upgrade (a stray Upgrade: h2c
                // header from a proxy is then ignored, as a plain server would)
                .http2PlainDisabled(true)
                // no Handlebars templating (answers come from the engine), no XML factory warm-up,
                // no request log lines formatted only to be dropped: all cost start-up or request time
                .templatingEnabled(false)
                .disableOptimizeXmlFactoriesLoading(true)
                .stubRequestLoggingDisabled(true)
                .stubCorsEnabled(false)
                .mappingSource(NoMappingFiles.INSTANCE)
                .notifier(new MaskingNotifier())
                .extensionScanningEnabled(false)
                .extensions(
                        new GatedHttpServerFactory(
                                adminToken,
                                core,
                                userStubs,
                                corsOrigins,
                                new GatedHttpServerFactory.AdminPolicy(
                                        bindAddress, adminToken == null && !openControlApi, wireMockAdmin)),
                        new ControlApi(core),
                        userStubs);
        WireMockServer server = new WireMockServer(config);
        userStubs.attach(server);
        return server;
    }

    /** Masks credentials in a line of text. */
    static String maskTokens(String line) {
        return Secrets.maskText(line);
    }

    /** Keeps WireMock's own logging quiet; errors go to stderr with tokens masked. */
    private static final class MaskingNotifier implements Notifier {
        @Override
        public void info(String message) {}

        @Override
        public void error(String message) {
            System.err.println("[wawp-mock] " + maskTokens(message));
        }

        @Override
        public void error(String message, Throwable t) {
            System.err.println(
                    "[wawp-mock] " + maskTokens(message) + " (" + t.getClass().getSimpleName() + ")");
        }
    }

    /** Loads and saves nothing, so a {@code mappings/} folder in the working directory is never read. */
    private enum NoMappingFiles implements MappingsSource {
        INSTANCE;

        @Override
        public void loadMappingsInto(StubMappings stubMappings) {}

        @Override
        public void save(List<StubMapping> stubMappings) {}

        @Override
        public void save(StubMapping stubMapping) {}

        @Override
        public void remove(StubMapping stubMapping) {}

        @Override
        public void removeAll() {}
    }
}
