package org.unionledger.shared.member;

/** Gender as recorded on the citizen ID, which encodes it in its fourth digit. */
public enum Gender {
    MALE,
    FEMALE
}
