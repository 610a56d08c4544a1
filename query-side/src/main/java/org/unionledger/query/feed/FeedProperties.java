package org.unionledger.query.feed;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * The integrator feed's settings ({@code unionledger.feed.*}).
 *
 * @param source            the CloudEvents {@code source} of every event
 * @param defaultPageSize   events per page when the caller gives no {@code limit}
 * @param maxPageSize       the largest {@code limit} accepted
 * @param scanLimit         how many stored events one page looks at, at most, when a type filter leaves most out;
 *                          the page then ends early with the position reached, so a sparse filter cannot make one
 *                          request read the whole store
 * @param gapTimeout        how long a hole in the event store's global index (a transaction that took a number but
 *                          has not committed) holds back the events after it; after that it is taken as a number
 *                          that will never be used (a rolled-back append). Axon Server has no holes.
 * @param readWait          how long a read waits for the first event when none is buffered: zero for the embedded
 *                          store, a little more over the network to Axon Server
 * @param heartbeatInterval how often a live stream with nothing to send says it is alive
 * @param streamPollInterval how often a live stream looks for new events once caught up
 * @param streamTimeout     how long one live stream lasts before the server closes it (clients resume with
 *                          {@code Last-Event-ID})
 * @param maxStreams        live streams served at once; more are refused with 503
 * @param webhooks          webhook delivery settings
 */
@ConfigurationProperties("unionledger.feed")
public record FeedProperties(@DefaultValue("urn:unionledger:query-side") URI source,
                             @DefaultValue("100") int defaultPageSize,
                             @DefaultValue("1000") int maxPageSize,
                             @DefaultValue("10000") int scanLimit,
                             @DefaultValue("10s") Duration gapTimeout,
                             @DefaultValue("0ms") Duration readWait,
                             @DefaultValue("15s") Duration heartbeatInterval,
                             @DefaultValue("250ms") Duration streamPollInterval,
                             @DefaultValue("30m") Duration streamTimeout,
                             @DefaultValue("64") int maxStreams,
                             @DefaultValue Webhooks webhooks) {

    /**
     * Webhook delivery settings ({@code unionledger.feed.webhooks.*}).
     *
     * @param enabled          whether this node delivers webhooks
     * @param pollInterval     how often subscriptions are looked at for events to deliver
     * @param batchSize        events read per subscription per round
     * @param maxAttempts      attempts at one delivery before it is parked and the subscription paused
     * @param initialBackoff   the wait after the first failure; it doubles after each further one
     * @param maxBackoff       the longest wait between attempts
     * @param requestTimeout   how long one delivery may take
     * @param lease            how long a node owns a subscription's deliveries before another may take over
     * @param allowLoopback    whether target URLs may point at loopback addresses (tests and local drills only)
     * @param allowLinkLocal   whether target URLs may point at link-local addresses (e.g. cloud metadata services)
     */
    public record Webhooks(@DefaultValue("true") boolean enabled,
                           @DefaultValue("200ms") Duration pollInterval,
                           @DefaultValue("100") int batchSize,
                           @DefaultValue("8") int maxAttempts,
                           @DefaultValue("1s") Duration initialBackoff,
                           @DefaultValue("5m") Duration maxBackoff,
                           @DefaultValue("10s") Duration requestTimeout,
                           @DefaultValue("30s") Duration lease,
                           @DefaultValue("false") boolean allowLoopback,
                           @DefaultValue("false") boolean allowLinkLocal) {
    }
}
