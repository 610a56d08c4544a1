package org.unionledger.query.audit.asof;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.unionledger.platform.web.ApiException;
import org.unionledger.shared.member.Employment;
import org.unionledger.shared.member.Gender;
import org.unionledger.shared.member.MemberId;
import org.unionledger.shared.member.MemberProfileUpdatedEvent;
import org.unionledger.shared.member.MemberRegisteredEvent;
import org.unionledger.shared.member.MemberReinstatedEvent;
import org.unionledger.shared.member.MemberStatus;
import org.unionledger.shared.member.MemberSuspendedEvent;
import org.unionledger.shared.member.MemberView;
import org.unionledger.shared.member.PersonalDetails;
import org.unionledger.shared.union.UnionId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A member as of several instants, on a real Axon event store whose events carry chosen timestamps: the
 * suspension and the reinstatement share one millisecond, as they can when stored in the same request burst.
 */
class AsOfReaderTest {

    private static final MemberId MEMBER = new MemberId("m-1");
    private static final UnionId UNION = new UnionId("u-1");
    private static final Instant REGISTERED = Instant.parse("2025-02-10T08:00:00.000Z");
    private static final Instant SAME_MILLISECOND = Instant.parse("2025-03-01T00:00:00.123Z");
    private static final Instant RENAMED = Instant.parse("2025-03-05T09:30:00.000Z");

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
                                                               .storageEngine(new InMemoryEventStorageEngine())
                                                               .build();
    private final AsOfReader reader = new AsOfReader(store, null);

    AsOfReaderTest() {
        store.publish(
                event(0, REGISTERED, new MemberRegisteredEvent(MEMBER, "Nguyễn Văn An", Gender.MALE, personal(),
                        new Employment("Welder", "Hanoi Steel Co.", null), UNION, LocalDate.of(2025, 2, 10), "VN")),
                event(1, SAME_MILLISECOND, new MemberSuspendedEvent(MEMBER, UNION, "dues", LocalDate.of(2025, 3, 1))),
                event(2, SAME_MILLISECOND, new MemberReinstatedEvent(MEMBER, UNION, "paid", LocalDate.of(2025, 3, 1))),
                event(3, RENAMED, new MemberProfileUpdatedEvent(MEMBER, "Nguyễn Văn Anh", personal(),
                        new Employment("Welder", "Hanoi Steel Co.", null))));
    }

    @AfterEach
    void stop() {
        store.shutDown();
    }

    @Test
    void atRegistrationTheMemberIsActiveAtVersionZero() {
        MemberView member = reader.member(MEMBER.value(), REGISTERED);
        assertThat(member.version()).isZero();
        assertThat(member.status()).isEqualTo(MemberStatus.ACTIVE);
        assertThat(member.fullName()).isEqualTo("Nguyễn Văn An");
    }

    @Test
    void justBeforeTheSharedMillisecondNeitherOfItsEventsHasHappened() {
        MemberView member = reader.member(MEMBER.value(), SAME_MILLISECOND.minusNanos(1));
        assertThat(member.version()).isZero();
        assertThat(member.status()).isEqualTo(MemberStatus.ACTIVE);
    }

    @Test
    void atTheSharedMillisecondBothEventsApplyInSequenceOrder() {
        // Applied in the wrong order the member would end SUSPENDED; skipping one would leave version 1.
        MemberView member = reader.member(MEMBER.value(), SAME_MILLISECOND);
        assertThat(member.version()).isEqualTo(2);
        assertThat(member.status()).isEqualTo(MemberStatus.ACTIVE);
    }

    @Test
    void betweenTheSharedMillisecondAndTheRenameTheOldNameStands() {
        MemberView member = reader.member(MEMBER.value(), RENAMED.minusMillis(1));
        assertThat(member.version()).isEqualTo(2);
        assertThat(member.fullName()).isEqualTo("Nguyễn Văn An");
        assertThat(reader.member(MEMBER.value(), RENAMED).fullName()).isEqualTo("Nguyễn Văn Anh");
    }

    @Test
    void beforeRegistrationThereIsNoMember() {
        assertThatThrownBy(() -> reader.member(MEMBER.value(), REGISTERED.minusMillis(1)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("MEMBER_NOT_FOUND");
                    assertThat(e.getMessage()).contains("did not exist on 2025-02-10T07:59:59.999Z");
                });
    }

    private static PersonalDetails personal() {
        return new PersonalDetails("001090123456", LocalDate.of(1990, 5, 17), "0912345678");
    }

    private static GenericDomainEventMessage<Object> event(long sequence, Instant at, Object payload) {
        return new GenericDomainEventMessage<>("Member", MEMBER.value(), sequence, payload, MetaData.emptyInstance(),
                UUID.randomUUID().toString(), at);
    }
}
