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
 */
@ConfigurationProperties("unionledger.event-store")
public record EmbeddedEventStoreProperties(@DefaultValue("5ms") Duration fetchDelay,
                                           @DefaultValue("500") int batchSize) {
}
