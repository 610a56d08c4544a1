package org.unionledger.shared.union;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Establishes a union organisation under its parent (none for the federation itself). */
public record EstablishUnionCommand(@TargetAggregateIdentifier UnionId unionId, String name, String code, UnionLevel level, UnionKind kind, UnionId parentId, String address, LocalDate establishedOn) {
}
