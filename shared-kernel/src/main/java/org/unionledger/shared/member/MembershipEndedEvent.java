package org.unionledger.shared.member;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.unionledger.shared.union.UnionId;

/** A membership ended; the member's national ID becomes free for a later registration. */
@Revision("1")
public record MembershipEndedEvent(MemberId memberId, UnionId unionId, EndReason reason, LocalDate endedOn) {
}
