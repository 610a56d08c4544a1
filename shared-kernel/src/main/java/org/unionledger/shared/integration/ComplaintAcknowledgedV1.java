package org.unionledger.shared.integration;

import java.time.Instant;

/** {@code complaint.acknowledged.v1}: the handling union acknowledged the complaint and must resolve it by {@code resolveBy}. */
public record ComplaintAcknowledgedV1(String complaintId,
                                      String unionId,
                                      Instant acknowledgedAt,
                                      @MayBeAbsent Instant resolveBy) implements IntegrationEvent {

    /** The CloudEvents {@code type} under which this record is published. */
    public static final String TYPE = "complaint.acknowledged.v1";
}
