package org.unionledger.shared.integration;

import java.time.LocalDate;

/** {@code member.suspended.v1}: a membership was suspended from {@code effectiveOn}. */
public record MemberSuspendedV1(String memberId,
                                String unionId,
                                LocalDate effectiveOn) implements IntegrationEvent {

    /** The CloudEvents {@code type} under which this record is published. */
    public static final String TYPE = "member.suspended.v1";
}
