package org.unionledger.query.audit.history;

import org.unionledger.shared.complaint.ComplaintEscalatedEvent;
import org.unionledger.shared.complaint.ComplaintFiledEvent;
import org.unionledger.shared.complaint.ComplaintResolvedEvent;
import org.unionledger.shared.member.DuesPaidEvent;
import org.unionledger.shared.member.MemberRegisteredEvent;
import org.unionledger.shared.member.MemberSuspendedEvent;
import org.unionledger.shared.member.MembershipCardIssuedEvent;
import org.unionledger.shared.member.MembershipEndedEvent;
import org.unionledger.shared.member.TransferAcceptedEvent;
import org.unionledger.shared.member.TransferRejectedEvent;
import org.unionledger.shared.member.TransferRequestedEvent;
import org.unionledger.shared.union.UnionEstablishedEvent;
import org.unionledger.shared.union.UnionMergedEvent;
import org.unionledger.shared.union.UnionMovedEvent;
import org.unionledger.shared.union.UnionRenamedEvent;

/** One line per event for people reading a history; events without a sentence of their own get their type. */
final class HistorySummaries {

    private HistorySummaries() {
    }

    static String summarise(Object event, String actor) {
        String by = " by " + (actor == null ? "unknown" : actor);
        String what;
        if (event instanceof MemberRegisteredEvent e) {
            what = "registered in union " + e.unionId() + " from " + e.joinedOn();
        } else if (event instanceof MembershipCardIssuedEvent e) {
            what = e.replacedCardNumber() == null
                    ? "card " + e.cardNumber() + " issued"
                    : "card " + e.cardNumber() + " issued to replace " + e.replacedCardNumber() + " (" + e.reason() + ")";
        } else if (event instanceof MemberSuspendedEvent e) {
            what = "suspended from " + e.effectiveOn() + ": " + e.reason();
        } else if (event instanceof MembershipEndedEvent e) {
            what = "membership ended on " + e.endedOn() + " (" + e.reason() + ")";
        } else if (event instanceof TransferRequestedEvent e) {
            what = "transfer requested from " + e.fromUnionId() + " to " + e.toUnionId();
        } else if (event instanceof TransferAcceptedEvent e) {
            what = "transferred from " + e.fromUnionId() + " to " + e.toUnionId();
        } else if (event instanceof TransferRejectedEvent e) {
            what = "transfer to " + e.toUnionId() + " rejected: " + e.reason();
        } else if (event instanceof DuesPaidEvent e) {
            what = "dues for " + e.month() + " paid: " + e.amount() + " dong";
        } else if (event instanceof UnionEstablishedEvent e) {
            what = "established as " + e.level() + " union " + e.code()
                    + (e.parentId() == null ? "" : " under " + e.parentId());
        } else if (event instanceof UnionRenamedEvent e) {
            what = "renamed from " + e.previousName() + " to " + e.name();
        } else if (event instanceof UnionMovedEvent e) {
            what = "moved from " + e.previousParentId() + " to " + e.parentId() + " on " + e.effectiveOn();
        } else if (event instanceof UnionMergedEvent e) {
            what = "merged into " + e.survivorId() + " on " + e.effectiveOn();
        } else if (event instanceof ComplaintFiledEvent e) {
            what = e.category() + " complaint filed with union " + e.unionId();
        } else if (event instanceof ComplaintEscalatedEvent e) {
            what = (e.automatic() ? "escalated automatically" : "escalated")
                    + " from " + e.fromUnionId() + " to " + e.toUnionId();
        } else if (event instanceof ComplaintResolvedEvent e) {
            what = "resolved (" + e.outcome() + ")";
        } else {
            what = readable(event.getClass().getSimpleName());
        }
        return what + by;
    }

    /** {@code MemberReinstatedEvent} reads "member reinstated". */
    private static String readable(String type) {
        return type.replaceAll("Event$", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
    }
}
