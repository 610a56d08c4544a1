package org.unionledger.command.member;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import org.unionledger.command.common.Compensation;
import org.unionledger.command.common.EventHistory;
import org.unionledger.command.common.RuleViolationException;
import org.unionledger.command.common.UniqueKeys;
import org.unionledger.command.dues.DuesSchedule;
import org.unionledger.command.union.UnionDirectory;
import org.unionledger.command.union.UnionFacts;
import org.unionledger.shared.member.AcceptTransferCommand;
import org.unionledger.shared.member.CancelTransferCommand;
import org.unionledger.shared.member.DuesMonthExemptedEvent;
import org.unionledger.shared.member.DuesPaidEvent;
import org.unionledger.shared.member.ExemptDuesMonthCommand;
import org.unionledger.shared.member.RecordDuesPaymentCommand;
import org.unionledger.shared.member.EndMembershipCommand;
import org.unionledger.shared.member.IssueMembershipCardCommand;
import org.unionledger.shared.member.MemberId;
import org.unionledger.shared.member.MemberMovedOnMergerEvent;
import org.unionledger.shared.member.MemberProfileUpdatedEvent;
import org.unionledger.shared.member.MemberRegisteredEvent;
import org.unionledger.shared.member.MemberReinstatedEvent;
import org.unionledger.shared.member.MemberStatus;
import org.unionledger.shared.member.MemberSuspendedEvent;
import org.unionledger.shared.member.MembershipCardIssuedEvent;
import org.unionledger.shared.member.MembershipEndedEvent;
import org.unionledger.shared.member.MoveMemberOnMergerCommand;
import org.unionledger.shared.member.PersonalDetails;
import org.unionledger.shared.member.RegisterMemberCommand;
import org.unionledger.shared.member.ReinstateMemberCommand;
import org.unionledger.shared.member.RejectTransferCommand;
import org.unionledger.shared.member.ReissueMembershipCardCommand;
import org.unionledger.shared.member.RequestTransferCommand;
import org.unionledger.shared.member.SuspendMemberCommand;
import org.unionledger.shared.member.TransferAcceptedEvent;
import org.unionledger.shared.member.TransferCancelledEvent;
import org.unionledger.shared.member.TransferRejectedEvent;
import org.unionledger.shared.member.TransferRequestedEvent;
import org.unionledger.shared.member.UpdateMemberProfileCommand;
import org.unionledger.shared.union.UnionId;
import org.unionledger.shared.union.UnionLevel;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A member of a grassroots union, from registration to the end of the membership: card, profile, suspension,
 * transfers between grassroots unions, and monthly dues. Each handler that changes an existing member answers with its new version.
 */
@Aggregate
public class Member {

    @AggregateIdentifier
    private MemberId memberId;
    private MemberStatus status;
    private UnionId unionId;
    private PersonalDetails personal;
    private String cardNumber;
    private PendingTransfer pendingTransfer;
    private YearMonth joinedMonth;
    private YearMonth endedMonth;
    private final Set<YearMonth> paidMonths = new HashSet<>();
    private final Set<YearMonth> exemptMonths = new HashSet<>();

    private record PendingTransfer(UnionId toUnionId, String newWorkplace) {
    }

    protected Member() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    Member(RegisterMemberCommand command, Clock clock, UnionDirectory unions, UniqueKeys keys, EventHistory history) {
        MemberRegistrationPolicy.check(command, LocalDate.now(clock));
        unions.require(command.unionId(), "unionId");
        String nationalIdKey = nationalIdKey(command.personal().nationalId());
        keys.claim(nationalIdKey, command.memberId().value(),
                claim -> history.exists(claim.owner()) && !history.hasEvent(claim.owner(), MembershipEndedEvent.class))
            .ifPresent(holder -> {
                throw RuleViolationException.conflict("NATIONAL_ID_TAKEN", "personal.nationalId",
                        "A current member is already registered with this national ID");
            });
        unions.admitMember(command.memberId(), command.unionId(), "unionId");
        apply(new MemberRegisteredEvent(command.memberId(), command.fullName().strip(), command.gender(),
                command.personal(), command.employment(), command.unionId(), command.joinedOn(),
                command.nationality()));
    }

    @CommandHandler
    long handle(IssueMembershipCardCommand command, CardNumbers cards) {
        requireNotEnded();
        if (cardNumber != null) {
            throw RuleViolationException.conflict("CARD_ALREADY_ISSUED", null,
                    "Card " + cardNumber + " is already issued; reissue it if it was lost");
        }
        apply(new MembershipCardIssuedEvent(memberId, cards.next(memberId), command.issuedOn(), null, null));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(ReissueMembershipCardCommand command, CardNumbers cards) {
        requireNotEnded();
        if (cardNumber == null) {
            throw RuleViolationException.conflict("NO_CARD_ISSUED", null, "No card has been issued yet");
        }
        apply(new MembershipCardIssuedEvent(memberId, cards.next(memberId), command.issuedOn(), cardNumber,
                command.reason()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(UpdateMemberProfileCommand command) {
        requireNotEnded();
        MemberRegistrationPolicy.checkPhone(command.phone());
        apply(new MemberProfileUpdatedEvent(memberId, command.fullName().strip(),
                new PersonalDetails(personal.nationalId(), personal.dateOfBirth(), command.phone()), command.employment()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(SuspendMemberCommand command) {
        requireStatus(MemberStatus.ACTIVE, "suspend");
        apply(new MemberSuspendedEvent(memberId, unionId, command.reason(), command.effectiveOn()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(ReinstateMemberCommand command) {
        requireStatus(MemberStatus.SUSPENDED, "reinstate");
        apply(new MemberReinstatedEvent(memberId, unionId, command.reason(), command.effectiveOn()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(EndMembershipCommand command, UnionDirectory unions, UniqueKeys keys) {
        requireNotEnded();
        if (status == MemberStatus.TRANSFER_PENDING) {
            throw RuleViolationException.conflict("TRANSFER_PENDING", null,
                    "A transfer is pending; cancel or answer it before ending the membership");
        }
        apply(new MembershipEndedEvent(memberId, unionId, command.reason(), command.endedOn()));
        unions.releaseMember(memberId, unionId);
        String key = nationalIdKey(personal.nationalId());
        Compensation.afterCommit(() -> keys.release(key, memberId.value()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(RequestTransferCommand command, UnionDirectory unions) {
        if (status == MemberStatus.TRANSFER_PENDING) {
            throw RuleViolationException.conflict("TRANSFER_ALREADY_PENDING", null,
                    "A transfer to " + pendingTransfer.toUnionId() + " is already pending");
        }
        requireStatus(MemberStatus.ACTIVE, "transfer");
        if (command.toUnionId().equals(unionId)) {
            throw RuleViolationException.conflict("TRANSFER_TO_SAME_UNION", "toUnionId",
                    "The member already belongs to " + unionId);
        }
        requireActiveGrassroots(unions.require(unionId, "unionId"), "unionId");
        requireActiveGrassroots(unions.require(command.toUnionId(), "toUnionId"), "toUnionId");
        apply(new TransferRequestedEvent(memberId, unionId, command.toUnionId(), command.newWorkplace(),
                command.reason(), command.requestedOn()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(AcceptTransferCommand command, UnionDirectory unions) {
        PendingTransfer transfer = requirePendingFor(command.receivingUnionId());
        unions.moveMember(memberId, unionId, transfer.toUnionId(), "receivingUnionId");
        apply(new TransferAcceptedEvent(memberId, unionId, transfer.toUnionId(), transfer.newWorkplace(),
                command.acceptedOn()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(RejectTransferCommand command) {
        PendingTransfer transfer = requirePendingFor(command.receivingUnionId());
        apply(new TransferRejectedEvent(memberId, unionId, transfer.toUnionId(), command.reason()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(CancelTransferCommand command) {
        if (status != MemberStatus.TRANSFER_PENDING) {
            throw RuleViolationException.conflict("NO_TRANSFER_PENDING", null, "No transfer is pending");
        }
        apply(new TransferCancelledEvent(memberId, unionId, pendingTransfer.toUnionId(), command.reason()));
        return AggregateLifecycle.getVersion();
    }

    /**
     * Carries the member over to the union that absorbed theirs. Does nothing when the member has already moved on
     * or has left, so the merger may repeat it safely.
     */
    @CommandHandler
    long handle(MoveMemberOnMergerCommand command, UnionDirectory unions) {
        if (status == MemberStatus.ENDED || !command.mergedUnionId().equals(unionId)) {
            return AggregateLifecycle.getVersion();
        }
        unions.moveMember(memberId, unionId, command.survivorId(), "survivorId");
        apply(new MemberMovedOnMergerEvent(memberId, unionId, command.survivorId(), command.effectiveOn()));
        return AggregateLifecycle.getVersion();
    }

    /** Records one month's dues after checking the month, the collector and the amount against the rate table. */
    @CommandHandler
    long handle(RecordDuesPaymentCommand command, DuesSchedule schedule, UnionDirectory unions, Clock clock) {
        requireDuesMonth(command.month(), clock);
        if (paidMonths.contains(command.month())) {
            throw RuleViolationException.conflict("DUES_ALREADY_PAID", "month", "Dues for " + command.month() + " are already paid");
        }
        if (exemptMonths.contains(command.month())) {
            throw RuleViolationException.conflict("MONTH_EXEMPT", "month", "The member is exempt from dues for " + command.month());
        }
        UnionFacts collector = unions.require(command.collectedBy(), "collectedBy");
        boolean ownUnion = collector.unionId().equals(unionId);
        boolean ownUnionGroup = collector.level() == UnionLevel.UNION_GROUP && unionId.equals(collector.parentId());
        if (!ownUnion && !ownUnionGroup) {
            throw RuleViolationException.conflict("COLLECTOR_NOT_MEMBERS_UNION", "collectedBy",
                    "Dues are collected by the member's grassroots union " + unionId + " or one of its union groups");
        }
        long expected = schedule.expectedAmount(command.month(), command.salaryBasis()).orElseThrow(() ->
                RuleViolationException.conflict("NO_DUES_RATE", "month", "The rate table does not cover " + command.month()));
        if (command.amount() != expected) {
            throw RuleViolationException.invalid("DUES_AMOUNT_MISMATCH", "amount", "Dues for " + command.month()
                    + " on a salary of " + command.salaryBasis() + " are " + expected + " dong, not " + command.amount());
        }
        apply(new DuesPaidEvent(memberId, unionId, command.month(), command.amount(), command.salaryBasis(),
                command.collectedBy(), command.method(), command.paidOn()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(ExemptDuesMonthCommand command, Clock clock) {
        requireDuesMonth(command.month(), clock);
        if (paidMonths.contains(command.month())) {
            throw RuleViolationException.conflict("DUES_ALREADY_PAID", "month", "Dues for " + command.month() + " are already paid");
        }
        if (exemptMonths.contains(command.month())) {
            throw RuleViolationException.conflict("MONTH_EXEMPT", "month", command.month() + " is already exempt");
        }
        apply(new DuesMonthExemptedEvent(memberId, unionId, command.month(), command.reason()));
        return AggregateLifecycle.getVersion();
    }

    private void requireDuesMonth(YearMonth month, Clock clock) {
        if (month.isBefore(joinedMonth)) {
            throw RuleViolationException.conflict("MONTH_BEFORE_JOINING", "month",
                    month + " is before the member joined (" + joinedMonth + ")");
        }
        if (endedMonth != null && month.isAfter(endedMonth)) {
            throw RuleViolationException.conflict("MONTH_AFTER_ENDING", "month",
                    month + " is after the membership ended (" + endedMonth + ")");
        }
        if (month.isAfter(YearMonth.now(clock))) {
            throw RuleViolationException.conflict("MONTH_IN_FUTURE", "month", month + " has not begun yet");
        }
    }

    private PendingTransfer requirePendingFor(UnionId receivingUnionId) {
        if (status != MemberStatus.TRANSFER_PENDING) {
            throw RuleViolationException.conflict("NO_TRANSFER_PENDING", null, "No transfer is pending");
        }
        if (!pendingTransfer.toUnionId().equals(receivingUnionId)) {
            throw RuleViolationException.conflict("NOT_THE_RECEIVING_UNION", "receivingUnionId",
                    "The pending transfer goes to " + pendingTransfer.toUnionId() + ", not " + receivingUnionId);
        }
        return pendingTransfer;
    }

    private static void requireActiveGrassroots(UnionFacts union, String field) {
        if (union.level() != UnionLevel.GRASSROOTS) {
            throw RuleViolationException.conflict("UNION_NOT_GRASSROOTS", field,
                    "Transfers are between grassroots unions; " + union.unionId() + " is " + union.level());
        }
        if (!union.isActive()) {
            throw RuleViolationException.conflict("UNION_NOT_ACTIVE", field,
                    "Union " + union.unionId() + " is " + union.status());
        }
    }

    private void requireNotEnded() {
        if (status == MemberStatus.ENDED) {
            throw RuleViolationException.conflict("MEMBERSHIP_ENDED", null, "The membership of " + memberId + " has ended");
        }
    }

    private void requireStatus(MemberStatus required, String action) {
        requireNotEnded();
        if (status != required) {
            throw RuleViolationException.conflict("MEMBER_NOT_" + required, null,
                    "Cannot " + action + " a member who is " + status);
        }
    }

    static String nationalIdKey(String nationalId) {
        return "national-id:" + nationalId;
    }

    @EventSourcingHandler
    void on(MemberRegisteredEvent event) {
        memberId = event.memberId();
        status = MemberStatus.ACTIVE;
        unionId = event.unionId();
        personal = event.personal();
        joinedMonth = YearMonth.from(event.joinedOn());
    }

    @EventSourcingHandler
    void on(MemberProfileUpdatedEvent event) {
        personal = event.personal();
    }

    @EventSourcingHandler
    void on(DuesPaidEvent event) {
        paidMonths.add(event.month());
    }

    @EventSourcingHandler
    void on(DuesMonthExemptedEvent event) {
        exemptMonths.add(event.month());
    }

    @EventSourcingHandler
    void on(MembershipCardIssuedEvent event) {
        cardNumber = event.cardNumber();
    }

    @EventSourcingHandler
    void on(MemberSuspendedEvent event) {
        status = MemberStatus.SUSPENDED;
    }

    @EventSourcingHandler
    void on(MemberReinstatedEvent event) {
        status = MemberStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(MembershipEndedEvent event) {
        status = MemberStatus.ENDED;
        endedMonth = YearMonth.from(event.endedOn());
    }

    @EventSourcingHandler
    void on(TransferRequestedEvent event) {
        status = MemberStatus.TRANSFER_PENDING;
        pendingTransfer = new PendingTransfer(event.toUnionId(), event.newWorkplace());
    }

    @EventSourcingHandler
    void on(TransferAcceptedEvent event) {
        status = MemberStatus.ACTIVE;
        unionId = event.toUnionId();
        pendingTransfer = null;
    }

    @EventSourcingHandler
    void on(TransferRejectedEvent event) {
        status = MemberStatus.ACTIVE;
        pendingTransfer = null;
    }

    @EventSourcingHandler
    void on(TransferCancelledEvent event) {
        status = MemberStatus.ACTIVE;
        pendingTransfer = null;
    }

    @EventSourcingHandler
    void on(MemberMovedOnMergerEvent event) {
        unionId = event.toUnionId();
    }
}
