package org.unionledger.query.feed.webhook;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The signature receivers recompute, checked against a value computed independently with openssl. */
class WebhookSignatureTest {

    @Test
    void signsTimestampDotBodyWithHmacSha256() {
        // printf '1764300000.{"id":"e-1"}' | openssl dgst -sha256 -hmac 'a-secret-of-16-chars'
        assertThat(WebhookSignature.sign("a-secret-of-16-chars", 1_764_300_000L, "{\"id\":\"e-1\"}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("v1=" + OPENSSL);
    }

    @Test
    void anotherTimestampOrSecretGivesAnotherSignature() {
        byte[] body = "{\"id\":\"e-1\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookSignature.sign("a-secret-of-16-chars", 1_764_300_001L, body)).isNotEqualTo("v1=" + OPENSSL);
        assertThat(WebhookSignature.sign("b-secret-of-16-chars", 1_764_300_000L, body)).isNotEqualTo("v1=" + OPENSSL);
    }

    private static final String OPENSSL = "dab89be1d68547aa2ab366d2bcf03bff77e77464af20d1e0aa793886a5af2d74";
}
