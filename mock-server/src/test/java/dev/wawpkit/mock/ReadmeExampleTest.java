package dev.wawpkit.mock;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's Java example runs here, and the README must quote it exactly. */
class ReadmeExampleTest {

    @Test
    void embeddedExample() throws Exception {
        // tag::embedded[]
        try (WawpMockServer mock = WawpMockServer.builder()
                .token("test-token-1")              // valid tokens; others get 401
                .quota(10)                          // creates per token, then 403
                .bootDelay(java.time.Duration.ofMillis(100))
                .build()
                .start()) {                         // port 0: a free port on 127.0.0.1

            // Seed a session that waits for a QR scan, and make the next start fail with 502 as XML.
            MockSession session = mock.seedSession().token("test-token-1")
                    .status(SessionStatus.SCAN_QR_CODE).create();
            mock.faults().onStart().session(session.instanceId()).respond(502, Format.XML);

            URI info = mock.baseUrl().resolve("/v2/session/info?instance_id=" + session.instanceId()
                    + "&access_token=test-token-1");
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(info).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.body()).contains("\"status\":\"SCAN_QR_CODE\"");

            mock.session(session.instanceId()).moveTo(SessionStatus.WORKING);   // the QR was scanned
            assertThat(mock.session(session.instanceId()).calls()).hasSize(1);
        }
        // end::embedded[]
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"ReadmeExampleTest.java, embedded",
            "sample/OnboardingServiceTest.java, consumer-test"})
    void theReadmeQuotesTheExampleExactly(String file, String tag) throws IOException {
        String source = Files.readString(Path.of("src/test/java/dev/wawpkit/mock/" + file));
        String readme = Files.readString(Path.of("../README.md"));
        Matcher m = Pattern.compile("// tag::" + tag + "\\[]\\n(.*?)\\n\\s*// end::" + tag + "\\[]", Pattern.DOTALL)
                .matcher(source);
        assertThat(m.find()).as("tag %s in %s", tag, file).isTrue();
        String snippet = m.group(1).stripIndent().strip();

        assertThat(readme).as("README.md must quote %s verbatim", file).contains(snippet);
    }

    @org.junit.jupiter.api.Test
    void theReadmeSaysEachThingOnce() throws IOException {
        java.util.List<String> headings = new java.util.ArrayList<>();
        boolean inCode = false;
        for (String line : Files.readAllLines(Path.of("../README.md"))) {
            if (line.startsWith("```")) {
                inCode = !inCode;
            } else if (!inCode && (line.startsWith("# ") || line.startsWith("## "))) {
                headings.add(line);
            }
        }

        assertThat(headings).as("README.md's top-level headings").doesNotHaveDuplicates();
    }
}
