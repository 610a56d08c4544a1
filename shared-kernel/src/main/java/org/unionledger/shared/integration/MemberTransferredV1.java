package org.unionledger.shared.integration;

import java.time.LocalDate;

/** {@code member.transferred.v1}: a member now belongs to another grassroots union; {@code cause} is {@code TRANSFER} (an accepted transfer) or {@code UNION_MERGER} (their union was merged into another). */
public record MemberTransferredV1(String memberId,
                                  String fromUnionId,
                                  String toUnionId,
                                  LocalDate effectiveOn,
                                  String cause) implements IntegrationEvent {

    /** The CloudEvents {@code type} under which this record is published. */
    public static final String TYPE = "member.transferred.v1";
}
