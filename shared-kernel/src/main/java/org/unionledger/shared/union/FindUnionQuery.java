package org.unionledger.shared.union;

/** Asks for a union with its direct children; answered with an optional {@link UnionView}. */
public record FindUnionQuery(UnionId unionId) {
}
