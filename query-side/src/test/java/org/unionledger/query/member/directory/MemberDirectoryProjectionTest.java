package org.unionledger.query.member.directory;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.unionledger.shared.member.Employment;
import org.unionledger.shared.member.EndReason;
import org.unionledger.shared.member.MembershipEndedEvent;
import org.unionledger.shared.member.TransferAcceptedEvent;
import org.unionledger.shared.member.TransferRequestedEvent;
import org.unionledger.shared.member.FindMemberQuery;
import org.unionledger.shared.member.Gender;
import org.unionledger.shared.member.MemberId;
import org.unionledger.shared.member.MemberRegisteredEvent;
import org.unionledger.shared.member.MemberStatus;
import org.unionledger.shared.member.MemberView;
import org.unionledger.shared.member.PersonalDetails;
import org.unionledger.shared.union.UnionId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The projection against a MongoDB wire-protocol server through the real driver: handle, then query. */
class MemberDirectoryProjectionTest {

    private static final MemberId MEMBER = new MemberId("m-1");
    private static final Instant REGISTERED_AT = Instant.parse("2025-08-01T02:00:00Z");

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private MemberDirectoryProjection projection;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        mongo = new MongoTemplate(client, "test");
        projection = new MemberDirectoryProjection(mongo);
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void registrationMakesTheMemberFindableWithEveryField() {
        projection.on(registered("Nguyễn Văn An"), 0, REGISTERED_AT);

        MemberView member = projection.handle(new FindMemberQuery(MEMBER)).orElseThrow();

        assertThat(member).isEqualTo(new MemberView(MEMBER, "Nguyễn Văn An", Gender.MALE,
                new PersonalDetails("001090123456", LocalDate.of(1990, 5, 17), "0912345678"),
                new Employment("Welder", "Hanoi Steel Co.", null), new UnionId("u-1"), LocalDate.of(2025, 8, 1),
                "VN", MemberStatus.ACTIVE, null, null, null, null, 0, REGISTERED_AT));
    }

    @Test
    void applyingTheSameRegistrationTwiceLeavesOneUnchangedDocument() {
        projection.on(registered("Nguyễn Văn An"), 0, REGISTERED_AT);
        MemberView once = projection.handle(new FindMemberQuery(MEMBER)).orElseThrow();

        projection.on(registered("Nguyễn Văn An"), 0, REGISTERED_AT.plusSeconds(60));

        assertThat(projection.handle(new FindMemberQuery(MEMBER))).contains(once);
        assertThat(mongo.getCollection(MemberDirectoryEntry.COLLECTION).countDocuments()).isEqualTo(1);
    }

    @Test
    void laterEventsApplyInOrderAndARepeatedOrOlderOneChangesNothing() {
        UnionId receiving = new UnionId("u-2");
        projection.on(registered("Nguyễn Văn An"), 0, REGISTERED_AT);
        projection.on(new TransferRequestedEvent(MEMBER, new UnionId("u-1"), receiving, "Hai Phong Port", "moved",
                LocalDate.of(2025, 9, 1)), 1, REGISTERED_AT.plusSeconds(10));
        projection.on(new TransferAcceptedEvent(MEMBER, new UnionId("u-1"), receiving, "Hai Phong Port",
                LocalDate.of(2025, 9, 5)), 2, REGISTERED_AT.plusSeconds(20));

        // A replay delivers the request again after the acceptance: it must not reopen the transfer.
        projection.on(new TransferRequestedEvent(MEMBER, new UnionId("u-1"), receiving, "Hai Phong Port", "moved",
                LocalDate.of(2025, 9, 1)), 1, REGISTERED_AT.plusSeconds(10));
        projection.on(new TransferAcceptedEvent(MEMBER, new UnionId("u-1"), receiving, "Hai Phong Port",
                LocalDate.of(2025, 9, 5)), 2, REGISTERED_AT.plusSeconds(20));

        MemberView member = projection.handle(new FindMemberQuery(MEMBER)).orElseThrow();
        assertThat(member.status()).isEqualTo(MemberStatus.ACTIVE);
        assertThat(member.unionId()).isEqualTo(receiving);
        assertThat(member.pendingTransferTo()).isNull();
        assertThat(member.employment().workplace()).isEqualTo("Hai Phong Port");
        assertThat(member.version()).isEqualTo(2);
    }

    @Test
    void endingRecordsReasonAndDate() {
        projection.on(registered("Nguyễn Văn An"), 0, REGISTERED_AT);
        projection.on(new MembershipEndedEvent(MEMBER, new UnionId("u-1"), EndReason.RETIRED, LocalDate.of(2026, 1, 31)),
                1, REGISTERED_AT.plusSeconds(60));

        MemberView member = projection.handle(new FindMemberQuery(MEMBER)).orElseThrow();
        assertThat(member.status()).isEqualTo(MemberStatus.ENDED);
        assertThat(member.endReason()).isEqualTo(EndReason.RETIRED);
        assertThat(member.endedOn()).isEqualTo(LocalDate.of(2026, 1, 31));
    }

    @Test
    void unknownMemberIsEmpty() {
        assertThat(projection.handle(new FindMemberQuery(new MemberId("nobody")))).isEqualTo(Optional.empty());
    }

    @Test
    void resetEmptiesTheDirectoryForAReplay() {
        projection.on(registered("Nguyễn Văn An"), 0, REGISTERED_AT);

        projection.reset();

        assertThat(projection.handle(new FindMemberQuery(MEMBER))).isEmpty();
    }

    private static MemberRegisteredEvent registered(String name) {
        return new MemberRegisteredEvent(MEMBER, name, Gender.MALE,
                new PersonalDetails("001090123456", LocalDate.of(1990, 5, 17), "0912345678"),
                new Employment("Welder", "Hanoi Steel Co.", null), new UnionId("u-1"), LocalDate.of(2025, 8, 1), "VN");
    }
}
