package org.unionledger.shared.complaint;

import org.unionledger.shared.member.MemberId;
import org.unionledger.shared.union.UnionId;

import java.time.Instant;
import java.util.List;

/** A complaint's current state and every step it went through. */
public record ComplaintView(ComplaintId complaintId, MemberId memberId, UnionId unionId, ComplaintCategory category, String description, String employer, ComplaintChannel channel, ComplaintStatus status, boolean complex, boolean overdue, String assignedOfficer, Instant filedAt, Instant dueBy, ResolutionOutcome outcome, String resolution, Integer rating, List<ComplaintTimelineEntry> timeline, long version) {
}
