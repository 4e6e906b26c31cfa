package dev.wawpkit.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * Starts a bare WireMock 3.13 serving the mock's create, start and info answers as static stubs
 * (matched on the URL path, any query), either at WireMock's defaults or tuned: request journal
 * off and 8 container threads. Runs until killed.
 *
 * <p>Usage: {@code BareWireMock PORT default|tuned}
 */
public final class BareWireMock {
    private BareWireMock() {}

    public static void main(String[] args) {
        int port = WawpAnswers.port(args, "BareWireMock PORT default|tuned");
        String mode = args.length > 1 ? args[1] : "default";
        WireMockConfiguration options =
                WireMockConfiguration.options().port(port).bindAddress("127.0.0.1");
        switch (mode) {
            case "default" -> {}
            case "tuned" -> options.disableRequestJournal().containerThreads(8);
            default -> {
                System.err.println(
                        "Expected mode default or tuned, but got '" + mode + "'. Run: BareWireMock " + port + " tuned");
                System.exit(2);
            }
        }
        WireMockServer server = new WireMockServer(options);
        server.stubFor(post(urlPathEqualTo(WawpAnswers.CREATE_PATH)).willReturn(okJson(WawpAnswers.CREATE)));
        server.stubFor(post(urlPathEqualTo(WawpAnswers.START_PATH)).willReturn(okJson(WawpAnswers.START)));
        server.stubFor(get(urlPathEqualTo(WawpAnswers.INFO_PATH)).willReturn(okJson(WawpAnswers.INFO)));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "wiremock-stop"));
        System.out.println("Bare WireMock (" + mode + ") listening on http://127.0.0.1:" + server.port());
    }
}
