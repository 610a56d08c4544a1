package org.unionledger.shared.union;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Merges a union into another of the same level; its members and child unions are carried over to the survivor. */
public record MergeUnionCommand(@TargetAggregateIdentifier UnionId unionId, UnionId survivorId, LocalDate effectiveOn, @TargetAggregateVersion Long expectedVersion) {
}
