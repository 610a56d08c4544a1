package org.unionledger.query.feed.webhook;

import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * A webhook subscription as stored ({@code feed_subscriptions}, one document per subscription keyed by its ID).
 *
 * @param position      the feed position delivered up to (the last event acknowledged, or stepped over by the filter)
 * @param attempts      failed attempts at delivering the event after {@code position}
 * @param nextAttemptAt when delivery may be tried next (after a failure, the backoff)
 */
record Subscription(String id, String targetUrl, List<String> types, String secret, long position, Status status,
                    int attempts, Instant nextAttemptAt, String lastError, Instant createdAt) {

    enum Status { ACTIVE, PAUSED }

    static Subscription from(Document document) {
        return new Subscription(document.getString("_id"), document.getString("targetUrl"),
                document.getList("types", String.class, List.of()), document.getString("secret"),
                document.get("position", Number.class).longValue(), Status.valueOf(document.getString("status")),
                document.get("attempts", 0), instant(document.getDate("nextAttemptAt")), document.getString("lastError"),
                instant(document.getDate("createdAt")));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
