package org.unionledger.query.audit.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.unionledger.platform.audit.EventChain;
import org.unionledger.platform.audit.StoredEvent;
import org.unionledger.platform.audit.StoredEvents;
import org.unionledger.platform.web.ApiException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Auditors' view of an aggregate's history, read straight from the event store (not from a read model): every
 * event in order with who caused it, when, and in reply to what. It never changes anything.
 */
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
class HistoryController {

    private static final AnnotationRevisionResolver REVISIONS = new AnnotationRevisionResolver();

    private final EventStore events;
    private final StoredEvents storedEvents;
    private final ObjectMapper json;

    HistoryController(EventStore events, StoredEvents storedEvents, ObjectMapper json) {
        this.events = events;
        this.storedEvents = storedEvents;
        this.json = json;
    }

    /** How the events are shown: as the application reads them today, or exactly as they were stored. */
    enum View { CURRENT, STORED }

    private static final Map<String, String> AGGREGATE_TYPES =
            Map.of("members", "Member", "unions", "Union", "complaints", "Complaint");

    /** {@code /api/members/{id}/history}, {@code /api/unions/{id}/history}, {@code /api/complaints/{id}/history}. */
    @GetMapping("/api/{collection:members|unions|complaints}/{id}/history")
    HistoryPage history(@PathVariable String collection, @PathVariable String id,
                        @RequestParam(defaultValue = "0") @Min(0) int page,
                        @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                        @RequestParam(required = false) String type,
                        @RequestParam(defaultValue = "current") String view) {
        return read(AGGREGATE_TYPES.get(collection), id, page, size, from, to, type, view(view));
    }

    private static View view(String view) {
        try {
            return View.valueOf(view.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("INVALID_VIEW", "view", "view must be 'current' or 'stored'");
        }
    }

    private HistoryPage read(String aggregateType, String id, int page, int size, Instant from, Instant to,
                                String type, View view) {
        List<? extends DomainEventMessage<?>> stream = events.readEvents(id).asStream().toList();
        if (stream.isEmpty() || !aggregateType.equals(stream.get(0).getType())) {
            throw ApiException.notFound(aggregateType.toUpperCase() + "_NOT_FOUND",
                    "No " + aggregateType.toLowerCase() + " with id " + id);
        }
        List<HistoryEntry> matching = stream.stream()
                .filter(event -> from == null || !event.getTimestamp().isBefore(from))
                .filter(event -> to == null || event.getTimestamp().isBefore(to))
                .filter(event -> type == null || event.getPayloadType().getSimpleName().equals(type))
                .map(HistoryController::entry)
                .toList();
        List<HistoryEntry> pageOf = matching.stream().skip((long) page * size).limit(size).toList();
        if (view == View.STORED) {
            pageOf = asStored(id, pageOf);
        }
        return new HistoryPage(id, aggregateType, matching.size(), page, size, pageOf);
    }

    private static HistoryEntry entry(DomainEventMessage<?> event) {
        String actor = (String) event.getMetaData().get("actor");
        return new HistoryEntry(event.getSequenceNumber(), event.getPayloadType().getSimpleName(),
                REVISIONS.revisionOf(event.getPayloadType()), event.getTimestamp(), actor,
                (String) event.getMetaData().get("correlationId"), (String) event.getMetaData().get("causationId"),
                (String) event.getMetaData().get(EventChain.HASH), HistorySummaries.summarise(event.getPayload(), actor),
                event.getPayload());
    }

    /** The same entries with the type, revision and payload the store holds, before any upcasting. */
    private List<HistoryEntry> asStored(String id, List<HistoryEntry> entries) {
        Map<Long, StoredEvent> stored = storedEvents.ofAggregate(id).stream()
                .collect(Collectors.toMap(StoredEvent::sequence, Function.identity()));
        return entries.stream().map(entry -> {
            StoredEvent raw = stored.get(entry.sequence());
            return raw == null ? entry : new HistoryEntry(entry.sequence(), raw.payloadType(), raw.payloadRevision(),
                    raw.timestamp(), entry.actor(), entry.correlationId(), entry.causationId(), raw.recordedHash(),
                    entry.summary(), storedJson(raw));
        }).toList();
    }

    private JsonNode storedJson(StoredEvent raw) {
        try {
            return json.readTree(raw.payload());
        } catch (IOException e) {
            return json.getNodeFactory().textNode(new String(raw.payload(), StandardCharsets.UTF_8));
        }
    }
}
