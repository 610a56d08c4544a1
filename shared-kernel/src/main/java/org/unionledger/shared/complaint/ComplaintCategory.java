package org.unionledger.shared.complaint;

/** What a complaint is about. */
public enum ComplaintCategory {
    WAGES,
    SOCIAL_INSURANCE,
    WORKING_HOURS,
    OCCUPATIONAL_SAFETY,
    HOUSING_DORMITORY,
    CONTRACT_DISMISSAL,
    HARASSMENT_DISCRIMINATION,
    OTHER
}
