package org.unionledger.shared.member;

/** Asks for a member's current state; answered with an optional {@link MemberView}. */
public record FindMemberQuery(MemberId memberId) {
}
