package org.unionledger.query.feed.webhook;

import org.bson.Document;

import java.time.Instant;

/**
 * A delivery that failed every attempt, set aside ({@code feed_parked_deliveries}, keyed by subscription and
 * position) with the exact envelope, so it can be retried later without reading the store again.
 */
record ParkedDelivery(String subscriptionId, long position, String eventId, String type, String body, int attempts,
                      String lastError, Instant parkedAt) {

    static String key(String subscriptionId, long position) {
        return subscriptionId + "/" + position;
    }

    Document toDocument() {
        return new Document("_id", key(subscriptionId, position))
                .append("subscriptionId", subscriptionId).append("position", position).append("eventId", eventId)
                .append("type", type).append("body", body).append("attempts", attempts).append("lastError", lastError)
                .append("parkedAt", java.util.Date.from(parkedAt));
    }

    static ParkedDelivery from(Document document) {
        return new ParkedDelivery(document.getString("subscriptionId"), document.get("position", Number.class).longValue(),
                document.getString("eventId"), document.getString("type"), document.getString("body"),
                document.get("attempts", 0), document.getString("lastError"), document.getDate("parkedAt").toInstant());
    }
}
