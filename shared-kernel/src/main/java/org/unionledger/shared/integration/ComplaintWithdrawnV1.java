package org.unionledger.shared.integration;

import java.time.Instant;

/** {@code complaint.withdrawn.v1}: the member withdrew the complaint. */
public record ComplaintWithdrawnV1(String complaintId,
                                   Instant withdrawnAt) implements IntegrationEvent {

    /** The CloudEvents {@code type} under which this record is published. */
    public static final String TYPE = "complaint.withdrawn.v1";
}
