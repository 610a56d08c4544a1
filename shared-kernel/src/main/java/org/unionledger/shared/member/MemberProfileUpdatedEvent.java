package org.unionledger.shared.member;

import org.axonframework.serialization.Revision;

/** The member's name, phone or employment changed; {@code personal} is the whole of their personal data after it. */
@Revision("1")
public record MemberProfileUpdatedEvent(MemberId memberId, String fullName, PersonalDetails personal, Employment employment) {
}
