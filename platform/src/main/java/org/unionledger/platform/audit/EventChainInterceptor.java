package org.unionledger.platform.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Puts each domain event's chain hash into its metadata before the event store appends it, in either storage mode.
 * <p>
 * Axon calls event dispatch interceptors once per unit of work, with all its events in order, just before they are
 * stored; so an event's predecessor is either earlier in the same batch or already in the store. The last committed
 * hash of recently written aggregates is cached (keyed by sequence number, filled only after commit) to spare the
 * read of the previous event; anything else reads it back from the event store. A concurrent writer on the same
 * aggregate cannot slip in between: the store's unique (aggregate, sequence) key rejects one of the two appends.
 */
public class EventChainInterceptor implements MessageDispatchInterceptor<EventMessage<?>> {

    private record Head(long sequence, String hash) {
    }

    private static final int CACHED_HEADS = 10_000;

    private final EventStore eventStore;
    private final Serializer eventSerializer;
    private final Map<String, Head> committedHeads = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Head> eldest) {
            return size() > CACHED_HEADS;
        }
    };

    public EventChainInterceptor(EventStore eventStore, Serializer eventSerializer) {
        this.eventStore = eventStore;
        this.eventSerializer = eventSerializer;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        Map<String, Head> batchHeads = new HashMap<>();
        return (index, message) -> {
            if (!(message instanceof DomainEventMessage<?> event) || event.getAggregateIdentifier() == null
                    || event.getMetaData().containsKey(EventChain.HASH)) {
                return message;
            }
            String aggregateId = event.getAggregateIdentifier();
            long sequence = event.getSequenceNumber();
            Head previous = batchHeads.get(aggregateId);
            String previousHash = previous != null && previous.sequence() == sequence - 1
                    ? previous.hash() : previousHash(aggregateId, sequence);
            String hash = EventChain.hash(previousHash, link(event));
            Head head = new Head(sequence, hash);
            batchHeads.put(aggregateId, head);
            CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.afterCommit(committed -> remember(aggregateId, head)));
            return event.andMetaData(Map.of(EventChain.HASH, hash));
        };
    }

    private EventChain.Link link(DomainEventMessage<?> event) {
        SerializedObject<byte[]> payload = event.serializePayload(eventSerializer, byte[].class);
        Map<String, String> metadata = new HashMap<>();
        event.getMetaData().forEach((key, value) -> metadata.put(key, EventChain.text(value)));
        return new EventChain.Link(event.getType(), event.getAggregateIdentifier(), event.getSequenceNumber(),
                event.getIdentifier(), event.getTimestamp(), payload.getType().getName(),
                payload.getType().getRevision(), payload.getData(), metadata);
    }

    private String previousHash(String aggregateId, long sequence) {
        if (sequence == 0) {
            return EventChain.GENESIS;
        }
        synchronized (committedHeads) {
            Head cached = committedHeads.get(aggregateId);
            if (cached != null && cached.sequence() == sequence - 1) {
                return cached.hash();
            }
        }
        DomainEventStream stored = eventStore.readEvents(aggregateId, sequence - 1);
        while (stored.hasNext()) {
            DomainEventMessage<?> candidate = stored.next();
            if (candidate.getSequenceNumber() == sequence - 1) {
                Object hash = candidate.getMetaData().get(EventChain.HASH);
                // An event stored before chaining began has no hash: the chain restarts from genesis after it.
                return hash == null ? EventChain.GENESIS : hash.toString();
            }
        }
        return EventChain.GENESIS;
    }

    private void remember(String aggregateId, Head head) {
        synchronized (committedHeads) {
            Head known = committedHeads.get(aggregateId);
            if (known == null || known.sequence() < head.sequence()) {
                committedHeads.put(aggregateId, head);
            }
        }
    }
}
