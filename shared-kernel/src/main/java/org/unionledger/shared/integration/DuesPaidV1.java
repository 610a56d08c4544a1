package org.unionledger.shared.integration;

import java.time.LocalDate;

/** {@code member.dues-paid.v1}: a member's dues for a month ({@code YYYY-MM}) were paid, in whole dong; {@code method} is {@code PAYROLL_DEDUCTION} or {@code CASH}. */
public record DuesPaidV1(String memberId,
                         String unionId,
                         String month,
                         long amount,
                         String collectedBy,
                         String method,
                         LocalDate paidOn) implements IntegrationEvent {

    /** The CloudEvents {@code type} under which this record is published. */
    public static final String TYPE = "member.dues-paid.v1";
}
