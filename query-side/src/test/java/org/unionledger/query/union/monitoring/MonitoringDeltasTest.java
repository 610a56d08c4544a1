package org.unionledger.query.union.monitoring;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The write discipline of the monitoring counters, against a MongoDB wire-protocol server through the real driver. */
class MonitoringDeltasTest {

    private static final YearMonth JULY = YearMonth.of(2025, 7);

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase db;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        db = client.getDatabase("test");
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    private static Monitoring.Deltas joins(String... unions) {
        Monitoring.Deltas deltas = new Monitoring.Deltas();
        for (String union : unions) {
            deltas.dashboard(union, "members.ACTIVE", 1);
            deltas.month(union, JULY, "joins", 1);
        }
        return deltas;
    }

    private Document dashboard(String union) {
        return db.getCollection(Monitoring.DASHBOARDS).find(Filters.eq("_id", union)).first();
    }

    private Document month(String union) {
        return db.getCollection(Monitoring.MONTHS).find(Filters.eq("_id", Monitoring.monthId(union, JULY))).first();
    }

    private static long members(Document dashboard) {
        return Counters.number(dashboard.get("members", Document.class), "ACTIVE");
    }

    private void apply(Monitoring.Deltas deltas, long position) {
        deltas.applyDashboards(db, position);
        deltas.applyMonths(db, position);
    }

    /** Runs {@code work} as Axon does when it retries a dead letter: the letter is a resource of the unit of work. */
    private static void asRetriedDeadLetter(Runnable work) {
        EventMessage<String> event = GenericEventMessage.asEventMessage("parked");
        DefaultUnitOfWork<EventMessage<String>> unitOfWork = DefaultUnitOfWork.startAndGet(event);
        unitOfWork.resources().put(DeadLetter.class.getName(), new GenericDeadLetter<>("member-1", event));
        unitOfWork.execute(work);
    }

    @Test
    void anEventInOrderCountsOnceHowOftenItIsRedeliveredAndOlderOnesAreSkipped() {
        apply(joins("g", "w"), 5);
        apply(joins("g", "w"), 5);
        apply(joins("g"), 4);

        assertThat(members(dashboard("g"))).isEqualTo(1);
        assertThat(members(dashboard("w"))).isEqualTo(1);
        assertThat(Counters.number(month("g"), "joins")).isEqualTo(1);
        assertThat(Counters.number(dashboard("g"), Monitoring.POS)).isEqualTo(5);
    }

    @Test
    void theDashboardAfterTheWriteIsWhatMongoDbHolds() {
        apply(joins("g"), 5);
        Monitoring.Deltas deltas = joins("g");
        deltas.dashboard("g", "gender.FEMALE", 2);
        deltas.applyDashboards(db, 6);

        Document computed = deltas.dashboardAfter("g");
        assertThat(computed).isEqualTo(dashboard("g"));
        assertThat(members(computed)).isEqualTo(2);
    }

    @Test
    void aRetriedDeadLetterCountsBelowThePositionGuardExactlyOnce() {
        apply(joins("g", "w"), 10);

        asRetriedDeadLetter(() -> apply(joins("g", "w", "new"), 7));
        asRetriedDeadLetter(() -> apply(joins("g", "w", "new"), 7)); // the retry itself retried

        assertThat(members(dashboard("g"))).isEqualTo(2);
        assertThat(Counters.number(month("w"), "joins")).isEqualTo(2);
        assertThat(dashboard("g").getList(Monitoring.LATE, Long.class)).containsExactly(7L);
        assertThat(Counters.number(dashboard("g"), Monitoring.POS)).as("as an in-order replay leaves it").isEqualTo(10);
        assertThat(members(dashboard("new"))).isEqualTo(1);
        assertThat(Counters.number(dashboard("new"), Monitoring.POS)).isEqualTo(7);

        apply(joins("g"), 11); // live events go on above it
        assertThat(members(dashboard("g"))).isEqualTo(3);
    }

    @Test
    void aMonthUpsertMeetingANewerDocumentLeavesItAndStillWritesTheOthers() {
        apply(joins("a"), 9);
        Monitoring.Deltas deltas = new Monitoring.Deltas();
        List.of("a", "b", "c").forEach(union -> deltas.month(union, JULY, "joins", 1));

        deltas.applyMonths(db, 8); // "a" holds position 9: its upsert fails on the _id

        assertThat(Counters.number(month("a"), "joins")).isEqualTo(1);
        assertThat(Counters.number(month("b"), "joins")).isEqualTo(1);
        assertThat(Counters.number(month("c"), "joins")).isEqualTo(1);
        assertThat(Counters.number(month("c"), Monitoring.POS)).isEqualTo(8);
    }
}
