package org.unionledger.shared.member;

import org.axonframework.serialization.Revision;
import org.unionledger.shared.union.UnionId;

import java.time.LocalDate;

/**
 * A worker became a member of a grassroots union.
 *
 * @param memberId    the member
 * @param fullName    the full name
 * @param gender      the gender
 * @param personal    national ID, date of birth and phone
 * @param employment  occupation, workplace and contract length
 * @param unionId     the grassroots union joined
 * @param joinedOn    the date the membership started
 * @param nationality ISO 3166-1 alpha-2 country code
 */
@Revision("1")
public record MemberRegisteredEvent(MemberId memberId,
                                    String fullName,
                                    Gender gender,
                                    PersonalDetails personal,
                                    Employment employment,
                                    UnionId unionId,
                                    LocalDate joinedOn,
                                    String nationality) {
}
