package org.unionledger.shared.member;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Issues the member's first membership card. */
public record IssueMembershipCardCommand(@TargetAggregateIdentifier MemberId memberId, LocalDate issuedOn, @TargetAggregateVersion Long expectedVersion) {
}
