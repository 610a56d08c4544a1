package org.unionledger.shared.member;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Issues a replacement card for a lost or damaged one; the old number stops being valid. */
public record ReissueMembershipCardCommand(@TargetAggregateIdentifier MemberId memberId, String reason, LocalDate issuedOn, @TargetAggregateVersion Long expectedVersion) {
}
