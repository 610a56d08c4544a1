package org.unionledger.shared.complaint;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The complaint was assigned to an officer. */
@Revision("1")
public record ComplaintAssignedEvent(ComplaintId complaintId, String officer, Instant assignedAt) {
}
