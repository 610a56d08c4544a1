package org.unionledger.shared.member;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.unionledger.shared.union.UnionId;

/** A transfer to another grassroots union was requested and awaits its answer. */
@Revision("1")
public record TransferRequestedEvent(MemberId memberId, UnionId fromUnionId, UnionId toUnionId, String newWorkplace, String reason, LocalDate requestedOn) {
}
