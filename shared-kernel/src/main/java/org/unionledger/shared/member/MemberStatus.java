package org.unionledger.shared.member;

/** Where a membership stands. */
public enum MemberStatus {
    ACTIVE,
    SUSPENDED,
    TRANSFER_PENDING,
    ENDED
}
