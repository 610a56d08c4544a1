package org.unionledger.shared.member;

/** How dues were collected. */
public enum DuesCollectionMethod {
    PAYROLL_DEDUCTION,
    CASH
}
