package org.unionledger.shared.integration;

import java.time.Instant;

/** {@code complaint.escalated.v1}: the complaint went up to the parent union, by an officer or ({@code automatic}) because a time limit passed. */
public record ComplaintEscalatedV1(String complaintId,
                                   String fromUnionId,
                                   String toUnionId,
                                   boolean automatic,
                                   Instant escalatedAt,
                                   @MayBeAbsent Instant resolveBy) implements IntegrationEvent {

    /** The CloudEvents {@code type} under which this record is published. */
    public static final String TYPE = "complaint.escalated.v1";
}
