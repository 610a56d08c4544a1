package org.unionledger.shared.complaint;

/** Where a complaint stands. */
public enum ComplaintStatus {
    FILED,
    ACKNOWLEDGED,
    IN_PROGRESS,
    ESCALATED,
    RESOLVED,
    CLOSED,
    REOPENED,
    WITHDRAWN
}
