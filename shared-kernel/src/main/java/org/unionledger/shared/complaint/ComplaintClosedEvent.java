package org.unionledger.shared.complaint;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The complaint was closed. */
@Revision("1")
public record ComplaintClosedEvent(ComplaintId complaintId, Instant closedAt) {
}
