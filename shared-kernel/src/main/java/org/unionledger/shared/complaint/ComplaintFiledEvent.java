package org.unionledger.shared.complaint;

import org.axonframework.serialization.Revision;
import org.unionledger.shared.member.MemberId;
import org.unionledger.shared.union.UnionId;

import java.time.Instant;

/** A complaint was filed with the member's grassroots union, which must acknowledge it by {@code acknowledgeBy}. */
@Revision("1")
public record ComplaintFiledEvent(ComplaintId complaintId, MemberId memberId, UnionId unionId, ComplaintCategory category, ComplaintStatement statement, ComplaintChannel channel, Instant filedAt, Instant acknowledgeBy) {
}
