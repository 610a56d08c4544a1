package org.unionledger.shared.union;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Places a union (with its whole branch) under another parent from a date on. */
public record MoveUnionCommand(@TargetAggregateIdentifier UnionId unionId, UnionId parentId, LocalDate effectiveOn, @TargetAggregateVersion Long expectedVersion) {
}
