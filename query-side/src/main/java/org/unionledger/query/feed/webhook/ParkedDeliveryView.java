package org.unionledger.query.feed.webhook;

import java.time.Instant;

/** A parked delivery as the API shows it. */
record ParkedDeliveryView(String position, String eventId, String type, int attempts, String lastError, Instant parkedAt) {

    static ParkedDeliveryView of(ParkedDelivery delivery) {
        return new ParkedDeliveryView(Long.toString(delivery.position()), delivery.eventId(), delivery.type(),
                delivery.attempts(), delivery.lastError(), delivery.parkedAt());
    }
}
