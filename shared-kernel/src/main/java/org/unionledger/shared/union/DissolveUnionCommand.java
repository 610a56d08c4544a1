package org.unionledger.shared.union;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Dissolves a union that has no members and no child unions left. */
public record DissolveUnionCommand(@TargetAggregateIdentifier UnionId unionId, LocalDate dissolvedOn, String reason, @TargetAggregateVersion Long expectedVersion) {
}
