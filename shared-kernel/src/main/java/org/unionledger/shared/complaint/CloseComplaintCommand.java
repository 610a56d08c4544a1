package org.unionledger.shared.complaint;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Closes a resolved complaint. */
public record CloseComplaintCommand(@TargetAggregateIdentifier ComplaintId complaintId, @TargetAggregateVersion Long expectedVersion) {
}
