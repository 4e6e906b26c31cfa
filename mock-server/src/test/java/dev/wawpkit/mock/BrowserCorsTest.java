package dev.wawpkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.wawpkit.mock.junit5.WawpMockTest;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The documentation's browser fetch sample works from a page on another origin, in a real browser. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@WawpMockTest(token = BrowserCorsTest.TOKEN, bootDelayMillis = -1)
class BrowserCorsTest {
    static final String TOKEN = "browser-token-0001";

    @Test
    void theDocumentationsFetchSampleWorksFromAnotherOrigin(WawpMockServer mock) throws Exception {
        Chromium.require();
        String id = mock.seedSession().token(TOKEN).create().instanceId();
        String page = "<!doctype html><html><body><pre id='out'>pending</pre><script>"
                + "fetch('" + mock.baseUrl() + "/v2/session/start?instance_id=" + id + "&access_token=" + TOKEN + "', "
                + "{method: 'POST', headers: {'Content-Type': 'application/json'}})"
                + ".then(r => r.json()).then(j => { document.getElementById('out').textContent = 'answer ' + j.status; })"
                + ".catch(e => { document.getElementById('out').textContent = 'refused ' + e; });"
                + "</script></body></html>";
        HttpServer site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        site.createContext("/", exchange -> {
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        site.start();
        try {
            String dom =
                    Chromium.dumpDom("http://127.0.0.1:" + site.getAddress().getPort() + "/");

            assertThat(dom).contains("answer STARTING");
            assertThat(mock.session(id).status()).isEqualTo(SessionStatus.STARTING);
            assertThat(mock.requests(Endpoint.START))
                    .extracting(RecordedRequest::method)
                    .containsExactly("OPTIONS", "POST");
        } finally {
            site.stop(0);
        }
    }
}
