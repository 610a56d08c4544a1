package org.unionledger.shared.complaint;

import org.axonframework.serialization.Revision;
import org.unionledger.shared.union.UnionId;

import java.time.Instant;

/** The complaint was resolved; the member may reopen it within 30 days. */
@Revision("1")
public record ComplaintResolvedEvent(ComplaintId complaintId, UnionId unionId, ResolutionOutcome outcome, String resolution, Instant resolvedAt) {
}
