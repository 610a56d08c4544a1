package org.unionledger.shared.integration;

import java.time.LocalDate;

/** {@code member.card-issued.v1}: a membership card was issued; {@code replacedCardNumber} is present when it replaces a lost or damaged card. */
public record MembershipCardIssuedV1(String memberId,
                                     String cardNumber,
                                     LocalDate issuedOn,
                                     @MayBeAbsent String replacedCardNumber) implements IntegrationEvent {

    /** The CloudEvents {@code type} under which this record is published. */
    public static final String TYPE = "member.card-issued.v1";
}
