package org.unionledger.shared.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.unionledger.shared.union.UnionId;

import java.time.LocalDate;

/**
 * Registers a worker as a member of a grassroots union.
 *
 * @param memberId         the new member's identifier, chosen by the caller
 * @param fullName         the full name as on the citizen ID
 * @param gender           the gender
 * @param personal         national ID, date of birth and phone
 * @param employment       occupation, workplace and contract length
 * @param unionId          the grassroots union the member joins
 * @param joinedOn         the date the membership starts
 * @param nationality      ISO 3166-1 alpha-2 country code; {@code VN} for Vietnamese members
 * @param declaredEligible the applicant declared not to be an enterprise owner or director
 */
public record RegisterMemberCommand(@TargetAggregateIdentifier MemberId memberId,
                                    String fullName,
                                    Gender gender,
                                    PersonalDetails personal,
                                    Employment employment,
                                    UnionId unionId,
                                    LocalDate joinedOn,
                                    String nationality,
                                    boolean declaredEligible) {
}
