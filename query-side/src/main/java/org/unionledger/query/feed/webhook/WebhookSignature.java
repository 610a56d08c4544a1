package org.unionledger.query.feed.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Signs a delivery: {@code v1=} and the lowercase hex HMAC-SHA256, keyed with the subscription's secret, of the
 * timestamp header's value, a full stop, and the exact body bytes. Receivers recompute it, compare in constant time
 * and reject old timestamps, so a captured delivery cannot be replayed later.
 */
final class WebhookSignature {

    static final String SIGNATURE_HEADER = "UnionLedger-Signature";
    static final String TIMESTAMP_HEADER = "UnionLedger-Timestamp";
    static final String SUBSCRIPTION_HEADER = "UnionLedger-Subscription";
    static final String ATTEMPT_HEADER = "UnionLedger-Attempt";

    private WebhookSignature() {
    }

    static String sign(String secret, long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(Long.toString(timestampSeconds).getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return "v1=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
