package org.unionledger.shared.complaint;

/** Asks for a complaint with its timeline; answered with an optional {@link ComplaintView}. */
public record FindComplaintQuery(ComplaintId complaintId) {
}
