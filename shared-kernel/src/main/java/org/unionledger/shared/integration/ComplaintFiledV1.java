package org.unionledger.shared.integration;

import java.time.Instant;

/** {@code complaint.filed.v1}: a member filed a complaint with their grassroots union (its text is not published); it must be acknowledged by {@code acknowledgeBy}. */
public record ComplaintFiledV1(String complaintId,
                               String memberId,
                               String unionId,
                               String category,
                               @MayBeAbsent String channel,
                               Instant filedAt,
                               Instant acknowledgeBy) implements IntegrationEvent {

    /** The CloudEvents {@code type} under which this record is published. */
    public static final String TYPE = "complaint.filed.v1";
}
