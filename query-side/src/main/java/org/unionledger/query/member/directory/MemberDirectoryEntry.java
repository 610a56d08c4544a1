package org.unionledger.query.member.directory;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.unionledger.shared.member.Employment;
import org.unionledger.shared.member.EndReason;
import org.unionledger.shared.member.Gender;
import org.unionledger.shared.member.MemberId;
import org.unionledger.shared.member.MemberStatus;
import org.unionledger.shared.member.MemberView;
import org.unionledger.shared.member.PersonalDetails;
import org.unionledger.shared.union.UnionId;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One member's current state, stored under the member's ID so that reading it is an {@code _id} lookup.
 * {@code version} is the sequence number of the last event applied; handlers ignore anything not newer.
 */
@Document(MemberDirectoryEntry.COLLECTION)
record MemberDirectoryEntry(@Id String id,
                            String fullName,
                            Gender gender,
                            PersonalDetails personal,
                            Employment employment,
                            String unionId,
                            LocalDate joinedOn,
                            String nationality,
                            MemberStatus status,
                            String cardNumber,
                            String pendingTransferTo,
                            EndReason endReason,
                            LocalDate endedOn,
                            long version,
                            Instant updatedAt) {

    static final String COLLECTION = "member_directory";

    MemberView toView() {
        return new MemberView(new MemberId(id), fullName, gender, personal, employment, new UnionId(unionId), joinedOn,
                nationality, status, cardNumber, pendingTransferTo == null ? null : new UnionId(pendingTransferTo),
                endReason, endedOn, version, updatedAt);
    }
}
