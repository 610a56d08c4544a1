package org.unionledger.query.audit.asof;

import org.axonframework.eventhandling.DomainEventMessage;
import org.unionledger.shared.member.EndReason;
import org.unionledger.shared.member.MemberId;
import org.unionledger.shared.member.MemberMovedOnMergerEvent;
import org.unionledger.shared.member.MemberProfileUpdatedEvent;
import org.unionledger.shared.member.MemberRegisteredEvent;
import org.unionledger.shared.member.MemberReinstatedEvent;
import org.unionledger.shared.member.MemberStatus;
import org.unionledger.shared.member.MemberSuspendedEvent;
import org.unionledger.shared.member.MemberView;
import org.unionledger.shared.member.MembershipCardIssuedEvent;
import org.unionledger.shared.member.MembershipEndedEvent;
import org.unionledger.shared.member.TransferAcceptedEvent;
import org.unionledger.shared.member.TransferCancelledEvent;
import org.unionledger.shared.member.TransferRejectedEvent;
import org.unionledger.shared.member.TransferRequestedEvent;
import org.unionledger.shared.member.Employment;

import java.util.List;
import java.util.Optional;

/**
 * A member as their events say they were: a fold of the events in order, independent of the read models, so an
 * auditor's "as of" answer does not depend on any projection being right.
 */
final class MemberAsOf {

    private MemberAsOf() {
    }

    /** The member after {@code events} (already cut at the instant asked for); empty if there are none. */
    static Optional<MemberView> replay(List<? extends DomainEventMessage<?>> events) {
        MemberView member = null;
        for (DomainEventMessage<?> message : events) {
            member = apply(member, message);
        }
        return Optional.ofNullable(member);
    }

    private static MemberView apply(MemberView m, DomainEventMessage<?> message) {
        Object event = message.getPayload();
        long version = message.getSequenceNumber();
        if (event instanceof MemberRegisteredEvent e) {
            return new MemberView(e.memberId(), e.fullName(), e.gender(), e.personal(), e.employment(), e.unionId(),
                    e.joinedOn(), e.nationality(), MemberStatus.ACTIVE, null, null, null, null, version,
                    message.getTimestamp());
        }
        if (m == null) {
            return null;
        }
        MemberStatus status = m.status();
        var unionId = m.unionId();
        var pending = m.pendingTransferTo();
        String card = m.cardNumber();
        EndReason endReason = m.endReason();
        var endedOn = m.endedOn();
        String fullName = m.fullName();
        var personal = m.personal();
        Employment employment = m.employment();
        if (event instanceof MembershipCardIssuedEvent e) {
            card = e.cardNumber();
        } else if (event instanceof MemberProfileUpdatedEvent e) {
            fullName = e.fullName();
            personal = e.personal();
            employment = e.employment();
        } else if (event instanceof MemberSuspendedEvent) {
            status = MemberStatus.SUSPENDED;
        } else if (event instanceof MemberReinstatedEvent) {
            status = MemberStatus.ACTIVE;
        } else if (event instanceof MembershipEndedEvent e) {
            status = MemberStatus.ENDED;
            endReason = e.reason();
            endedOn = e.endedOn();
        } else if (event instanceof TransferRequestedEvent e) {
            status = MemberStatus.TRANSFER_PENDING;
            pending = e.toUnionId();
        } else if (event instanceof TransferAcceptedEvent e) {
            status = MemberStatus.ACTIVE;
            unionId = e.toUnionId();
            pending = null;
            if (e.newWorkplace() != null) {
                employment = new Employment(employment.occupation(), e.newWorkplace(), employment.contractMonths());
            }
        } else if (event instanceof TransferRejectedEvent || event instanceof TransferCancelledEvent) {
            status = MemberStatus.ACTIVE;
            pending = null;
        } else if (event instanceof MemberMovedOnMergerEvent e) {
            unionId = e.toUnionId();
        }
        return new MemberView(new MemberId(m.memberId().value()), fullName, m.gender(), personal, employment, unionId,
                m.joinedOn(), m.nationality(), status, card, pending, endReason, endedOn, version, message.getTimestamp());
    }
}
