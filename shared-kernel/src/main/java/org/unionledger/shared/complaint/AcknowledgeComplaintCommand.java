package org.unionledger.shared.complaint;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** The handling union acknowledges the complaint. */
public record AcknowledgeComplaintCommand(@TargetAggregateIdentifier ComplaintId complaintId, @TargetAggregateVersion Long expectedVersion) {
}
