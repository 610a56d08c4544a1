package org.unionledger.platform.audit;

import io.axoniq.axonserver.connector.event.AggregateEventStream;
import io.axoniq.axonserver.connector.event.EventChannel;
import io.axoniq.axonserver.connector.event.EventStream;
import io.axoniq.axonserver.grpc.MetaDataValue;
import io.axoniq.axonserver.grpc.event.Event;
import io.axoniq.axonserver.grpc.event.EventWithToken;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The production mode's raw events, read from Axon Server through its connector without Axon's upcasting: the
 * payload bytes, type and revision as appended, and the metadata values as text. The global position is Axon
 * Server's token. A whole-store scan reads up to the head as it was when the scan began.
 * <p>
 * Not exercised by the test suite: no Axon Server can run on the build machine.
 */
public class AxonServerStoredEvents implements StoredEvents {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final AxonServerConnectionManager connections;
    private final int bufferSize;

    public AxonServerStoredEvents(AxonServerConnectionManager connections, int bufferSize) {
        this.connections = connections;
        this.bufferSize = bufferSize;
    }

    @Override
    public List<StoredEvent> ofAggregate(String aggregateId) {
        AggregateEventStream stream = channel().openAggregateStream(aggregateId, false);
        List<StoredEvent> events = new ArrayList<>();
        try {
            while (stream.hasNext()) {
                events.add(event(-1, stream.next()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading aggregate " + aggregateId, e);
        } finally {
            stream.cancel();
        }
        return events;
    }

    @Override
    public Stream<StoredEvent> after(long position) {
        long head = headPosition();
        if (head <= position) {
            return Stream.empty();
        }
        EventStream stream = channel().openStream(position, bufferSize);
        Iterator<StoredEvent> events = new Iterator<>() {
            private long last = position;

            @Override
            public boolean hasNext() {
                return last < head;
            }

            @Override
            public StoredEvent next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                try {
                    EventWithToken next = stream.nextIfAvailable(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    if (next == null) {
                        throw new IllegalStateException("Axon Server sent nothing for " + TIMEOUT + " before the head");
                    }
                    last = next.getToken();
                    return event(next.getToken(), next.getEvent());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while reading the event stream", e);
                }
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(events, Spliterator.ORDERED), false)
                            .onClose(stream::close);
    }

    @Override
    public long headPosition() {
        try {
            Long token = channel().getLastToken().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return token == null ? -1 : token;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the head position", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot read Axon Server's head position", e);
        }
    }

    private EventChannel channel() {
        return connections.getConnection().eventChannel();
    }

    private static StoredEvent event(long position, Event event) {
        Map<String, String> metadata = new LinkedHashMap<>();
        event.getMetaDataMap().forEach((key, value) -> metadata.put(key, text(value)));
        String revision = event.getPayload().getRevision();
        return new StoredEvent(position, event.getAggregateType(), event.getAggregateIdentifier(),
                event.getAggregateSequenceNumber(), event.getMessageIdentifier(),
                Instant.ofEpochMilli(event.getTimestamp()), event.getPayload().getType(),
                revision.isEmpty() ? null : revision, event.getPayload().getData().toByteArray(), metadata);
    }

    private static String text(MetaDataValue value) {
        return switch (value.getDataCase()) {
            case TEXT_VALUE -> value.getTextValue();
            case NUMBER_VALUE -> String.valueOf(value.getNumberValue());
            case BOOLEAN_VALUE -> String.valueOf(value.getBooleanValue());
            case DOUBLE_VALUE -> String.valueOf(value.getDoubleValue());
            case BYTES_VALUE -> value.getBytesValue().getData().toStringUtf8();
            case DATA_NOT_SET -> null;
        };
    }
}
