package org.unionledger.shared.member;

import org.axonframework.serialization.Revision;

/** The member's name, phone or employment changed. */
@Revision("1")
public record MemberProfileUpdatedEvent(MemberId memberId, String fullName, String phone, Employment employment) {
}
