package org.unionledger.query.audit.asof;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import org.unionledger.platform.web.ApiException;
import org.unionledger.shared.complaint.ComplaintView;
import org.unionledger.shared.member.MemberView;

import java.time.Instant;
import java.util.List;

/**
 * Reconstructs an aggregate as it stood at an instant from its events in the event store: every event stored at
 * or before the instant, in sequence order (events sharing a millisecond keep their order).
 */
@Component
public class AsOfReader {

    private final EventStore events;

    AsOfReader(EventStore events) {
        this.events = events;
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

    private List<? extends DomainEventMessage<?>> eventsUpTo(String aggregateId, String type, Instant asOf) {
        List<? extends DomainEventMessage<?>> all = events.readEvents(aggregateId).asStream().toList();
        if (all.isEmpty() || !type.equals(all.get(0).getType())) {
            throw ApiException.notFound(type.toUpperCase() + "_NOT_FOUND", "No " + type.toLowerCase() + " with id " + aggregateId);
        }
        return all.stream().takeWhile(event -> !event.getTimestamp().isAfter(asOf)).toList();
    }
}
