package org.unionledger.query.feed;

import io.cloudevents.CloudEvent;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.unionledger.shared.integration.IntegrationEvent;
import org.unionledger.shared.integration.PublishedEventTypes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Reads the feed from the event store in global order, for pages, live streams and webhooks alike.
 * <p>
 * A position is only handed out once nothing below it can still appear. With the JDBC store, concurrent appends take
 * global index numbers before they commit, so a reader may see 12 while 11 is still in flight; passing 12 would skip
 * 11 for good. So a page ends before the first hole whose next event is younger than the gap timeout; an older hole
 * is a number no append will ever use (a rolled-back transaction) and is stepped over.
 */
@Component
public class FeedReader {

    /** Event timestamps come from Axon's own clock, the system clock, not from the drill-shiftable domain clock. */
    private static final Clock EVENT_CLOCK = Clock.systemUTC();

    private final EventStore events;
    private final EventStorageEngine storageEngine;
    private final FeedPositions positions;
    private final FeedEnvelope envelope;
    private final Duration gapTimeout;
    private final Duration readWait;
    private final int scanLimit;

    FeedReader(EventStore events, ObjectProvider<EventStorageEngine> storageEngine, FeedPositions positions,
               FeedEnvelope envelope, FeedProperties properties) {
        this.events = events;
        this.storageEngine = positions.gapAware() ? storageEngine.getIfAvailable() : null;
        this.positions = positions;
        this.envelope = envelope;
        this.gapTimeout = properties.gapTimeout();
        this.readWait = properties.readWait();
        this.scanLimit = properties.scanLimit();
    }

    /** One entry: where the event sits and the envelope to send. */
    public record Entry(long position, CloudEvent event) {
    }

    /** A read's result: the entries and the position to continue after. */
    public record Batch(List<Entry> entries, long next) {
    }

    /**
     * Up to {@code limit} published events after {@code after}, of the given types (all when empty), looking at no
     * more than the scan limit of stored events.
     */
    public Batch read(long after, int limit, Set<String> types) {
        List<Entry> entries = new ArrayList<>(Math.min(limit, 1024));
        long next = after;
        int scanned = 0;
        try (StoredEvents stored = open(after)) {
            TrackedEventMessage<?> event;
            while (entries.size() < limit && scanned < scanLimit && (event = stored.next()) != null) {
                long position = positions.positionOf(event.trackingToken());
                if (position <= next) {
                    // A hole that filled after it had been stepped over (see the class comment): passed for good.
                    continue;
                }
                if (position > next + 1 && positions.gapAware() && tooYoungToStepOverAHole(event.getTimestamp())) {
                    break;
                }
                scanned++;
                next = position;
                Optional<IntegrationEvent> published = IntegrationEventMapper.map(event.getPayload());
                if (published.isPresent()) {
                    String type = PublishedEventTypes.of(published.get()).type();
                    if (types.isEmpty() || types.contains(type)) {
                        entries.add(new Entry(position, envelope.wrap(event, published.get(), position)));
                    }
                }
            }
        }
        return new Batch(entries, next);
    }

    /** The position of the newest stored event (0 when there is none): where a reader starting "from now" begins. */
    public long headPosition() {
        TrackingToken head = storageEngine != null ? storageEngine.createHeadToken() : events.createHeadToken();
        return head == null ? 0 : positions.positionOf(head);
    }

    /**
     * The stored events after a position, in global index order. The JDBC engine is read directly with a fresh query
     * per read: the event store's shared cache hands events over in the order they were fetched, so an append that
     * filled a hole would come after the events above it.
     */
    private StoredEvents open(long after) {
        if (storageEngine != null) {
            Stream<? extends TrackedEventMessage<?>> stream = storageEngine.readEvents(positions.tokenAfter(after), false);
            Iterator<? extends TrackedEventMessage<?>> iterator = stream.iterator();
            return new StoredEvents() {
                @Override
                public TrackedEventMessage<?> next() {
                    return iterator.hasNext() ? iterator.next() : null;
                }

                @Override
                public void close() {
                    stream.close();
                }
            };
        }
        BlockingStream<TrackedEventMessage<?>> stream = events.openStream(positions.tokenAfter(after));
        return new StoredEvents() {
            private boolean first = true;

            @Override
            public TrackedEventMessage<?> next() {
                try {
                    boolean available = first && !readWait.isZero()
                            ? stream.hasNextAvailable((int) readWait.toMillis(), TimeUnit.MILLISECONDS)
                            : stream.hasNextAvailable();
                    first = false;
                    return available ? stream.nextAvailable() : null;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }

            @Override
            public void close() {
                stream.close();
            }
        };
    }

    /** Stored events one at a time; {@code null} once none is available now. */
    private interface StoredEvents extends AutoCloseable {
        TrackedEventMessage<?> next();

        @Override
        void close();
    }

    private boolean tooYoungToStepOverAHole(Instant eventTimestamp) {
        return eventTimestamp.plus(gapTimeout).isAfter(Instant.now(EVENT_CLOCK));
    }
}
