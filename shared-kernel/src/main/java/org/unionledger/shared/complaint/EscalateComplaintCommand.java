package org.unionledger.shared.complaint;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** An officer escalates the complaint to the handling union's parent. */
public record EscalateComplaintCommand(@TargetAggregateIdentifier ComplaintId complaintId, String reason, @TargetAggregateVersion Long expectedVersion) {
}
