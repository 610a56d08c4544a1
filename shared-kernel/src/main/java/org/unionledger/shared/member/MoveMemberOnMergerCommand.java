package org.unionledger.shared.member;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.unionledger.shared.union.UnionId;

/** Carries a member over to the union that absorbed theirs; a no-op when already done. */
public record MoveMemberOnMergerCommand(@TargetAggregateIdentifier MemberId memberId, UnionId mergedUnionId, UnionId survivorId, LocalDate effectiveOn) {
}
