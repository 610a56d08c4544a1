package org.unionledger.command.complaint;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import org.unionledger.command.common.RuleViolationException;
import org.unionledger.command.union.UnionDirectory;
import org.unionledger.command.union.UnionFacts;
import org.unionledger.shared.complaint.AcknowledgeComplaintCommand;
import org.unionledger.shared.complaint.AssignComplaintCommand;
import org.unionledger.shared.complaint.CloseComplaintCommand;
import org.unionledger.shared.complaint.ComplaintAcknowledgedEvent;
import org.unionledger.shared.complaint.ComplaintAssignedEvent;
import org.unionledger.shared.complaint.ComplaintClosedEvent;
import org.unionledger.shared.complaint.ComplaintEscalatedEvent;
import org.unionledger.shared.complaint.ComplaintFiledEvent;
import org.unionledger.shared.complaint.ComplaintFlaggedOverdueEvent;
import org.unionledger.shared.complaint.ComplaintId;
import org.unionledger.shared.complaint.ComplaintMarkedComplexEvent;
import org.unionledger.shared.complaint.ComplaintReopenedEvent;
import org.unionledger.shared.complaint.ComplaintResolutionRatedEvent;
import org.unionledger.shared.complaint.ComplaintResolvedEvent;
import org.unionledger.shared.complaint.ComplaintStatement;
import org.unionledger.shared.complaint.ComplaintStatus;
import org.unionledger.shared.complaint.ComplaintWithdrawnEvent;
import org.unionledger.shared.complaint.ComplaintWorkStartedEvent;
import org.unionledger.shared.complaint.EscalateComplaintCommand;
import org.unionledger.shared.complaint.EscalateOverdueComplaintCommand;
import org.unionledger.shared.complaint.FileComplaintCommand;
import org.unionledger.shared.complaint.MarkComplaintComplexCommand;
import org.unionledger.shared.complaint.ReopenComplaintCommand;
import org.unionledger.shared.complaint.ResolveComplaintCommand;
import org.unionledger.shared.complaint.RateComplaintResolutionCommand;
import org.unionledger.shared.complaint.StartComplaintWorkCommand;
import org.unionledger.shared.complaint.WithdrawComplaintCommand;
import org.unionledger.shared.union.UnionId;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A member's complaint or feedback, from filing with their grassroots union to its closure, with the legal time
 * limits of {@link ComplaintTimeLimits}. {@code dueBy} is the limit currently running (none once resolved or
 * withdrawn); when it passes, the complaint goes up to the parent union by itself, or is flagged overdue at the
 * federation. Escalating on a limit is decided here, against this state, so a late or repeated trigger does nothing.
 */
@Aggregate
public class Complaint {

    /** Statuses in which the complaint is still being handled. */
    private static final Set<ComplaintStatus> OPEN = EnumSet.of(ComplaintStatus.FILED, ComplaintStatus.ACKNOWLEDGED,
            ComplaintStatus.IN_PROGRESS, ComplaintStatus.ESCALATED, ComplaintStatus.REOPENED);

    @AggregateIdentifier
    private ComplaintId complaintId;
    private UnionId unionId;
    private ComplaintStatus status;
    private boolean complex;
    private boolean escalated;
    private Instant stageStartedAt;
    private Instant dueBy;
    private Instant resolvedAt;
    private boolean rated;

    protected Complaint() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    Complaint(FileComplaintCommand command, UnionDirectory unions, Clock clock) {
        if (!unions.isKnownMember(command.memberId())) {
            throw RuleViolationException.notFound("MEMBER_NOT_FOUND", "memberId", "No member with id " + command.memberId());
        }
        UnionId union = unions.currentUnionOf(command.memberId()).orElseThrow(() -> RuleViolationException.conflict(
                "NOT_A_CURRENT_MEMBER", "memberId", "Only a member whose membership has not ended may file a complaint"));
        UnionFacts facts = unions.require(union, "memberId");
        if (!facts.isActive()) {
            throw RuleViolationException.conflict("UNION_NOT_ACTIVE", "memberId",
                    "The member's union " + union + " is " + facts.status());
        }
        Instant now = now(clock);
        apply(new ComplaintFiledEvent(command.complaintId(), command.memberId(), union, command.category(),
                new ComplaintStatement(command.description().strip(), command.employer()), command.channel(), now,
                now.plus(ComplaintTimeLimits.ACKNOWLEDGE)));
    }

    @CommandHandler
    long handle(AcknowledgeComplaintCommand command, Clock clock) {
        requireStatus(EnumSet.of(ComplaintStatus.FILED), "acknowledge");
        Instant now = now(clock);
        apply(new ComplaintAcknowledgedEvent(complaintId, unionId, now, ComplaintTimeLimits.resolveBy(now, complex, false)));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(AssignComplaintCommand command, Clock clock) {
        requireStatus(OPEN, "assign");
        apply(new ComplaintAssignedEvent(complaintId, command.officer().strip(), now(clock)));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(StartComplaintWorkCommand command, Clock clock) {
        requireStatus(EnumSet.of(ComplaintStatus.ACKNOWLEDGED, ComplaintStatus.ESCALATED, ComplaintStatus.REOPENED),
                "start work on");
        apply(new ComplaintWorkStartedEvent(complaintId, unionId, now(clock)));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(MarkComplaintComplexCommand command, Clock clock) {
        requireStatus(OPEN, "mark complex");
        if (complex) {
            throw RuleViolationException.conflict("ALREADY_COMPLEX", null, "The complaint is already marked complex");
        }
        // A longer limit replaces the running one; once a limit has passed and been flagged at the federation there
        // is none running, and marking the complaint complex must not start one that would be flagged again.
        boolean resolving = status != ComplaintStatus.FILED && dueBy != null;
        Instant newResolveBy = resolving ? ComplaintTimeLimits.resolveBy(stageStartedAt, true, escalated) : null;
        apply(new ComplaintMarkedComplexEvent(complaintId, command.reason(), now(clock), newResolveBy));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(ResolveComplaintCommand command, Clock clock) {
        if (status == ComplaintStatus.FILED) {
            throw RuleViolationException.conflict("NOT_ACKNOWLEDGED", null, "Acknowledge the complaint before resolving it");
        }
        requireStatus(OPEN, "resolve");
        apply(new ComplaintResolvedEvent(complaintId, unionId, command.outcome(), command.resolution().strip(),
                now(clock)));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(CloseComplaintCommand command, Clock clock) {
        requireStatus(EnumSet.of(ComplaintStatus.RESOLVED), "close");
        apply(new ComplaintClosedEvent(complaintId, now(clock)));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(EscalateComplaintCommand command, UnionDirectory unions, Clock clock) {
        requireStatus(OPEN, "escalate");
        UnionId parent = unions.nearestActiveAncestor(unionId);
        if (parent == null) {
            throw RuleViolationException.conflict("ALREADY_AT_FEDERATION", null,
                    "The complaint is with the federation, which has no parent union");
        }
        escalateTo(parent, command.reason(), false, now(clock));
        return AggregateLifecycle.getVersion();
    }

    /**
     * A time limit may have passed. Acts only if {@code dueBy} is still the running limit and it has passed, so a
     * trigger that comes late (the step was taken meanwhile) or twice (the complaint already went up) changes nothing.
     */
    @CommandHandler
    long handle(EscalateOverdueComplaintCommand command, UnionDirectory unions, Clock clock) {
        Instant now = now(clock);
        if (!OPEN.contains(status) || dueBy == null || !dueBy.equals(command.dueBy()) || now.isBefore(dueBy)) {
            return AggregateLifecycle.getVersion();
        }
        UnionId parent = unions.nearestActiveAncestor(unionId);
        if (parent == null) {
            apply(new ComplaintFlaggedOverdueEvent(complaintId, unionId, dueBy, now));
        } else {
            escalateTo(parent, "time limit passed on " + dueBy, true, now);
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(ReopenComplaintCommand command, Clock clock) {
        requireStatus(EnumSet.of(ComplaintStatus.RESOLVED, ComplaintStatus.CLOSED), "reopen");
        Instant now = now(clock);
        if (now.isAfter(resolvedAt.plus(ComplaintTimeLimits.REOPEN_WINDOW))) {
            throw RuleViolationException.conflict("REOPEN_WINDOW_PASSED", null,
                    "A complaint can be reopened within 30 days of its resolution on " + resolvedAt);
        }
        apply(new ComplaintReopenedEvent(complaintId, unionId, command.reason(), now,
                ComplaintTimeLimits.resolveBy(now, complex, false)));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(WithdrawComplaintCommand command, Clock clock) {
        requireStatus(OPEN, "withdraw");
        apply(new ComplaintWithdrawnEvent(complaintId, command.reason(), now(clock)));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(RateComplaintResolutionCommand command, Clock clock) {
        requireStatus(EnumSet.of(ComplaintStatus.RESOLVED, ComplaintStatus.CLOSED), "rate");
        if (command.rating() < 1 || command.rating() > 5) {
            throw RuleViolationException.invalid("INVALID_RATING", "rating", "A rating is from 1 to 5");
        }
        if (rated) {
            throw RuleViolationException.conflict("ALREADY_RATED", "rating", "The resolution has already been rated");
        }
        apply(new ComplaintResolutionRatedEvent(complaintId, command.rating(), command.comment(), now(clock)));
        return AggregateLifecycle.getVersion();
    }

    /**
     * Now, to the millisecond: the precision MongoDB and JSON keep, so that a limit read back from the deadlines
     * table is the same instant as the one in the events.
     */
    private static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private void escalateTo(UnionId parent, String reason, boolean automatic, Instant now) {
        apply(new ComplaintEscalatedEvent(complaintId, unionId, parent, reason, automatic, now,
                ComplaintTimeLimits.resolveBy(now, complex, true)));
    }

    private void requireStatus(Set<ComplaintStatus> allowed, String action) {
        if (!allowed.contains(status)) {
            throw RuleViolationException.conflict("COMPLAINT_" + status, null,
                    "Cannot " + action + " a complaint that is " + status);
        }
    }

    @EventSourcingHandler
    void on(ComplaintFiledEvent event) {
        complaintId = event.complaintId();
        unionId = event.unionId();
        status = ComplaintStatus.FILED;
        stageStartedAt = event.filedAt();
        dueBy = event.acknowledgeBy();
    }

    @EventSourcingHandler
    void on(ComplaintAcknowledgedEvent event) {
        status = ComplaintStatus.ACKNOWLEDGED;
        stageStartedAt = event.acknowledgedAt();
        dueBy = event.resolveBy();
    }

    @EventSourcingHandler
    void on(ComplaintWorkStartedEvent event) {
        status = ComplaintStatus.IN_PROGRESS;
    }

    @EventSourcingHandler
    void on(ComplaintMarkedComplexEvent event) {
        complex = true;
        if (event.resolveBy() != null) {
            dueBy = event.resolveBy();
        }
    }

    @EventSourcingHandler
    void on(ComplaintEscalatedEvent event) {
        status = ComplaintStatus.ESCALATED;
        unionId = event.toUnionId();
        escalated = true;
        stageStartedAt = event.escalatedAt();
        dueBy = event.resolveBy();
    }

    @EventSourcingHandler
    void on(ComplaintFlaggedOverdueEvent event) {
        dueBy = null;
    }

    @EventSourcingHandler
    void on(ComplaintResolvedEvent event) {
        status = ComplaintStatus.RESOLVED;
        resolvedAt = event.resolvedAt();
        dueBy = null;
    }

    @EventSourcingHandler
    void on(ComplaintClosedEvent event) {
        status = ComplaintStatus.CLOSED;
    }

    @EventSourcingHandler
    void on(ComplaintReopenedEvent event) {
        status = ComplaintStatus.REOPENED;
        // A reopened complaint starts a new stage at its current union, under the ordinary limits.
        escalated = false;
        stageStartedAt = event.reopenedAt();
        dueBy = event.resolveBy();
        rated = false;
    }

    @EventSourcingHandler
    void on(ComplaintWithdrawnEvent event) {
        status = ComplaintStatus.WITHDRAWN;
        dueBy = null;
    }

    @EventSourcingHandler
    void on(ComplaintResolutionRatedEvent event) {
        rated = true;
    }
}
