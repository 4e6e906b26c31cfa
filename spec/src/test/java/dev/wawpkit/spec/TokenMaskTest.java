package dev.wawpkit.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TokenMaskTest {
    @Test
    void maskKeepsTheFirstFourCharacters() {
        assertThat(TokenMask.mask("dev-0123456789")).isEqualTo("dev-...");
    }

    @Test
    void maskHidesShortTokensEntirely() {
        assertThat(TokenMask.mask("abcd")).isEqualTo("...");
        assertThat(TokenMask.mask("")).isEqualTo("...");
        assertThat(TokenMask.mask(null)).isNull();
    }

    @Test
    void maskingAMaskedTokenChangesNothing() {
        assertThat(TokenMask.mask(TokenMask.mask("dev-0123456789"))).isEqualTo("dev-...");
        assertThat(TokenMask.mask(TokenMask.mask("abc"))).isEqualTo("...");
    }

    @Test
    void scrubReplacesEveryOccurrence() {
        assertThat(TokenMask.scrub("a dev-0123456789 b dev-0123456789", "dev-0123456789"))
                .isEqualTo("a dev-... b dev-...");
        assertThat(TokenMask.scrub("a b", null)).isEqualTo("a b");
    }

    @Test
    void maskTextMasksEveryWayACredentialIsNamed() {
        assertThat(TokenMask.maskText("POST /v2/session/start?instance_id=X&access_token=secret-1 -> 200"))
                .isEqualTo("POST /v2/session/start?instance_id=X&access_token=secr... -> 200");
        assertThat(TokenMask.maskText("{\"access_token\": \"secret-2\"}")).isEqualTo("{\"access_token\": \"secr...\"}");
        assertThat(TokenMask.maskText("access-token: secret-3")).isEqualTo("access-token: secr...");
        assertThat(TokenMask.maskText("Access%5Ftoken=secret-4")).isEqualTo("Access%5Ftoken=secr...");
        assertThat(TokenMask.maskText("X-Wawp-Admin-Token: admin-secret")).isEqualTo("X-Wawp-Admin-Token: admi...");
        assertThat(TokenMask.maskText("access_token=abc&x=1")).isEqualTo("access_token=...&x=1");
    }

    @Test
    void maskTextLeavesNamesInsideLongerNamesAndPlaceholdersAlone() {
        assertThat(TokenMask.maskText("export WAWP_ACCESS_TOKEN=your-token"))
                .isEqualTo("export WAWP_ACCESS_TOKEN=your-token");
        assertThat(TokenMask.maskText("POST /v2/session/start?access_token={token}&instance_id=X"))
                .isEqualTo("POST /v2/session/start?access_token={token}&instance_id=X");
        assertThat(TokenMask.maskText("access_token=${access_token}")).isEqualTo("access_token=${access_token}");
        assertThat(TokenMask.maskText("access_token={invalid token}&x=1"))
                .isEqualTo("access_token={invalid token}&x=1");
        assertThat(TokenMask.maskText("access_token={not-a-placeholder")).isEqualTo("access_token={not...");
    }

    @Test
    void maskTextLeavesOtherTextAlone() {
        assertThat(TokenMask.maskText("instance_id=3EB0BCB2E3D4 status=WORKING"))
                .isEqualTo("instance_id=3EB0BCB2E3D4 status=WORKING");
        assertThat(TokenMask.maskText(null)).isNull();
    }
}
