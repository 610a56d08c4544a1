package org.unionledger.shared.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** The sending union withdraws a pending transfer request. */
public record CancelTransferCommand(@TargetAggregateIdentifier MemberId memberId, String reason, @TargetAggregateVersion Long expectedVersion) {
}
