package org.unionledger.shared.complaint;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** The handling union resolves the complaint with an outcome and an explanation. */
public record ResolveComplaintCommand(@TargetAggregateIdentifier ComplaintId complaintId, ResolutionOutcome outcome, String resolution, @TargetAggregateVersion Long expectedVersion) {
}
