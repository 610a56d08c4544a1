package org.unionledger.shared.complaint;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The complaint was marked complex; {@code resolveBy} is the new time limit, if one is running. */
@Revision("1")
public record ComplaintMarkedComplexEvent(ComplaintId complaintId, String reason, Instant markedAt, Instant resolveBy) {
}
