package org.unionledger.shared.complaint;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Marks the complaint complex, which lengthens the time allowed to resolve it. */
public record MarkComplaintComplexCommand(@TargetAggregateIdentifier ComplaintId complaintId, String reason, @TargetAggregateVersion Long expectedVersion) {
}
