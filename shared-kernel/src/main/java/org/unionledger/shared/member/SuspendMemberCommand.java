package org.unionledger.shared.member;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Suspends an active membership, with the reason. */
public record SuspendMemberCommand(@TargetAggregateIdentifier MemberId memberId, String reason, LocalDate effectiveOn, @TargetAggregateVersion Long expectedVersion) {
}
