package dev.wawpkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs a session through everything that can echo a token - bad input, unexpected calls, faults,
 * control-API output, the mock's own log - then scans all of it for the full token.
 */
class SecretsTest {
    private static final String SECRET = "sk-live-7f3a9c2e4b1d8f60";

    /** Writes to the real stderr and to a copy. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int c) throws IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public synchronized void write(byte[] buf, int off, int len) throws IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }
    }

    @Test
    void noOutputOfTheMockEverShowsAFullToken() throws Exception {
        List<String> seen = new ArrayList<>();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        System.setErr(new PrintStream(new Tee(originalErr, log), true));
        // Its own mock, started and closed inside the capture: what it prints then counts too.
        try (WawpMockServer mock =
                WawpMockServer.builder().token(SECRET).manualBoot().build().start()) {
            String id = Calls.createdId(mock, SECRET);
            mock.faults().onInfo().token(SECRET).respond(502, Format.XML);
            mock.faults().onStart().session(id).token(SECRET).times(2).respond(500, Format.HTML);
            for (String path : List.of(
                    "/v2/session/start?instance_id=" + id + "&access_token=" + SECRET,
                    "/v2/session/info?instance_id=" + id + "&access_token=" + SECRET,
                    "/v2/session/info?instance_id=" + id + "&access_token=" + SECRET + "x",
                    "/v2/session/info?instance_id=short&access_token=" + SECRET,
                    "/v2/session/strat?instance_id=" + id + "&access_token=" + SECRET,
                    "/v2/session/create?access_token=" + SECRET + "&access_token=" + SECRET)) {
                seen.add(Http.to(mock, path).send().body());
                seen.add(Http.to(mock, path).accept("application/xml").send().body());
                seen.add(Http.to(mock, path).accept("text/plain").send().body());
            }
            seen.add(Http.raw(mock.baseUrl(), "POST", "/v2/session/start?access_token=" + SECRET + "%zz", null)
                    .body());
            seen.add(Http.to(mock, "/v2/session/start")
                    .json("{\"access_token\": " + "\"" + SECRET + "\", ")
                    .send()
                    .body());
            seen.add(Http.to(mock, "/v2/session/start")
                    .json("{\"access_token\": " + SECRET + "}")
                    .send()
                    .body());
            for (String control : List.of(
                    "/sessions",
                    "/sessions/" + id,
                    "/sessions/" + id + "/calls",
                    "/faults",
                    "/tokens",
                    "/unexpected-calls",
                    "/sessions/" + id + "/webhooks")) {
                seen.add(Http.to(mock, "/__admin/wawp" + control)
                        .method("GET")
                        .send()
                        .body());
            }
            seen.add(Http.to(mock, "/__admin/wawp/faults")
                    .json("{\"endpoint\": \"create\", \"status\": 500, " + "\"access_token\": \"" + SECRET + "\"}")
                    .send()
                    .body());
            seen.add(Http.to(mock, "/__admin/wawp/tokens/" + SECRET)
                    .method("PUT")
                    .json("{\"quota\": -1}")
                    .send()
                    .body());
            seen.add(Http.to(mock, "/__admin/wawp/tokens/" + SECRET)
                    .method("PUT")
                    .json("{\"quota\": 3}")
                    .send()
                    .body());
            seen.add(mock.sessions().toString());
            seen.add(mock.session(id).calls().toString());
            seen.add(mock.faults().list().stream()
                    .map(f -> f.instanceId() + " " + f.fault())
                    .toList()
                    .toString());
            seen.add(mock.tokens().list().toString());
            seen.add(mock.unexpectedCalls().toString());
            seen.add(mock.toString());
        } finally {
            System.setErr(originalErr);
        }
        seen.add(log.toString(StandardCharsets.UTF_8));

        assertThat(seen).isNotEmpty().allSatisfy(text -> assertThat(text).doesNotContain(SECRET));
        assertThat(String.join("\n", seen)).contains("sk-l...");
    }
}
