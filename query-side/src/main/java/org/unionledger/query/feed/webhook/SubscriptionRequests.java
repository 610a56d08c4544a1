package org.unionledger.query.feed.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Request bodies of the subscription API. */
final class SubscriptionRequests {

    private SubscriptionRequests() {
    }

    /**
     * A new subscription.
     *
     * @param targetUrl where to POST each event
     * @param types     the types to deliver; all when absent or empty
     * @param secret    the key of the HMAC-SHA256 signature, 16 to 200 characters
     * @param after     the position to start after; absent means from the newest event now (only what happens next)
     */
    record Create(@NotBlank @Size(max = 2000) String targetUrl,
                  List<String> types,
                  @NotBlank @Size(min = 16, max = 200) String secret,
                  String after) {
    }

    /** Where delivery continues: after this position. */
    record Reset(@NotBlank String position) {
    }
}
