package org.unionledger.shared.complaint;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.unionledger.shared.member.MemberId;

/** A member files a complaint or feedback with their grassroots union. */
public record FileComplaintCommand(@TargetAggregateIdentifier ComplaintId complaintId, MemberId memberId, ComplaintCategory category, String description, String employer, ComplaintChannel channel) {
}
