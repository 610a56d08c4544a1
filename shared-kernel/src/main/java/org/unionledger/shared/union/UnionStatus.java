package org.unionledger.shared.union;

/** Whether a union still operates; a merged or dissolved union accepts nothing. */
public enum UnionStatus {
    ACTIVE,
    MERGED,
    DISSOLVED
}
