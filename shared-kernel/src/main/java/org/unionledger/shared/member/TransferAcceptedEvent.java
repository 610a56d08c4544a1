package org.unionledger.shared.member;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.unionledger.shared.union.UnionId;

/** The receiving union accepted the member, who now belongs to it. */
@Revision("1")
public record TransferAcceptedEvent(MemberId memberId, UnionId fromUnionId, UnionId toUnionId, String newWorkplace, LocalDate acceptedOn) {
}
