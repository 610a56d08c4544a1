package org.unionledger.shared.member;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Ends a membership for good. */
public record EndMembershipCommand(@TargetAggregateIdentifier MemberId memberId, EndReason reason, LocalDate endedOn, @TargetAggregateVersion Long expectedVersion) {
}
