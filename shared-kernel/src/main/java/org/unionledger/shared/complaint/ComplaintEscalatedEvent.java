package org.unionledger.shared.complaint;

import org.axonframework.serialization.Revision;
import org.unionledger.shared.union.UnionId;

import java.time.Instant;

/** The complaint went up to the parent union, by an officer or because a time limit passed; the receiving union must resolve it by {@code resolveBy}. */
@Revision("1")
public record ComplaintEscalatedEvent(ComplaintId complaintId, UnionId fromUnionId, UnionId toUnionId, String reason, boolean automatic, Instant escalatedAt, Instant resolveBy) {
}
