package org.unionledger.shared.member;

import org.axonframework.serialization.Revision;
import org.unionledger.shared.union.UnionId;

import java.time.YearMonth;

/** A member owes no dues for a month. */
@Revision("1")
public record DuesMonthExemptedEvent(MemberId memberId, UnionId unionId, YearMonth month, DuesExemptionReason reason) {
}
