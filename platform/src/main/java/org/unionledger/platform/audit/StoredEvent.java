package org.unionledger.platform.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One event exactly as the event store holds it: serialized payload bytes, the payload type and revision it was
 * written with (before any upcasting), and its metadata. This is what the hash chain covers and what auditors see
 * when they ask for the stored form.
 *
 * @param position  the event's place in the global order (the JDBC global index, or Axon Server's token)
 * @param metadata  the metadata values as text, keyed by name
 */
public record StoredEvent(long position, String aggregateType, String aggregateId, long sequence, String eventId,
                          Instant timestamp, String payloadType, String payloadRevision, byte[] payload,
                          Map<String, String> metadata) {

    /** The chain hash recorded with the event when it was appended, or null for an event stored without one. */
    public String recordedHash() {
        return metadata.get(EventChain.HASH);
    }
}
