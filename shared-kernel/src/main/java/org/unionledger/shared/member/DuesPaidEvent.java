package org.unionledger.shared.member;

import org.axonframework.serialization.Revision;
import org.unionledger.shared.union.UnionId;

import java.time.LocalDate;
import java.time.YearMonth;

/** A member's dues for a month were paid. */
@Revision("1")
public record DuesPaidEvent(MemberId memberId, UnionId unionId, YearMonth month, long amount, long salaryBasis, UnionId collectedBy, DuesCollectionMethod method, LocalDate paidOn) {
}
