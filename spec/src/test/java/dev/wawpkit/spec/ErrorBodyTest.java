package dev.wawpkit.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ErrorBodyTest {
    @Test
    void readsCodeAndMessageOfEachDocumentedFormat() {
        assertThat(ErrorBody.parse(
                        "application/json; charset=utf-8",
                        "{\"error\": \"invalid_token\", \"message\": \"Expected a valid token.\", \"status\": 401}"))
                .isEqualTo(new ErrorBody("invalid_token", "Expected a valid token."));
        assertThat(
                        ErrorBody.parse(
                                "application/xml",
                                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                        + "<error><status>404</status><code>session_not_found</code><message>No such session.</message></error>"))
                .isEqualTo(new ErrorBody("session_not_found", "No such session."));
        assertThat(ErrorBody.parse("text/plain", "400 Bad Request: instance_id is missing\n"))
                .isEqualTo(new ErrorBody(null, "400 Bad Request: instance_id is missing"));
        assertThat(ErrorBody.parse("text/html", "<html><head><title>500 Internal Server Error</title></head></html>"))
                .isEqualTo(new ErrorBody(null, "500 Internal Server Error"));
    }

    @Test
    void readsABodyThatDoesNotParseAsItsTypeAsText() {
        assertThat(ErrorBody.parse("application/json", "upstream timed out"))
                .isEqualTo(new ErrorBody(null, "upstream timed out"));
        assertThat(ErrorBody.parse(null, "")).isEqualTo(new ErrorBody(null, null));
    }

    @Test
    void refusesXmlWithADoctypeSoNoEntityIsEverExpanded() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE error [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<error><code>&x;</code><message>m</message></error>";

        assertThat(ErrorBody.xmlRoot(xxe)).isEmpty();
        assertThat(ErrorBody.parse("application/xml", xxe).code()).isNull();
    }
}
