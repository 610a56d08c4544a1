package org.unionledger.command.complaint;

import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unionledger.command.CommandSideTestKit;
import org.unionledger.command.common.RequestMetadata;
import org.unionledger.command.union.UnionDirectory;
import org.unionledger.shared.complaint.AcknowledgeComplaintCommand;
import org.unionledger.shared.complaint.ComplaintCategory;
import org.unionledger.shared.complaint.ComplaintChannel;
import org.unionledger.shared.complaint.ComplaintEscalatedEvent;
import org.unionledger.shared.complaint.ComplaintFlaggedOverdueEvent;
import org.unionledger.shared.complaint.ComplaintId;
import org.unionledger.shared.complaint.FileComplaintCommand;
import org.unionledger.shared.member.MemberId;
import org.unionledger.shared.union.UnionId;
import org.unionledger.shared.union.UnionLevel;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole deadline loop on Axon's real command and event pipeline: the complaint aggregate, the deadlines read
 * model (in MongoDB through the real driver) fed by its events, and the scheduler, with a clock the test moves.
 */
class ComplaintDeadlineSchedulerTest {

    private static final MemberId MEMBER = new MemberId("m-1");

    private CommandSideTestKit kit;
    private Configuration axon;
    private ComplaintDeadlineScheduler scheduler;
    private UnionId federation;
    private UnionId ward;
    private UnionId steel;

    @BeforeEach
    void setUp() {
        kit = new CommandSideTestKit();
        federation = kit.union("hanoi", UnionLevel.FEDERATION, null);
        ward = kit.union("ward-1", UnionLevel.UPPER_LEVEL, federation);
        steel = kit.union("u-steel", UnionLevel.GRASSROOTS, ward);
        kit.unions.admitMember(MEMBER, steel, "unionId");
        ComplaintDeadlines deadlines = new ComplaintDeadlines(kit.mongo);
        // No configurer modules from the classpath: this test runs without Axon Server.
        axon = DefaultConfigurer.defaultConfiguration(false)
                                .configureSerializer(c -> JacksonSerializer.defaultSerializer())
                                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                                // as in production: the command's actor goes onto its events
                                .configureCorrelationDataProviders(c -> List.of(
                                        new SimpleCorrelationDataProvider(RequestMetadata.ACTOR)))
                                .configureAggregate(Complaint.class)
                                .registerComponent(Clock.class, c -> kit.clock)
                                .registerComponent(UnionDirectory.class, c -> kit.unions)
                                .eventProcessing(processing -> processing.usingSubscribingEventProcessors()
                                                                         .registerEventHandler(c -> deadlines))
                                .buildConfiguration();
        axon.start();
        scheduler = new ComplaintDeadlineScheduler(deadlines, axon.commandGateway(), kit.clock);
    }

    @AfterEach
    void tearDown() {
        axon.shutdown();
        kit.close();
    }

    @Test
    void unacknowledgedComplaintClimbsTheTreeAsSimulatedTimePassesAndIsFlaggedAtTheFederation() {
        ComplaintId complaint = file("c-1");

        assertThat(scheduler.checkDeadlines()).as("nothing due on day 0").isZero();
        kit.clock.advance(Duration.ofDays(10));
        assertThat(scheduler.checkDeadlines()).isEqualTo(1);
        assertThat(lastEvent(complaint)).isInstanceOfSatisfying(ComplaintEscalatedEvent.class, escalated -> {
            assertThat(escalated.automatic()).isTrue();
            assertThat(escalated.toUnionId()).isEqualTo(ward);
        });

        assertThat(scheduler.checkDeadlines()).as("the ward's 45 days have just begun").isZero();
        kit.clock.advance(Duration.ofDays(45));
        assertThat(scheduler.checkDeadlines()).isEqualTo(1);
        assertThat(lastEvent(complaint)).isInstanceOfSatisfying(ComplaintEscalatedEvent.class,
                escalated -> assertThat(escalated.toUnionId()).isEqualTo(federation));

        kit.clock.advance(Duration.ofDays(45));
        assertThat(scheduler.checkDeadlines()).isEqualTo(1);
        assertThat(lastEvent(complaint)).isInstanceOf(ComplaintFlaggedOverdueEvent.class);
        assertThat(axon.eventStore().readEvents(complaint.value()).asStream().skip(1)
                       .map(event -> event.getMetaData().get("actor")).distinct().toList())
                .as("who acted on each missed limit").containsExactly(ComplaintDeadlineScheduler.ACTOR);

        kit.clock.advance(Duration.ofDays(365));
        assertThat(scheduler.checkDeadlines()).as("a flagged complaint has no limit left").isZero();
        assertThat(events(complaint)).hasSize(4);
    }

    @Test
    void acknowledgingInTimeCancelsTheEscalation() {
        ComplaintId complaint = file("c-2");
        kit.clock.advance(Duration.ofDays(9));
        axon.commandGateway().sendAndWait(new AcknowledgeComplaintCommand(complaint, null));

        kit.clock.advance(Duration.ofDays(2));
        assertThat(scheduler.checkDeadlines()).isZero();
        assertThat(events(complaint)).hasSize(2);
    }

    @Test
    void aSecondRunRightAfterTheFirstChangesNothing() {
        ComplaintId complaint = file("c-3");
        kit.clock.advance(Duration.ofDays(10));

        scheduler.checkDeadlines();
        scheduler.checkDeadlines();

        assertThat(events(complaint)).hasSize(2);
    }

    private ComplaintId file(String id) {
        ComplaintId complaint = new ComplaintId(id);
        axon.commandGateway().sendAndWait(new FileComplaintCommand(complaint, MEMBER, ComplaintCategory.WAGES,
                "Wages two months late", null, ComplaintChannel.HOTLINE));
        return complaint;
    }

    private List<Object> events(ComplaintId complaint) {
        return axon.eventStore().readEvents(complaint.value()).asStream().map(DomainEventMessage::getPayload)
                   .map(Object.class::cast).toList();
    }

    private Object lastEvent(ComplaintId complaint) {
        List<Object> events = events(complaint);
        return events.get(events.size() - 1);
    }
}
