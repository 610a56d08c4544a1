package org.unionledger.shared.complaint;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The member rated the resolution. */
@Revision("1")
public record ComplaintResolutionRatedEvent(ComplaintId complaintId, int rating, String comment, Instant ratedAt) {
}
