package org.unionledger.command.union;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unionledger.command.CommandSideTestKit;
import org.unionledger.command.common.EventHistory;
import org.unionledger.shared.common.RuleViolation;
import org.unionledger.shared.member.MemberId;
import org.unionledger.shared.union.DissolveUnionCommand;
import org.unionledger.shared.union.EstablishUnionCommand;
import org.unionledger.shared.union.MergeUnionCommand;
import org.unionledger.shared.union.MoveUnionCommand;
import org.unionledger.shared.union.RenameUnionCommand;
import org.unionledger.shared.union.UnionDissolvedEvent;
import org.unionledger.shared.union.UnionEstablishedEvent;
import org.unionledger.shared.union.UnionId;
import org.unionledger.shared.union.UnionKind;
import org.unionledger.shared.union.UnionLevel;
import org.unionledger.shared.union.UnionMergedEvent;
import org.unionledger.shared.union.UnionMovedEvent;
import org.unionledger.shared.union.UnionRenamedEvent;
import org.unionledger.shared.union.UnionStatus;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionledger.command.member.MemberTestMatchers.refusal;

class UnionTest {

    private static final LocalDate ON = LocalDate.of(2025, 6, 30);

    private CommandSideTestKit kit;
    private FixtureConfiguration<Union> fixture;
    private UnionId federation;
    private UnionId district;
    private UnionId ward;

    @BeforeEach
    void setUp() {
        kit = new CommandSideTestKit();
        fixture = new AggregateTestFixture<>(Union.class);
        fixture.registerInjectableResource(kit.unions);
        fixture.registerInjectableResource(kit.keys);
        fixture.registerInjectableResource(new EventHistory(fixture.getEventStore()));
        federation = kit.union("hanoi", UnionLevel.FEDERATION, null);
        kit.keys.claim(UnionTreePolicy.FEDERATION_ROOT_KEY, federation.value());
        district = kit.union("district-1", UnionLevel.UPPER_LEVEL, federation);
        ward = kit.union("ward-1", UnionLevel.UPPER_LEVEL, federation);
    }

    @AfterEach
    void tearDown() {
        kit.close();
    }

    // --- establishment and level rules

    @Test
    void establishesGrassrootsUnionUnderAnUpperLevelUnion() {
        fixture.givenNoPriorActivity()
               .when(establish("u-steel", "steel", UnionLevel.GRASSROOTS, ward))
               .expectEvents(new UnionEstablishedEvent(new UnionId("u-steel"), "Steel Co. union", "STEEL",
                       UnionLevel.GRASSROOTS, UnionKind.ENTERPRISE, ward, "1 Lang Ha", ON));
        assertThat(kit.unions.find(ward).orElseThrow().activeChildren()).isEqualTo(1);
    }

    @Test
    void establishesUnionGroupUnderAGrassrootsUnion() {
        UnionId steel = kit.union("u-steel", UnionLevel.GRASSROOTS, ward);
        fixture.givenNoPriorActivity()
               .when(establish("g-1", "team-1", UnionLevel.UNION_GROUP, steel))
               .expectEvents(new UnionEstablishedEvent(new UnionId("g-1"), "Steel Co. union", "TEAM-1",
                       UnionLevel.UNION_GROUP, UnionKind.ENTERPRISE, steel, "1 Lang Ha", ON));
    }

    @Test
    void refusesGrassrootsUnionDirectlyUnderTheFederation() {
        fixture.givenNoPriorActivity()
               .when(establish("u-steel", "steel", UnionLevel.GRASSROOTS, federation))
               .expectNoEvents()
               .expectException(refusal(RuleViolation.Kind.CONFLICT, "LEVEL_MISMATCH", "parentId"));
    }

    @Test
    void refusesSecondFederation() {
        fixture.givenNoPriorActivity()
               .when(establish("hcmc", "hcmc", UnionLevel.FEDERATION, null))
               .expectException(refusal(RuleViolation.Kind.CONFLICT, "FEDERATION_EXISTS", "level"));
    }

    @Test
    void refusesFederationWithAParent() {
        fixture.givenNoPriorActivity()
               .when(establish("hcmc", "hcmc", UnionLevel.FEDERATION, ward))
               .expectException(refusal(RuleViolation.Kind.INVALID, "FEDERATION_HAS_NO_PARENT", "parentId"));
    }

    @Test
    void refusesNonFederationWithoutParent() {
        fixture.givenNoPriorActivity()
               .when(establish("w-2", "w2", UnionLevel.UPPER_LEVEL, null))
               .expectException(refusal(RuleViolation.Kind.INVALID, "PARENT_REQUIRED", "parentId"));
    }

    @Test
    void refusesUnknownParent() {
        fixture.givenNoPriorActivity()
               .when(establish("u-1", "u1", UnionLevel.GRASSROOTS, new UnionId("nowhere")))
               .expectException(refusal(RuleViolation.Kind.NOT_FOUND, "UNION_NOT_FOUND", "parentId"));
    }

    @Test
    void refusesDissolvedParent() {
        kit.unions.recordDissolved(district, federation);
        fixture.givenNoPriorActivity()
               .when(establish("u-1", "u1", UnionLevel.GRASSROOTS, district))
               .expectException(refusal(RuleViolation.Kind.CONFLICT, "PARENT_NOT_ACTIVE", "parentId"));
    }

    @Test
    void refusesCodeAlreadyUsedInTheFederation() {
        kit.keys.claim(UnionTreePolicy.codeKey("STEEL"), "u-other");
        fixture.givenNoPriorActivity()
               .when(establish("u-steel", "steel", UnionLevel.GRASSROOTS, ward))
               .expectException(refusal(RuleViolation.Kind.CONFLICT, "UNION_CODE_TAKEN", "code"));
    }

    // --- rename

    @Test
    void renamesActiveUnion() {
        fixture.given(established("u-steel", UnionLevel.GRASSROOTS, ward))
               .when(new RenameUnionCommand(new UnionId("u-steel"), "Hanoi Steel JSC union", ON, null))
               .expectResultMessagePayload(1L)
               .expectEvents(new UnionRenamedEvent(new UnionId("u-steel"), "Steel Co. union", "Hanoi Steel JSC union", ON));
    }

    @Test
    void dissolvedUnionAcceptsNothing() {
        UnionId steel = new UnionId("u-steel");
        fixture.given(established("u-steel", UnionLevel.GRASSROOTS, ward), new UnionDissolvedEvent(steel, ward, ON, "closed"))
               .when(new RenameUnionCommand(steel, "Other", ON, null))
               .expectException(refusal(RuleViolation.Kind.CONFLICT, "UNION_NOT_ACTIVE", null));
    }

    // --- move

    @Test
    void movesGrassrootsUnionUnderAnotherUpperLevelUnion() {
        UnionId steel = kit.union("u-steel", UnionLevel.GRASSROOTS, district);
        fixture.given(established("u-steel", UnionLevel.GRASSROOTS, district))
               .when(new MoveUnionCommand(steel, ward, ON, null))
               .expectEvents(new UnionMovedEvent(steel, district, ward, ON, null));
        assertThat(kit.unions.find(steel).orElseThrow().parentId()).isEqualTo(ward);
        assertThat(kit.unions.find(ward).orElseThrow().activeChildren()).isEqualTo(1);
        assertThat(kit.unions.find(district).orElseThrow().activeChildren()).isZero();
    }

    @Test
    void movingUnderTheCurrentParentChangesNothing() {
        UnionId steel = kit.union("u-steel", UnionLevel.GRASSROOTS, ward);
        fixture.given(established("u-steel", UnionLevel.GRASSROOTS, ward))
               .when(new MoveUnionCommand(steel, ward, ON, null))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void refusesMoveUnderAUnionOfTheWrongLevel() {
        UnionId steel = kit.union("u-steel", UnionLevel.GRASSROOTS, district);
        fixture.given(established("u-steel", UnionLevel.GRASSROOTS, district))
               .when(new MoveUnionCommand(steel, federation, ON, null))
               .expectException(refusal(RuleViolation.Kind.CONFLICT, "LEVEL_MISMATCH", "parentId"));
    }

    @Test
    void refusesMoveUnderItsOwnChildBecauseLevelsOnlyGoDown() {
        // An upper-level union cannot sit under its grassroots child: the level rule alone rules out every cycle.
        UnionId steel = kit.union("u-steel", UnionLevel.GRASSROOTS, district);
        fixture.given(new UnionEstablishedEvent(district, "District 1", "DISTRICT-1", UnionLevel.UPPER_LEVEL,
                       UnionKind.DISTRICT, federation, null, ON))
               .when(new MoveUnionCommand(district, steel, ON, null))
               .expectException(refusal(RuleViolation.Kind.CONFLICT, "LEVEL_MISMATCH", "parentId"));
    }

    @Test
    void refusesMoveUnderItself() {
        fixture.given(new UnionEstablishedEvent(district, "District 1", "DISTRICT-1", UnionLevel.UPPER_LEVEL,
                       UnionKind.DISTRICT, federation, null, ON))
               .when(new MoveUnionCommand(district, district, ON, null))
               .expectException(refusal(RuleViolation.Kind.INVALID, "PARENT_IS_SELF", "parentId"));
    }

    @Test
    void refusesMoveUnderADissolvedUnion() {
        UnionId steel = kit.union("u-steel", UnionLevel.GRASSROOTS, district);
        kit.unions.recordDissolved(ward, federation);
        fixture.given(established("u-steel", UnionLevel.GRASSROOTS, district))
               .when(new MoveUnionCommand(steel, ward, ON, null))
               .expectException(refusal(RuleViolation.Kind.CONFLICT, "PARENT_NOT_ACTIVE", "parentId"));
    }

    // --- merge

    @Test
    void mergesIntoAnotherUnionOfTheSameLevel() {
        fixture.given(new UnionEstablishedEvent(district, "District 1", "DISTRICT-1", UnionLevel.UPPER_LEVEL,
                       UnionKind.DISTRICT, federation, null, ON))
               .when(new MergeUnionCommand(district, ward, ON, null))
               .expectEvents(new UnionMergedEvent(district, ward, federation, ON));
        assertThat(kit.unions.find(district).orElseThrow().status()).isEqualTo(UnionStatus.MERGED);
    }

    @Test
    void refusesMergeIntoAUnionOfAnotherLevel() {
        UnionId steel = kit.union("u-steel", UnionLevel.GRASSROOTS, ward);
        fixture.given(new UnionEstablishedEvent(district, "District 1", "DISTRICT-1", UnionLevel.UPPER_LEVEL,
                       UnionKind.DISTRICT, federation, null, ON))
               .when(new MergeUnionCommand(district, steel, ON, null))
               .expectException(refusal(RuleViolation.Kind.CONFLICT, "LEVEL_MISMATCH", "survivorId"));
    }

    @Test
    void refusesMergeIntoItself() {
        fixture.given(new UnionEstablishedEvent(district, "District 1", "DISTRICT-1", UnionLevel.UPPER_LEVEL,
                       UnionKind.DISTRICT, federation, null, ON))
               .when(new MergeUnionCommand(district, district, ON, null))
               .expectException(refusal(RuleViolation.Kind.INVALID, "MERGE_INTO_ITSELF", "survivorId"));
    }

    @Test
    void refusesMergeIntoADissolvedUnion() {
        kit.unions.recordDissolved(ward, federation);
        fixture.given(new UnionEstablishedEvent(district, "District 1", "DISTRICT-1", UnionLevel.UPPER_LEVEL,
                       UnionKind.DISTRICT, federation, null, ON))
               .when(new MergeUnionCommand(district, ward, ON, null))
               .expectException(refusal(RuleViolation.Kind.CONFLICT, "SURVIVOR_NOT_ACTIVE", "survivorId"));
    }

    // --- dissolve

    @Test
    void dissolvesEmptyUnion() {
        UnionId steel = kit.union("u-steel", UnionLevel.GRASSROOTS, ward);
        fixture.given(established("u-steel", UnionLevel.GRASSROOTS, ward))
               .when(new DissolveUnionCommand(steel, ON, "enterprise closed", null))
               .expectEvents(new UnionDissolvedEvent(steel, ward, ON, "enterprise closed"));
    }

    @Test
    void refusesDissolvingUnionWithMembers() {
        UnionId steel = kit.union("u-steel", UnionLevel.GRASSROOTS, ward);
        kit.unions.admitMember(new MemberId("m-1"), steel, "unionId");
        fixture.given(established("u-steel", UnionLevel.GRASSROOTS, ward))
               .when(new DissolveUnionCommand(steel, ON, "closed", null))
               .expectNoEvents()
               .expectException(refusal(RuleViolation.Kind.CONFLICT, "UNION_HAS_MEMBERS", null));
    }

    @Test
    void refusesDissolvingUnionWithChildren() {
        kit.union("u-steel", UnionLevel.GRASSROOTS, ward);
        fixture.given(new UnionEstablishedEvent(ward, "Ward 1", "WARD-1", UnionLevel.UPPER_LEVEL,
                       UnionKind.COMMUNE_WARD, federation, null, ON))
               .when(new DissolveUnionCommand(ward, ON, "restructuring", null))
               .expectException(refusal(RuleViolation.Kind.CONFLICT, "UNION_HAS_CHILDREN", null));
    }

    private EstablishUnionCommand establish(String id, String code, UnionLevel level, UnionId parent) {
        return new EstablishUnionCommand(new UnionId(id), "Steel Co. union", code, level, UnionKind.ENTERPRISE, parent,
                "1 Lang Ha", ON);
    }

    private UnionEstablishedEvent established(String id, UnionLevel level, UnionId parent) {
        return new UnionEstablishedEvent(new UnionId(id), "Steel Co. union", id.toUpperCase(), level,
                UnionKind.ENTERPRISE, parent, "1 Lang Ha", ON);
    }
}
