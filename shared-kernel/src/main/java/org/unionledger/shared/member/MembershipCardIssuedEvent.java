package org.unionledger.shared.member;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A membership card was issued; {@code replacedCardNumber} is set when it replaces a lost or damaged one. */
@Revision("1")
public record MembershipCardIssuedEvent(MemberId memberId, String cardNumber, LocalDate issuedOn, String replacedCardNumber, String reason) {
}
