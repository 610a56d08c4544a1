package org.unionledger.shared.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.unionledger.shared.union.UnionId;

import java.time.LocalDate;
import java.time.YearMonth;

/** Records a member's dues for one month: the amount, the social-insurance salary it was computed from, who collected it and how. */
public record RecordDuesPaymentCommand(@TargetAggregateIdentifier MemberId memberId, YearMonth month, long amount, long salaryBasis, UnionId collectedBy, DuesCollectionMethod method, LocalDate paidOn, @TargetAggregateVersion Long expectedVersion) {
}
