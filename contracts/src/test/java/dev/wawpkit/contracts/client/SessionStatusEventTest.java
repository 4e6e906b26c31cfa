package dev.wawpkit.contracts.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What a webhook receiver relies on: the signature check and the parse of a delivery. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SessionStatusEventTest {
    private static final byte[] BODY = "{\"event\":\"session.status\"}".getBytes(StandardCharsets.UTF_8);
    /** HMAC-SHA256 of BODY with the key s3cret, computed outside Java. */
    private static final String SIGNATURE = "26b34aac3fe6ec50a59e9e9c4144948cc69f72cb379a23855ea0806cf1186701";

    @Test
    void aSignatureOfTheRawBodyWithTheSecretMatches() {
        assertThat(SessionStatusEvent.signatureMatches(BODY, SIGNATURE, "s3cret"))
                .isTrue();
        assertThat(SessionStatusEvent.signatureMatches(BODY, SIGNATURE.toUpperCase(), "s3cret"))
                .isTrue();
    }

    @Test
    void aWrongSecretATamperedBodyOrNoHeaderDoesNotMatch() {
        assertThat(SessionStatusEvent.signatureMatches(BODY, SIGNATURE, "other"))
                .isFalse();
        assertThat(SessionStatusEvent.signatureMatches(
                        "{\"event\":\"session.stat\"}".getBytes(StandardCharsets.UTF_8), SIGNATURE, "s3cret"))
                .isFalse();
        assertThat(SessionStatusEvent.signatureMatches(BODY, null, "s3cret")).isFalse();
    }

    @Test
    void parseReadsTheStatusAndTheAccount() {
        SessionStatusEvent event = SessionStatusEvent.parse(("{\"id\":\"evt_1\",\"timestamp\":1767225600000,"
                        + "\"session\":\"wawp-84729105\",\"metadata\":{},\"engine\":\"WEBJS\",\"event\":\"session.status\","
                        + "\"payload\":{\"name\":\"wawp-84729105\",\"status\":\"WORKING\"},"
                        + "\"me\":{\"id\":\"201012345678@c.us\",\"pushName\":\"John Doe\"},\"new_field\":1}")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(event)
                .isEqualTo(new SessionStatusEvent(
                        "evt_1", 1767225600000L, "wawp-84729105", "WORKING", new Me("201012345678@c.us", "John Doe")));
    }

    @Test
    void parseRefusesAnotherEventOrNonJsonSayingWhatItExpected() {
        assertThatThrownBy(() -> SessionStatusEvent.parse("{\"event\":\"message\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Expected \"event\": \"session.status\", but got \"message\".");
        assertThatThrownBy(() -> SessionStatusEvent.parse("<html>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Expected a JSON session.status event, but the body is not JSON");
    }
}
