package org.unionledger.shared.member;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Lifts a suspension, with the reason. */
public record ReinstateMemberCommand(@TargetAggregateIdentifier MemberId memberId, String reason, LocalDate effectiveOn, @TargetAggregateVersion Long expectedVersion) {
}
