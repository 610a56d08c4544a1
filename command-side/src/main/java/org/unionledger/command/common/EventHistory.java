package org.unionledger.command.common;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Asks the event store, the source of truth, about another aggregate: used when a lookup table says something is
 * taken and the command side must tell a rightful holder from one left behind by a command that never committed.
 */
@Component
public class EventHistory {

    private final EventStore eventStore;

    public EventHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** Whether the aggregate has any event at all. */
    public boolean exists(String aggregateId) {
        try {
            return eventStore.lastSequenceNumberFor(aggregateId).isPresent();
        } catch (AggregateNotFoundException e) {
            // Some event stores (Axon's test fixture among them) say so by throwing.
            return false;
        }
    }

    /** Whether the aggregate has an event with a payload of {@code type}. */
    public boolean hasEvent(String aggregateId, Class<?> type) {
        DomainEventStream stream;
        try {
            stream = eventStore.readEvents(aggregateId);
        } catch (AggregateNotFoundException e) {
            return false;
        }
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (type.isAssignableFrom(event.getPayloadType())) {
                return true;
            }
        }
        return false;
    }

    /** The sequence number of the aggregate's last event stamped with this metadata value, if any. */
    public Optional<Long> lastSequenceWith(String aggregateId, String metadataKey, String value) {
        DomainEventStream stream = eventStore.readEvents(aggregateId);
        Long found = null;
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (value.equals(event.getMetaData().get(metadataKey))) {
                found = event.getSequenceNumber();
            }
        }
        return Optional.ofNullable(found);
    }
}
