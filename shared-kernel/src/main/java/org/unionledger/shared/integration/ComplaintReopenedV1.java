package org.unionledger.shared.integration;

import java.time.Instant;

/** {@code complaint.reopened.v1}: the member reopened the complaint, which must be resolved again by {@code resolveBy}. */
public record ComplaintReopenedV1(String complaintId,
                                  String unionId,
                                  Instant reopenedAt,
                                  @MayBeAbsent Instant resolveBy) implements IntegrationEvent {

    /** The CloudEvents {@code type} under which this record is published. */
    public static final String TYPE = "complaint.reopened.v1";
}
