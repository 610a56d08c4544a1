package org.unionledger.shared.integration;

/** {@code member.profile-updated.v1}: a member's name or employment changed (the phone is not published). */
public record MemberProfileUpdatedV1(String memberId,
                                     String fullName,
                                     String occupation,
                                     String workplace) implements IntegrationEvent {

    /** The CloudEvents {@code type} under which this record is published. */
    public static final String TYPE = "member.profile-updated.v1";
}
