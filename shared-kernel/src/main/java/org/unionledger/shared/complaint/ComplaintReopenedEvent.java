package org.unionledger.shared.complaint;

import org.axonframework.serialization.Revision;
import org.unionledger.shared.union.UnionId;

import java.time.Instant;

/** The complaint was reopened and must be resolved again by {@code resolveBy}. */
@Revision("1")
public record ComplaintReopenedEvent(ComplaintId complaintId, UnionId unionId, String reason, Instant reopenedAt, Instant resolveBy) {
}
