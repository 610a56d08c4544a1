package org.unionledger.query.audit.asof;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import org.unionledger.platform.web.ApiException;
import org.unionledger.shared.complaint.ComplaintView;
import org.unionledger.shared.member.MemberView;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reconstructs an aggregate as it stood at an instant from its events in the event store: every event stored at
 * or before the instant, in sequence order (events sharing a millisecond keep their order).
 */
@Component
public class AsOfReader {

    /** The union directory's collection, used only for the list of union IDs; every state comes from events. */
    private static final String UNION_IDS = "union_directory";

    private final EventStore events;
    private final MongoTemplate mongo;

    AsOfReader(EventStore events, MongoTemplate mongo) {
        this.events = events;
        this.mongo = mongo;
    }

    public MemberView member(String memberId, Instant asOf) {
        List<? extends DomainEventMessage<?>> upTo = eventsUpTo(memberId, "Member", asOf);
        return MemberAsOf.replay(upTo).orElseThrow(() -> ApiException.notFound("MEMBER_NOT_FOUND",
                "Member " + memberId + " did not exist on " + asOf));
    }

    public ComplaintView complaint(String complaintId, Instant asOf) {
        List<? extends DomainEventMessage<?>> upTo = eventsUpTo(complaintId, "Complaint", asOf);
        return ComplaintAsOf.replay(upTo).orElseThrow(() -> ApiException.notFound("COMPLAINT_NOT_FOUND",
                "Complaint " + complaintId + " did not exist on " + asOf));
    }

    /**
     * The organisation tree under {@code unionId} as the events recorded up to {@code asOf} said: a union moved
     * later still hangs under its old parent, one merged or dissolved later is still active.
     */
    public UnionTreeNode unionTree(String unionId, Instant asOf) {
        UnionTreeAsOf.State root = UnionTreeAsOf.replay(eventsUpTo(unionId, "Union", asOf))
                .orElseThrow(() -> ApiException.notFound("UNION_NOT_FOUND",
                        "Union " + unionId + " did not exist on " + asOf));
        List<UnionTreeAsOf.State> all = new ArrayList<>();
        for (Document union : mongo.getCollection(UNION_IDS).find().projection(new Document("_id", 1))) {
            List<? extends DomainEventMessage<?>> stream = events.readEvents(union.getString("_id")).asStream()
                    .takeWhile(event -> !event.getTimestamp().isAfter(asOf)).toList();
            UnionTreeAsOf.replay(stream).ifPresent(all::add);
        }
        return UnionTreeAsOf.tree(root, all);
    }

    private List<? extends DomainEventMessage<?>> eventsUpTo(String aggregateId, String type, Instant asOf) {
        List<? extends DomainEventMessage<?>> all = events.readEvents(aggregateId).asStream().toList();
        if (all.isEmpty() || !type.equals(all.get(0).getType())) {
            throw ApiException.notFound(type.toUpperCase() + "_NOT_FOUND", "No " + type.toLowerCase() + " with id " + aggregateId);
        }
        return all.stream().takeWhile(event -> !event.getTimestamp().isAfter(asOf)).toList();
    }
}
