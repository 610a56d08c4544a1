package org.unionledger.shared.member;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.unionledger.shared.union.UnionId;

/** A member was carried over to the union that absorbed theirs. */
@Revision("1")
public record MemberMovedOnMergerEvent(MemberId memberId, UnionId fromUnionId, UnionId toUnionId, LocalDate effectiveOn) {
}
