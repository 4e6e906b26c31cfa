package dev.wawpkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wawpkit.mock.junit5.WawpMockTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The README's error examples are what the mock sends, byte for byte: the JSON body and the XML one, prolog included. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@WawpMockTest(token = ReadmeErrorExamplesTest.TOKEN, bootDelayMillis = -1)
class ReadmeErrorExamplesTest {
    static final String TOKEN = "readme-example-token";

    private final WawpMockServer mock;

    ReadmeErrorExamplesTest(WawpMockServer mock) {
        this.mock = mock;
    }

    /** Returns the first fenced block of the language that follows the README's "Errors look like this" line. */
    private static String example(String language) throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        String section = readme.substring(readme.indexOf("Errors look like this"));
        Matcher m = Pattern.compile("(?s)```" + language + "\\n(.*?)\\n```").matcher(section);
        assertThat(m.find())
                .as("a ```%s block after 'Errors look like this' in README.md", language)
                .isTrue();
        return m.group(1);
    }

    @Test
    void theJsonErrorExampleIsWhatTheMockSends() throws IOException {
        Http.Response r =
                Http.to(mock, "/v2/session/start?access_token=" + TOKEN).send();

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.mediaType()).isEqualTo("application/json");
        assertThat(r.body()).isEqualTo(example("json"));
    }

    @Test
    void theXmlErrorExampleIsWhatTheMockSendsPrologIncluded() throws IOException {
        Http.Response r = Http.to(mock, "/v2/session/start?access_token=" + TOKEN)
                .accept("application/xml")
                .send();

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).isEqualTo("application/xml; charset=utf-8");
        assertThat(r.body().strip()).isEqualTo(example("xml"));
    }
}
