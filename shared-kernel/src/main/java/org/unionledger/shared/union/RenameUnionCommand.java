package org.unionledger.shared.union;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Gives a union a new name from a date on. */
public record RenameUnionCommand(@TargetAggregateIdentifier UnionId unionId, String name, LocalDate effectiveOn, @TargetAggregateVersion Long expectedVersion) {
}
