package org.unionledger.shared.member;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.unionledger.shared.union.UnionId;

/** The receiving union accepts the member. */
public record AcceptTransferCommand(@TargetAggregateIdentifier MemberId memberId, UnionId receivingUnionId, LocalDate acceptedOn, @TargetAggregateVersion Long expectedVersion) {
}
