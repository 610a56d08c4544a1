package org.unionledger.shared.member;

import org.axonframework.serialization.Revision;
import org.unionledger.shared.union.UnionId;

/** A pending transfer was withdrawn; the member stays where they were. */
@Revision("1")
public record TransferCancelledEvent(MemberId memberId, UnionId fromUnionId, UnionId toUnionId, String reason) {
}
