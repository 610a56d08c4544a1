package org.unionledger.shared.integration;

import java.time.LocalDate;

/** {@code member.reinstated.v1}: a suspended membership became active again from {@code effectiveOn}. */
public record MemberReinstatedV1(String memberId,
                                 String unionId,
                                 LocalDate effectiveOn) implements IntegrationEvent {

    /** The CloudEvents {@code type} under which this record is published. */
    public static final String TYPE = "member.reinstated.v1";
}
