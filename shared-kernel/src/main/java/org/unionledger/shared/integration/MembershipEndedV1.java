package org.unionledger.shared.integration;

import java.time.LocalDate;

/** {@code member.ended.v1}: a membership ended; {@code reason} is {@code LEFT}, {@code RETIRED}, {@code REMOVED} or {@code DECEASED}. */
public record MembershipEndedV1(String memberId,
                                String unionId,
                                String reason,
                                LocalDate endedOn) implements IntegrationEvent {

    /** The CloudEvents {@code type} under which this record is published. */
    public static final String TYPE = "member.ended.v1";
}
