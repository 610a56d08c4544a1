package org.unionledger.shared.member;

/** Why a membership ended. */
public enum EndReason {
    LEFT,
    RETIRED,
    REMOVED,
    DECEASED
}
