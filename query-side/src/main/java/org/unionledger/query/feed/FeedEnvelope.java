package org.unionledger.query.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonCloudEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;
import org.unionledger.shared.integration.IntegrationEvent;
import org.unionledger.shared.integration.PublishedEventType;
import org.unionledger.shared.integration.PublishedEventTypes;

import java.net.URI;
import java.time.ZoneOffset;

/**
 * Wraps an integration event in a CloudEvents 1.0 envelope. The {@code id} is the stored domain event's identifier,
 * so it is the same on every read and delivery (receivers drop duplicates by it); {@code feedposition} is where a
 * reader resumes after this event.
 */
@Component
class FeedEnvelope {

    /** CloudEvents extension carrying the feed position (a decimal string: CloudEvents integers are only 32 bits). */
    static final String POSITION_EXTENSION = "feedposition";
    static final String SCHEMA_PREFIX = "urn:unionledger:feed:schema:";

    private final ObjectMapper json;
    private final URI source;

    FeedEnvelope(ObjectMapper json, FeedProperties properties) {
        this.json = json;
        this.source = properties.source();
    }

    static URI schemaUri(String type) {
        return URI.create(SCHEMA_PREFIX + type);
    }

    CloudEvent wrap(EventMessage<?> stored, IntegrationEvent event, long position) {
        PublishedEventType type = PublishedEventTypes.of(event);
        return CloudEventBuilder.v1()
                                .withId(stored.getIdentifier())
                                .withSource(source)
                                .withType(type.type())
                                .withTime(stored.getTimestamp().atOffset(ZoneOffset.UTC))
                                .withSubject(type.aggregate() + "/" + aggregateId(stored))
                                .withDataSchema(schemaUri(type.type()))
                                .withDataContentType("application/json")
                                .withData(JsonCloudEventData.wrap(json.valueToTree(event)))
                                .withExtension(POSITION_EXTENSION, Long.toString(position))
                                .build();
    }

    private static String aggregateId(EventMessage<?> stored) {
        return stored instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : stored.getIdentifier();
    }
}
