package org.unionledger.shared.member;

/** Why a member owes no dues for a month. */
public enum DuesExemptionReason {
    /** The member received social-insurance benefits (sickness, maternity) instead of a salary. */
    SOCIAL_INSURANCE_BENEFITS,
    /** The member was unemployed. */
    UNEMPLOYMENT,
    /** The member was on unpaid leave of a month or more. */
    UNPAID_LEAVE
}
