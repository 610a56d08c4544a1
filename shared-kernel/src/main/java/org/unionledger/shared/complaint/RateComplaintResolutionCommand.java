package org.unionledger.shared.complaint;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** The member rates the resolution from 1 (poor) to 5 (excellent). */
public record RateComplaintResolutionCommand(@TargetAggregateIdentifier ComplaintId complaintId, int rating, String comment, @TargetAggregateVersion Long expectedVersion) {
}
