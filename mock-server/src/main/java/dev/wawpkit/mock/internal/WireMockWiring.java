package dev.wawpkit.mock.internal;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Notifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.standalone.MappingsSource;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;
import dev.wawpkit.mock.Endpoint;

import java.util.List;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * Builds the WireMock server behind a mock: our transformer and admin extension, one stub per
 * endpoint, a catch-all stub for unknown paths, no request journal, no mapping files.
 */
public final class WireMockWiring {
    private static final Pattern TOKEN_IN_TEXT = Pattern.compile("(access[_-]token[\"']?\\s*[=:]\\s*[\"']?)([^&\\s\"',}]{4})[^&\\s\"',}]*");

    private WireMockWiring() {
    }

    /** Creates (but does not start) the WireMock server for the core. */
    public static WireMockServer create(MockCore core, int port, String bindAddress, String adminToken) {
        WireMockConfiguration config = WireMockConfiguration.options()
                .port(port)
                .bindAddress(bindAddress)
                // calls are recorded per session in a bounded buffer instead of the unbounded journal
                .disableRequestJournal()
                .containerThreads(Math.max(8, Runtime.getRuntime().availableProcessors() * 4))
                .gzipDisabled(true)
                // no Handlebars templating (answers come from our transformer), no XML factory warm-up,
                // no request log lines formatted only to be dropped: all cost start-up or request time
                .templatingEnabled(false)
                .disableOptimizeXmlFactoriesLoading(true)
                .stubRequestLoggingDisabled(true)
                .stubCorsEnabled(false)
                .mappingSource(NoMappingFiles.INSTANCE)
                .notifier(new MaskingNotifier())
                .extensionScanningEnabled(false)
                .extensions(new GatedHttpServerFactory(adminToken, core.engine), new WawpApiTransformer(core), new ControlApi(core));
        WireMockServer server = new WireMockServer(config);
        for (StubMapping stub : stubs()) {
            server.addStubMapping(stub);
        }
        return server;
    }

    /** Lists the stubs: one per endpoint (any method, so a wrong one gets our 405), then a catch-all. */
    static List<StubMapping> stubs() {
        List<StubMapping> stubs = new java.util.ArrayList<>();
        for (Endpoint e : Endpoint.values()) {
            stubs.add(any(urlPathEqualTo(e.path())).atPriority(1).withName("wawp " + e.key())
                    .willReturn(aResponse().withTransformer(WawpApiTransformer.NAME, WawpApiTransformer.ENDPOINT,
                            e.key()))
                    .build());
        }
        stubs.add(any(anyUrl()).atPriority(10).withName("wawp unknown path")
                .willReturn(aResponse().withTransformers(WawpApiTransformer.NAME)
                        .withTransformerParameters(Parameters.one(WawpApiTransformer.ENDPOINT, "unknown")))
                .build());
        return stubs;
    }

    /** Masks token values in a line of text. */
    static String maskTokens(String line) {
        return line == null ? null : TOKEN_IN_TEXT.matcher(line).replaceAll("$1$2...");
    }

    /** Keeps WireMock's own logging quiet; errors go to stderr with tokens masked. */
    private static final class MaskingNotifier implements Notifier {
        @Override
        public void info(String message) {
        }

        @Override
        public void error(String message) {
            System.err.println("[wawp-mock] " + maskTokens(message));
        }

        @Override
        public void error(String message, Throwable t) {
            System.err.println("[wawp-mock] " + maskTokens(message) + " (" + t.getClass().getSimpleName() + ")");
        }
    }

    /** Loads and saves nothing, so a {@code mappings/} folder in the working directory is never read. */
    private enum NoMappingFiles implements MappingsSource {
        INSTANCE;

        @Override
        public void loadMappingsInto(StubMappings stubMappings) {
        }

        @Override
        public void save(List<StubMapping> stubMappings) {
        }

        @Override
        public void save(StubMapping stubMapping) {
        }

        @Override
        public void remove(StubMapping stubMapping) {
        }

        @Override
        public void removeAll() {
        }
    }
}
