package org.unionledger.query.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;
import org.unionledger.shared.complaint.*;
import org.unionledger.shared.integration.*;
import org.unionledger.shared.member.*;
import org.unionledger.shared.union.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Every domain event is either mapped to its public counterpart, field by field, or deliberately kept internal. */
class IntegrationEventMapperTest {

    private static final MemberId MEMBER = new MemberId("m-1");
    private static final UnionId STEEL = new UnionId("u-steel");
    private static final UnionId TEXTILE = new UnionId("u-textile");
    private static final UnionId WARD = new UnionId("u-ward");
    private static final ComplaintId COMPLAINT = new ComplaintId("c-1");
    private static final LocalDate DAY = LocalDate.of(2025, 8, 1);
    private static final Instant AT = Instant.parse("2025-08-01T03:00:00Z");
    private static final Instant LATER = Instant.parse("2025-08-31T03:00:00Z");
    private static final PersonalDetails PERSONAL = new PersonalDetails("001090123456", LocalDate.of(1990, 5, 17), "0912345678");

    /** One domain event of each published kind, with the integration event it must become. */
    private static Map<Object, IntegrationEvent> expectedMappings() {
        Map<Object, IntegrationEvent> cases = new LinkedHashMap<>();
        cases.put(new MemberRegisteredEvent(MEMBER, "Nguyễn Văn An", Gender.MALE, PERSONAL,
                        new Employment("Welder", "Hanoi Steel Co.", null), STEEL, DAY, "VN"),
                new MemberRegisteredV1("m-1", "Nguyễn Văn An", "MALE", "u-steel", DAY, "VN", "Welder", "Hanoi Steel Co."));
        cases.put(new MemberProfileUpdatedEvent(MEMBER, "Nguyễn Văn Anh", PERSONAL, new Employment("Foreman", "Hanoi Steel Co.", 24)),
                new MemberProfileUpdatedV1("m-1", "Nguyễn Văn Anh", "Foreman", "Hanoi Steel Co."));
        cases.put(new MembershipCardIssuedEvent(MEMBER, "HN-000002", DAY, "HN-000001", "lost"),
                new MembershipCardIssuedV1("m-1", "HN-000002", DAY, "HN-000001"));
        cases.put(new MemberSuspendedEvent(MEMBER, STEEL, "unpaid dues", DAY),
                new MemberSuspendedV1("m-1", "u-steel", DAY));
        cases.put(new MemberReinstatedEvent(MEMBER, STEEL, "paid", DAY.plusDays(9)),
                new MemberReinstatedV1("m-1", "u-steel", DAY.plusDays(9)));
        cases.put(new MembershipEndedEvent(MEMBER, STEEL, EndReason.RETIRED, DAY),
                new MembershipEndedV1("m-1", "u-steel", "RETIRED", DAY));
        cases.put(new TransferAcceptedEvent(MEMBER, STEEL, TEXTILE, "Hanoi Textile Co.", DAY),
                new MemberTransferredV1("m-1", "u-steel", "u-textile", DAY, "TRANSFER"));
        cases.put(new MemberMovedOnMergerEvent(MEMBER, STEEL, TEXTILE, DAY.plusDays(1)),
                new MemberTransferredV1("m-1", "u-steel", "u-textile", DAY.plusDays(1), "UNION_MERGER"));
        cases.put(new DuesPaidEvent(MEMBER, STEEL, YearMonth.of(2025, 8), 50_000, 10_000_000, STEEL,
                        DuesCollectionMethod.PAYROLL_DEDUCTION, DAY.plusDays(4)),
                new DuesPaidV1("m-1", "u-steel", "2025-08", 50_000, "u-steel", "PAYROLL_DEDUCTION", DAY.plusDays(4)));
        cases.put(new DuesMonthExemptedEvent(MEMBER, STEEL, YearMonth.of(2025, 9), DuesExemptionReason.UNPAID_LEAVE),
                new DuesMonthExemptedV1("m-1", "u-steel", "2025-09", "UNPAID_LEAVE"));
        cases.put(new UnionEstablishedEvent(STEEL, "Hanoi Steel union", "HN-STEEL", UnionLevel.GRASSROOTS, UnionKind.ENTERPRISE,
                        WARD, "1 Steel Road", DAY),
                new UnionEstablishedV1("u-steel", "Hanoi Steel union", "HN-STEEL", "GRASSROOTS", "ENTERPRISE", "u-ward", DAY));
        cases.put(new UnionRenamedEvent(STEEL, "Hanoi Steel union", "Hanoi Metals union", DAY),
                new UnionRenamedV1("u-steel", "Hanoi Steel union", "Hanoi Metals union", DAY));
        cases.put(new UnionMovedEvent(WARD, new UnionId("u-district"), new UnionId("u-federation"), DAY, null),
                new UnionMovedV1("u-ward", "u-district", "u-federation", DAY));
        cases.put(new UnionMergedEvent(STEEL, TEXTILE, WARD, DAY),
                new UnionMergedV1("u-steel", "u-textile", DAY));
        cases.put(new UnionDissolvedEvent(STEEL, WARD, DAY, "enterprise closed"),
                new UnionDissolvedV1("u-steel", DAY));
        cases.put(new ComplaintFiledEvent(COMPLAINT, MEMBER, STEEL, ComplaintCategory.WAGES,
                        new ComplaintStatement("Wages three months late", "Hanoi Steel Co."), ComplaintChannel.APP, AT, LATER),
                new ComplaintFiledV1("c-1", "m-1", "u-steel", "WAGES", "APP", AT, LATER));
        cases.put(new ComplaintAcknowledgedEvent(COMPLAINT, STEEL, AT, LATER),
                new ComplaintAcknowledgedV1("c-1", "u-steel", AT, LATER));
        cases.put(new ComplaintEscalatedEvent(COMPLAINT, STEEL, WARD, "time limit passed", true, AT, LATER),
                new ComplaintEscalatedV1("c-1", "u-steel", "u-ward", true, AT, LATER));
        cases.put(new ComplaintResolvedEvent(COMPLAINT, WARD, ResolutionOutcome.PARTIALLY_UPHELD, "paid two of three months", AT),
                new ComplaintResolvedV1("c-1", "u-ward", "PARTIALLY_UPHELD", AT));
        cases.put(new ComplaintReopenedEvent(COMPLAINT, WARD, "third month still unpaid", AT, LATER),
                new ComplaintReopenedV1("c-1", "u-ward", AT, LATER));
        cases.put(new ComplaintWithdrawnEvent(COMPLAINT, "settled privately", AT),
                new ComplaintWithdrawnV1("c-1", AT));
        cases.put(new ComplaintClosedEvent(COMPLAINT, AT),
                new ComplaintClosedV1("c-1", AT));
        return cases;
    }

    @Test
    void mapsEveryPublishedDomainEventFieldByField() {
        expectedMappings().forEach((domain, expected) ->
                assertThat(IntegrationEventMapper.map(domain))
                        .as(domain.getClass().getSimpleName())
                        .contains(expected));
    }

    @Test
    void everyDomainEventIsEitherPublishedOrDeliberatelyInternal() {
        Set<Class<?>> domainEvents = domainEventClasses();
        Set<Class<?>> published = expectedMappings().keySet().stream().map(Object::getClass).collect(Collectors.toSet());

        assertThat(domainEvents).hasSize(30);
        Set<Class<?>> classified = new HashSet<>(published);
        classified.addAll(IntegrationEventMapper.NOT_PUBLISHED);
        assertThat(classified).as("add a mapping or list the new event in NOT_PUBLISHED").isEqualTo(domainEvents);
        assertThat(published).doesNotContainAnyElementsOf(IntegrationEventMapper.NOT_PUBLISHED);
    }

    @Test
    void internalDomainEventsAreNotPublished() {
        assertThat(IntegrationEventMapper.map(new TransferRequestedEvent(MEMBER, STEEL, TEXTILE, "Textile Co.", "moved", DAY))).isEmpty();
        assertThat(IntegrationEventMapper.map(new ComplaintAssignedEvent(COMPLAINT, "officer-7", AT))).isEmpty();
        assertThat(IntegrationEventMapper.map(new ComplaintResolutionRatedEvent(COMPLAINT, 2, "slow", AT))).isEmpty();
    }

    @Test
    void everyPublishedTypeHasAMappingAndEveryMappingAPublishedType() {
        Set<String> produced = expectedMappings().values().stream()
                                                 .map(event -> PublishedEventTypes.of(event).type())
                                                 .collect(Collectors.toSet());
        assertThat(produced).isEqualTo(PublishedEventTypes.ALL.stream().map(PublishedEventType::type).collect(Collectors.toSet()));
        assertThat(PublishedEventTypes.ALL).hasSize(21);
    }

    @Test
    void publishedMemberEventsCarryNoNationalIdPhoneOrDateOfBirth() throws Exception {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                                              .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        for (Map.Entry<Object, IntegrationEvent> mapping : expectedMappings().entrySet()) {
            String published = json.writeValueAsString(IntegrationEventMapper.map(mapping.getKey()).orElseThrow());
            assertThat(published).as(mapping.getValue().getClass().getSimpleName())
                                 .doesNotContain("001090123456", "0912345678", "1990-05-17",
                                         "Wages three months late", "nationalId", "phone", "dateOfBirth");
        }
    }

    private static Set<Class<?>> domainEventClasses() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new RegexPatternTypeFilter(Pattern.compile(".*Event")));
        Set<Class<?>> classes = new HashSet<>();
        for (String feature : new String[]{"member", "union", "complaint"}) {
            for (BeanDefinition candidate : scanner.findCandidateComponents("org.unionledger.shared." + feature)) {
                try {
                    classes.add(Class.forName(candidate.getBeanClassName()));
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return classes;
    }
}
