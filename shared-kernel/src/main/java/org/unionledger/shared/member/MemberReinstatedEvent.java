package org.unionledger.shared.member;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.unionledger.shared.union.UnionId;

/** A suspended membership became active again. */
@Revision("1")
public record MemberReinstatedEvent(MemberId memberId, UnionId unionId, String reason, LocalDate effectiveOn) {
}
