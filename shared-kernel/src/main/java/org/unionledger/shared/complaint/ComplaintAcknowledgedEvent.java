package org.unionledger.shared.complaint;

import org.axonframework.serialization.Revision;
import org.unionledger.shared.union.UnionId;

import java.time.Instant;

/** The handling union acknowledged the complaint and must resolve it by {@code resolveBy}. */
@Revision("1")
public record ComplaintAcknowledgedEvent(ComplaintId complaintId, UnionId unionId, Instant acknowledgedAt, Instant resolveBy) {
}
