package org.unionledger.shared.member;

import java.time.YearMonth;
import java.util.List;

/** Which months of a membership are paid, exempt or in arrears, up to {@code asOf}. */
public record MemberDuesStatus(MemberId memberId, YearMonth asOf, List<YearMonth> paid, List<YearMonth> exempt, List<YearMonth> arrears, long totalPaid) {
}
