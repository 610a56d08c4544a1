package org.unionledger.shared.complaint;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** The member withdraws the complaint before it is resolved. */
public record WithdrawComplaintCommand(@TargetAggregateIdentifier ComplaintId complaintId, String reason, @TargetAggregateVersion Long expectedVersion) {
}
