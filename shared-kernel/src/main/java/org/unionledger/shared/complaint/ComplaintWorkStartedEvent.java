package org.unionledger.shared.complaint;

import org.axonframework.serialization.Revision;
import org.unionledger.shared.union.UnionId;

import java.time.Instant;

/** Work on the complaint started. */
@Revision("1")
public record ComplaintWorkStartedEvent(ComplaintId complaintId, UnionId unionId, Instant startedAt) {
}
