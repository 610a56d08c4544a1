package org.unionledger.command.union;

import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unionledger.command.CommandSideTestKit;
import org.unionledger.shared.member.MemberId;
import org.unionledger.shared.member.MoveMemberOnMergerCommand;
import org.unionledger.shared.union.MoveUnionCommand;
import org.unionledger.shared.union.UnionId;
import org.unionledger.shared.union.UnionLevel;
import org.unionledger.shared.union.UnionMergedEvent;

import java.time.LocalDate;

class UnionMergerSagaTest {

    private static final LocalDate ON = LocalDate.of(2025, 6, 30);

    private CommandSideTestKit kit;
    private SagaTestFixture<UnionMergerSaga> fixture;
    private UnionId federation;
    private UnionId district;
    private UnionId ward;

    @BeforeEach
    void setUp() {
        kit = new CommandSideTestKit();
        fixture = new SagaTestFixture<>(UnionMergerSaga.class);
        fixture.registerResource(kit.unions);
        federation = kit.union("hanoi", UnionLevel.FEDERATION, null);
        district = kit.union("district-1", UnionLevel.UPPER_LEVEL, federation);
        ward = kit.union("ward-1", UnionLevel.UPPER_LEVEL, federation);
    }

    @AfterEach
    void tearDown() {
        kit.close();
    }

    @Test
    void carriesEveryActiveChildUnionOverToTheSurvivorAndEnds() {
        UnionId steel = kit.union("u-steel", UnionLevel.GRASSROOTS, district);
        UnionId school = kit.union("u-school", UnionLevel.GRASSROOTS, district);
        UnionId closed = kit.union("u-closed", UnionLevel.GRASSROOTS, district);
        kit.unions.recordDissolved(closed, district);

        fixture.givenNoPriorActivity()
               .whenPublishingA(new UnionMergedEvent(district, ward, federation, ON))
               .expectDispatchedCommands(new MoveUnionCommand(steel, ward, ON, null),
                       new MoveUnionCommand(school, ward, ON, null))
               .expectActiveSagas(0);
    }

    @Test
    void carriesEveryCurrentMemberOverToTheSurvivor() {
        UnionId steel = kit.union("u-steel", UnionLevel.GRASSROOTS, ward);
        UnionId port = kit.union("u-port", UnionLevel.GRASSROOTS, ward);
        kit.unions.admitMember(new MemberId("m-1"), steel, "unionId");
        kit.unions.admitMember(new MemberId("m-2"), steel, "unionId");
        kit.unions.admitMember(new MemberId("m-3"), steel, "unionId");
        kit.unions.releaseMember(new MemberId("m-3"), steel);

        fixture.givenNoPriorActivity()
               .whenPublishingA(new UnionMergedEvent(steel, port, ward, ON))
               .expectDispatchedCommands(new MoveMemberOnMergerCommand(new MemberId("m-1"), steel, port, ON),
                       new MoveMemberOnMergerCommand(new MemberId("m-2"), steel, port, ON))
               .expectActiveSagas(0);
    }
}
