package org.unionledger.shared.integration;

import java.time.Instant;

/** {@code complaint.resolved.v1}: the complaint was resolved; {@code outcome} is {@code UPHELD}, {@code PARTIALLY_UPHELD}, {@code NOT_UPHELD} or {@code REFERRED}. */
public record ComplaintResolvedV1(String complaintId,
                                  String unionId,
                                  String outcome,
                                  Instant resolvedAt) implements IntegrationEvent {

    /** The CloudEvents {@code type} under which this record is published. */
    public static final String TYPE = "complaint.resolved.v1";
}
