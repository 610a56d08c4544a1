package org.unionledger.shared.complaint;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** The member reopens a resolved complaint within 30 days of its resolution. */
public record ReopenComplaintCommand(@TargetAggregateIdentifier ComplaintId complaintId, String reason, @TargetAggregateVersion Long expectedVersion) {
}
