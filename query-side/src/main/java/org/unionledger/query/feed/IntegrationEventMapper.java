package org.unionledger.query.feed;

import org.unionledger.shared.common.TypedId;
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
import org.unionledger.shared.complaint.ComplaintWithdrawnEvent;
import org.unionledger.shared.complaint.ComplaintWorkStartedEvent;
import org.unionledger.shared.integration.ComplaintAcknowledgedV1;
import org.unionledger.shared.integration.ComplaintClosedV1;
import org.unionledger.shared.integration.ComplaintEscalatedV1;
import org.unionledger.shared.integration.ComplaintFiledV1;
import org.unionledger.shared.integration.ComplaintReopenedV1;
import org.unionledger.shared.integration.ComplaintResolvedV1;
import org.unionledger.shared.integration.ComplaintWithdrawnV1;
import org.unionledger.shared.integration.DuesMonthExemptedV1;
import org.unionledger.shared.integration.DuesPaidV1;
import org.unionledger.shared.integration.IntegrationEvent;
import org.unionledger.shared.integration.MemberProfileUpdatedV1;
import org.unionledger.shared.integration.MemberRegisteredV1;
import org.unionledger.shared.integration.MemberReinstatedV1;
import org.unionledger.shared.integration.MemberSuspendedV1;
import org.unionledger.shared.integration.MemberTransferredV1;
import org.unionledger.shared.integration.MembershipCardIssuedV1;
import org.unionledger.shared.integration.MembershipEndedV1;
import org.unionledger.shared.integration.UnionDissolvedV1;
import org.unionledger.shared.integration.UnionEstablishedV1;
import org.unionledger.shared.integration.UnionMergedV1;
import org.unionledger.shared.integration.UnionMovedV1;
import org.unionledger.shared.integration.UnionRenamedV1;
import org.unionledger.shared.member.DuesMonthExemptedEvent;
import org.unionledger.shared.member.DuesPaidEvent;
import org.unionledger.shared.member.MemberMovedOnMergerEvent;
import org.unionledger.shared.member.MemberProfileUpdatedEvent;
import org.unionledger.shared.member.MemberRegisteredEvent;
import org.unionledger.shared.member.MemberReinstatedEvent;
import org.unionledger.shared.member.MemberSuspendedEvent;
import org.unionledger.shared.member.MembershipCardIssuedEvent;
import org.unionledger.shared.member.MembershipEndedEvent;
import org.unionledger.shared.member.TransferAcceptedEvent;
import org.unionledger.shared.member.TransferCancelledEvent;
import org.unionledger.shared.member.TransferRejectedEvent;
import org.unionledger.shared.member.TransferRequestedEvent;
import org.unionledger.shared.union.UnionDissolvedEvent;
import org.unionledger.shared.union.UnionEstablishedEvent;
import org.unionledger.shared.union.UnionMergedEvent;
import org.unionledger.shared.union.UnionMovedEvent;
import org.unionledger.shared.union.UnionRenamedEvent;

import java.util.Optional;
import java.util.Set;

/**
 * Translates domain events into the public integration events. This is the one place that knows both: a domain
 * refactoring changes this class, never the published records. Personal data (national ID, phone, date of birth,
 * complaint texts) and internal workflow steps are left out.
 */
final class IntegrationEventMapper {

    /** Domain events that deliberately have no public counterpart: internal workflow steps or officers' work. */
    static final Set<Class<?>> NOT_PUBLISHED = Set.of(
            TransferRequestedEvent.class, TransferRejectedEvent.class, TransferCancelledEvent.class,
            ComplaintAssignedEvent.class, ComplaintMarkedComplexEvent.class, ComplaintWorkStartedEvent.class,
            ComplaintFlaggedOverdueEvent.class, ComplaintResolutionRatedEvent.class);

    static final String CAUSE_TRANSFER = "TRANSFER";
    static final String CAUSE_UNION_MERGER = "UNION_MERGER";

    private IntegrationEventMapper() {
    }

    /** The integration event for a domain event, or empty when the domain event is not published. */
    static Optional<IntegrationEvent> map(Object event) {
        return Optional.ofNullable(mapOrNull(event));
    }

    private static IntegrationEvent mapOrNull(Object event) {
        // Members
        if (event instanceof MemberRegisteredEvent e) {
            return new MemberRegisteredV1(id(e.memberId()), e.fullName(), name(e.gender()), id(e.unionId()), e.joinedOn(),
                    e.nationality(), e.employment() == null ? null : e.employment().occupation(),
                    e.employment() == null ? null : e.employment().workplace());
        }
        if (event instanceof MemberProfileUpdatedEvent e) {
            return new MemberProfileUpdatedV1(id(e.memberId()), e.fullName(),
                    e.employment() == null ? null : e.employment().occupation(),
                    e.employment() == null ? null : e.employment().workplace());
        }
        if (event instanceof MembershipCardIssuedEvent e) {
            return new MembershipCardIssuedV1(id(e.memberId()), e.cardNumber(), e.issuedOn(), e.replacedCardNumber());
        }
        if (event instanceof MemberSuspendedEvent e) {
            return new MemberSuspendedV1(id(e.memberId()), id(e.unionId()), e.effectiveOn());
        }
        if (event instanceof MemberReinstatedEvent e) {
            return new MemberReinstatedV1(id(e.memberId()), id(e.unionId()), e.effectiveOn());
        }
        if (event instanceof MembershipEndedEvent e) {
            return new MembershipEndedV1(id(e.memberId()), id(e.unionId()), name(e.reason()), e.endedOn());
        }
        if (event instanceof TransferAcceptedEvent e) {
            return new MemberTransferredV1(id(e.memberId()), id(e.fromUnionId()), id(e.toUnionId()), e.acceptedOn(),
                    CAUSE_TRANSFER);
        }
        if (event instanceof MemberMovedOnMergerEvent e) {
            return new MemberTransferredV1(id(e.memberId()), id(e.fromUnionId()), id(e.toUnionId()), e.effectiveOn(),
                    CAUSE_UNION_MERGER);
        }
        if (event instanceof DuesPaidEvent e) {
            return new DuesPaidV1(id(e.memberId()), id(e.unionId()), String.valueOf(e.month()), e.amount(),
                    id(e.collectedBy()), name(e.method()), e.paidOn());
        }
        if (event instanceof DuesMonthExemptedEvent e) {
            return new DuesMonthExemptedV1(id(e.memberId()), id(e.unionId()), String.valueOf(e.month()), name(e.reason()));
        }
        // Unions
        if (event instanceof UnionEstablishedEvent e) {
            return new UnionEstablishedV1(id(e.unionId()), e.name(), e.code(), name(e.level()), name(e.kind()),
                    id(e.parentId()), e.establishedOn());
        }
        if (event instanceof UnionRenamedEvent e) {
            return new UnionRenamedV1(id(e.unionId()), e.previousName(), e.name(), e.effectiveOn());
        }
        if (event instanceof UnionMovedEvent e) {
            return new UnionMovedV1(id(e.unionId()), id(e.previousParentId()), id(e.parentId()), e.effectiveOn());
        }
        if (event instanceof UnionMergedEvent e) {
            return new UnionMergedV1(id(e.unionId()), id(e.survivorId()), e.effectiveOn());
        }
        if (event instanceof UnionDissolvedEvent e) {
            return new UnionDissolvedV1(id(e.unionId()), e.dissolvedOn());
        }
        // Complaints
        if (event instanceof ComplaintFiledEvent e) {
            return new ComplaintFiledV1(id(e.complaintId()), id(e.memberId()), id(e.unionId()), name(e.category()),
                    name(e.channel()), e.filedAt(), e.acknowledgeBy());
        }
        if (event instanceof ComplaintAcknowledgedEvent e) {
            return new ComplaintAcknowledgedV1(id(e.complaintId()), id(e.unionId()), e.acknowledgedAt(), e.resolveBy());
        }
        if (event instanceof ComplaintEscalatedEvent e) {
            return new ComplaintEscalatedV1(id(e.complaintId()), id(e.fromUnionId()), id(e.toUnionId()), e.automatic(),
                    e.escalatedAt(), e.resolveBy());
        }
        if (event instanceof ComplaintResolvedEvent e) {
            return new ComplaintResolvedV1(id(e.complaintId()), id(e.unionId()), name(e.outcome()), e.resolvedAt());
        }
        if (event instanceof ComplaintReopenedEvent e) {
            return new ComplaintReopenedV1(id(e.complaintId()), id(e.unionId()), e.reopenedAt(), e.resolveBy());
        }
        if (event instanceof ComplaintWithdrawnEvent e) {
            return new ComplaintWithdrawnV1(id(e.complaintId()), e.withdrawnAt());
        }
        if (event instanceof ComplaintClosedEvent e) {
            return new ComplaintClosedV1(id(e.complaintId()), e.closedAt());
        }
        return null;
    }

    private static String id(TypedId id) {
        return id == null ? null : id.value();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
