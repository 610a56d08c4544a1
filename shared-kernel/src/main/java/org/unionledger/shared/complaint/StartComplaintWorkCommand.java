package org.unionledger.shared.complaint;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** The handling union starts working on the complaint. */
public record StartComplaintWorkCommand(@TargetAggregateIdentifier ComplaintId complaintId, @TargetAggregateVersion Long expectedVersion) {
}
