package org.unionledger.shared.member;

import org.unionledger.shared.union.UnionId;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A member's current state as the query side knows it.
 *
 * @param memberId          the member
 * @param fullName          the full name
 * @param gender            the gender
 * @param personal          national ID, date of birth and phone
 * @param employment        occupation, workplace and contract length
 * @param unionId           the grassroots union the member belongs to
 * @param joinedOn          the date the membership started
 * @param nationality       ISO 3166-1 alpha-2 country code
 * @param status            the membership status
 * @param cardNumber        the valid membership card, if one was issued
 * @param pendingTransferTo the union a pending transfer goes to, if any
 * @param endReason         why the membership ended, if it did
 * @param endedOn           when the membership ended, if it did
 * @param version           the sequence number of the last event applied to this view
 * @param updatedAt         when the last applied event happened
 */
public record MemberView(MemberId memberId,
                         String fullName,
                         Gender gender,
                         PersonalDetails personal,
                         Employment employment,
                         UnionId unionId,
                         LocalDate joinedOn,
                         String nationality,
                         MemberStatus status,
                         String cardNumber,
                         UnionId pendingTransferTo,
                         EndReason endReason,
                         LocalDate endedOn,
                         long version,
                         Instant updatedAt) {
}
