package org.unionledger.shared.member;

/** Asks for a member's dues status; answered with an optional {@link MemberDuesStatus}. */
public record FindMemberDuesQuery(MemberId memberId) {
}
