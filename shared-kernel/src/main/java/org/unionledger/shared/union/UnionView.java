package org.unionledger.shared.union;

import java.time.LocalDate;
import java.util.List;

/** A union's current state with its direct children. */
public record UnionView(UnionId unionId, String name, String code, UnionLevel level, UnionKind kind, UnionId parentId, String address, LocalDate establishedOn, UnionStatus status, UnionId mergedInto, List<UnionSummary> children, long version) {
}
