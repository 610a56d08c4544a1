package org.unionledger.shared.union;

/** A child union in a {@link UnionView}. */
public record UnionSummary(UnionId unionId, String name, String code, UnionLevel level, UnionStatus status) {
}
