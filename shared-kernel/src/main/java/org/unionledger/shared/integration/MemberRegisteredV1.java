package org.unionledger.shared.integration;

import java.time.LocalDate;

/** {@code member.registered.v1}: a worker became a member of a grassroots union; carries no national ID, phone or date of birth. */
public record MemberRegisteredV1(String memberId,
                                 String fullName,
                                 String gender,
                                 String unionId,
                                 LocalDate joinedOn,
                                 String nationality,
                                 String occupation,
                                 String workplace) implements IntegrationEvent {

    /** The CloudEvents {@code type} under which this record is published. */
    public static final String TYPE = "member.registered.v1";
}
