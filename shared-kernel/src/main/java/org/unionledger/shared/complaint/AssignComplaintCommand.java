package org.unionledger.shared.complaint;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Assigns the complaint to a named officer of the handling union. */
public record AssignComplaintCommand(@TargetAggregateIdentifier ComplaintId complaintId, String officer, @TargetAggregateVersion Long expectedVersion) {
}
