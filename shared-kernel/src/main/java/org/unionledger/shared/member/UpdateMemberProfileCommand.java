package org.unionledger.shared.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Corrects or updates the member's name, phone and employment. */
public record UpdateMemberProfileCommand(@TargetAggregateIdentifier MemberId memberId, String fullName, String phone, Employment employment, @TargetAggregateVersion Long expectedVersion) {
}
