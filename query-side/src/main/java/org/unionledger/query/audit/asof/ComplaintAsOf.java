package org.unionledger.query.audit.asof;

import org.axonframework.eventhandling.DomainEventMessage;
import org.unionledger.shared.complaint.ComplaintAcknowledgedEvent;
import org.unionledger.shared.complaint.ComplaintAssignedEvent;
import org.unionledger.shared.complaint.ComplaintClosedEvent;
import org.unionledger.shared.complaint.ComplaintEscalatedEvent;
import org.unionledger.shared.complaint.ComplaintFiledEvent;
import org.unionledger.shared.complaint.ComplaintFlaggedOverdueEvent;
import org.unionledger.shared.complaint.ComplaintMarkedComplexEvent;
import org.unionledger.shared.complaint.ComplaintReopenedEvent;
import org.unionledger.shared.complaint.ComplaintResolutionRatedEvent;
import org.unionledger.shared.complaint.ComplaintResolvedEvent;
import org.unionledger.shared.complaint.ComplaintStatus;
import org.unionledger.shared.complaint.ComplaintView;
import org.unionledger.shared.complaint.ComplaintWithdrawnEvent;
import org.unionledger.shared.complaint.ComplaintWorkStartedEvent;
import org.unionledger.shared.complaint.ResolutionOutcome;
import org.unionledger.shared.union.UnionId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A complaint as its events say it was, independent of the read models; the timeline is left out. */
final class ComplaintAsOf {

    private ComplaintAsOf() {
    }

    static Optional<ComplaintView> replay(List<? extends DomainEventMessage<?>> events) {
        ComplaintView c = null;
        for (DomainEventMessage<?> message : events) {
            Object event = message.getPayload();
            long v = message.getSequenceNumber();
            if (event instanceof ComplaintFiledEvent e) {
                c = new ComplaintView(e.complaintId(), e.memberId(), e.unionId(), e.category(),
                        e.statement().description(), e.statement().employer(), e.channel(), ComplaintStatus.FILED,
                        false, false, null, e.filedAt(), e.acknowledgeBy(), null, null, null, List.of(), v);
            } else if (c == null) {
                return Optional.empty();
            } else if (event instanceof ComplaintAcknowledgedEvent e) {
                c = with(c, ComplaintStatus.ACKNOWLEDGED, c.unionId(), c.complex(), c.overdue(), c.assignedOfficer(),
                        e.resolveBy(), c.outcome(), c.resolution(), c.rating(), v);
            } else if (event instanceof ComplaintAssignedEvent e) {
                c = with(c, c.status(), c.unionId(), c.complex(), c.overdue(), e.officer(), c.dueBy(), c.outcome(),
                        c.resolution(), c.rating(), v);
            } else if (event instanceof ComplaintWorkStartedEvent) {
                c = with(c, ComplaintStatus.IN_PROGRESS, c.unionId(), c.complex(), c.overdue(), c.assignedOfficer(),
                        c.dueBy(), c.outcome(), c.resolution(), c.rating(), v);
            } else if (event instanceof ComplaintMarkedComplexEvent e) {
                c = with(c, c.status(), c.unionId(), true, c.overdue(), c.assignedOfficer(),
                        e.resolveBy() == null ? c.dueBy() : e.resolveBy(), c.outcome(), c.resolution(), c.rating(), v);
            } else if (event instanceof ComplaintEscalatedEvent e) {
                c = with(c, ComplaintStatus.ESCALATED, e.toUnionId(), c.complex(), c.overdue(), c.assignedOfficer(),
                        e.resolveBy(), c.outcome(), c.resolution(), c.rating(), v);
            } else if (event instanceof ComplaintFlaggedOverdueEvent) {
                c = with(c, c.status(), c.unionId(), c.complex(), true, c.assignedOfficer(), null, c.outcome(),
                        c.resolution(), c.rating(), v);
            } else if (event instanceof ComplaintResolvedEvent e) {
                c = with(c, ComplaintStatus.RESOLVED, c.unionId(), c.complex(), c.overdue(), c.assignedOfficer(), null,
                        e.outcome(), e.resolution(), c.rating(), v);
            } else if (event instanceof ComplaintClosedEvent) {
                c = with(c, ComplaintStatus.CLOSED, c.unionId(), c.complex(), c.overdue(), c.assignedOfficer(), null,
                        c.outcome(), c.resolution(), c.rating(), v);
            } else if (event instanceof ComplaintReopenedEvent e) {
                c = with(c, ComplaintStatus.REOPENED, c.unionId(), c.complex(), c.overdue(), c.assignedOfficer(),
                        e.resolveBy(), c.outcome(), c.resolution(), null, v);
            } else if (event instanceof ComplaintWithdrawnEvent) {
                c = with(c, ComplaintStatus.WITHDRAWN, c.unionId(), c.complex(), c.overdue(), c.assignedOfficer(), null,
                        c.outcome(), c.resolution(), c.rating(), v);
            } else if (event instanceof ComplaintResolutionRatedEvent e) {
                c = with(c, c.status(), c.unionId(), c.complex(), c.overdue(), c.assignedOfficer(), c.dueBy(),
                        c.outcome(), c.resolution(), e.rating(), v);
            }
        }
        return Optional.ofNullable(c);
    }

    private static ComplaintView with(ComplaintView c, ComplaintStatus status, UnionId unionId,
                                      boolean complex, boolean overdue, String officer, Instant dueBy,
                                      ResolutionOutcome outcome, String resolution,
                                      Integer rating, long version) {
        return new ComplaintView(c.complaintId(), c.memberId(), unionId, c.category(), c.description(), c.employer(),
                c.channel(), status, complex, overdue, officer, c.filedAt(), dueBy, outcome, resolution, rating,
                List.of(), version);
    }
}
