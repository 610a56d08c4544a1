package org.unionledger.shared.complaint;

import org.axonframework.serialization.Revision;
import org.unionledger.shared.union.UnionId;

import java.time.Instant;

/** A time limit passed at the federation, which has no parent to escalate to: the complaint is flagged overdue. */
@Revision("1")
public record ComplaintFlaggedOverdueEvent(ComplaintId complaintId, UnionId unionId, Instant dueBy, Instant flaggedAt) {
}
