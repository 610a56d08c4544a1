package org.unionledger.shared.integration;

import java.time.Instant;

/** {@code complaint.closed.v1}: the complaint was closed. */
public record ComplaintClosedV1(String complaintId,
                                Instant closedAt) implements IntegrationEvent {

    /** The CloudEvents {@code type} under which this record is published. */
    public static final String TYPE = "complaint.closed.v1";
}
