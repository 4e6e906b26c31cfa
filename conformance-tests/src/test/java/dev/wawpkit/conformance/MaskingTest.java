package dev.wawpkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wawpkit.conformance.internal.Masking;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MaskingTest {
    @Test
    void masksATokenAsItsFirstFourCharacters() {
        assertThat(Masking.token("abcdefghij")).isEqualTo("abcd...");
    }

    @Test
    void showsNothingOfAShortTokenAndNeverTheWordNull() {
        assertThat(Masking.token("abcd")).isEqualTo("...");
        assertThat(Masking.token(null)).isEmpty();
        assertThat(Masking.mask("access_token=abc&x=1")).isEqualTo("access_token=...&x=1");
    }

    @Test
    void masksEveryCredentialParameterEvenUnregistered() {
        assertThat(Masking.mask("POST /v2/session/start?instance_id=X&access_token=unregistered-1 -> 200"))
                .isEqualTo("POST /v2/session/start?instance_id=X&access_token=unre... -> 200");
        assertThat(Masking.mask("{\"access_token\": \"unregistered-2\"}")).isEqualTo("{\"access_token\": \"unre...\"}");
        assertThat(Masking.mask("access-token: unregistered-3")).isEqualTo("access-token: unre...");
    }

    @Test
    void masksARegisteredSecretWhereverItAppears() {
        Masking.register("registered-secret-1");

        assertThat(Masking.mask("the token registered-secret-1 is not one this mock knows"))
                .isEqualTo("the token regi... is not one this mock knows");
    }
}
