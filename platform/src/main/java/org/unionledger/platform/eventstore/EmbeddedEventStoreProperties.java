package org.unionledger.platform.eventstore;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Tuning of the JDBC event store used in the embedded mode.
 *
 * @param fetchDelay how long a tracking reader waits before polling again once it has read everything. The query
 *                   side shares the event tables with the command side but not its in-memory notifications, so
 *                   this bounds how long an event waits before the projections see it.
 * @param batchSize  how many events one poll reads at most
 * @param cachedEvents how many of the newest events are kept in memory for the tracking readers at the head (Axon's
 *                   default is 10,000). The cache keeps them by count, not by need: under a steady load an event
 *                   stays for as long as that many newer ones take to arrive, long enough to be copied by every young
 *                   collection in between. Readers further behind read from the store; keep it above
 *                   {@code batchSize}, as one poll adds up to that many at once.
 */
@ConfigurationProperties("unionledger.event-store")
public record EmbeddedEventStoreProperties(@DefaultValue("5ms") Duration fetchDelay,
                                           @DefaultValue("500") int batchSize,
                                           @DefaultValue("1000") int cachedEvents) {

    public EmbeddedEventStoreProperties {
        if (batchSize < 1 || cachedEvents < batchSize) {
            throw new IllegalArgumentException("unionledger.event-store.cached-events (" + cachedEvents
                    + ") must be at least unionledger.event-store.batch-size (" + batchSize + "), which must be positive");
        }
    }
}
