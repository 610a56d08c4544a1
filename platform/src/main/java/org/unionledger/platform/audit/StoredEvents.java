package org.unionledger.platform.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Raw, read-only access to the event store, below Axon's deserialization and upcasting, in whichever storage mode
 * runs: the bytes the hash chain was computed over and the form auditors can ask for ("as stored").
 */
public interface StoredEvents {

    /** Every event of one aggregate, in sequence order; empty if there is no such aggregate. */
    List<StoredEvent> ofAggregate(String aggregateId);

    /**
     * Every event after the given global position, in global order, read lazily in batches so that a scan of the
     * whole store never holds more than one batch. The caller must close the stream.
     */
    Stream<StoredEvent> after(long position);

    /** The position of the newest stored event, or -1 when the store is empty. */
    long headPosition();

    /** When the event at exactly {@code position} was stored, if there is one there. */
    default Optional<Instant> timestampAt(long position) {
        try (Stream<StoredEvent> next = after(position - 1)) {
            return next.findFirst().filter(event -> event.position() == position).map(StoredEvent::timestamp);
        }
    }
}
