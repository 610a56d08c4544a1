package org.unionledger.shared.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.unionledger.shared.union.UnionId;

/** The receiving union declines the member, with the reason. */
public record RejectTransferCommand(@TargetAggregateIdentifier MemberId memberId, UnionId receivingUnionId, String reason, @TargetAggregateVersion Long expectedVersion) {
}
