package org.unionledger.shared.complaint;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The member withdrew the complaint. */
@Revision("1")
public record ComplaintWithdrawnEvent(ComplaintId complaintId, String reason, Instant withdrawnAt) {
}
