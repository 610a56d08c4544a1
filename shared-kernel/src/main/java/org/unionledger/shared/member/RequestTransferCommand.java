package org.unionledger.shared.member;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.unionledger.shared.union.UnionId;

/** The member's grassroots union releases them to another grassroots union after a change of workplace. */
public record RequestTransferCommand(@TargetAggregateIdentifier MemberId memberId, UnionId toUnionId, String newWorkplace, String reason, LocalDate requestedOn, @TargetAggregateVersion Long expectedVersion) {
}
