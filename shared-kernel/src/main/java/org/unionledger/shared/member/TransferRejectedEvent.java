package org.unionledger.shared.member;

import org.axonframework.serialization.Revision;
import org.unionledger.shared.union.UnionId;

/** The receiving union declined the transfer; the member stays where they were. */
@Revision("1")
public record TransferRejectedEvent(MemberId memberId, UnionId fromUnionId, UnionId toUnionId, String reason) {
}
