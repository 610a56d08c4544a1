package org.unionledger.shared.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.YearMonth;

/** Exempts a member from dues for a month they spent on social-insurance benefits, unemployed or on unpaid leave. */
public record ExemptDuesMonthCommand(@TargetAggregateIdentifier MemberId memberId, YearMonth month, DuesExemptionReason reason, @TargetAggregateVersion Long expectedVersion) {
}
