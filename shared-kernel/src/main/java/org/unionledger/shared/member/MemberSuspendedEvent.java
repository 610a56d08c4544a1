package org.unionledger.shared.member;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.unionledger.shared.union.UnionId;

/** A membership was suspended. */
@Revision("1")
public record MemberSuspendedEvent(MemberId memberId, UnionId unionId, String reason, LocalDate effectiveOn) {
}
