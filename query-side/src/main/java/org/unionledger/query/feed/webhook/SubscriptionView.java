package org.unionledger.query.feed.webhook;

import java.time.Instant;
import java.util.List;

/** A subscription as the API shows it: never its secret. */
record SubscriptionView(String id, String targetUrl, List<String> types, String position, String status, int attempts,
                        Instant nextAttemptAt, String lastError, long parked, Instant createdAt) {

    static SubscriptionView of(Subscription subscription, long parked) {
        return new SubscriptionView(subscription.id(), subscription.targetUrl(), subscription.types(),
                Long.toString(subscription.position()), subscription.status().name(), subscription.attempts(),
                subscription.nextAttemptAt(), subscription.lastError(), parked, subscription.createdAt());
    }
}
