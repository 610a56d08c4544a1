package org.unionledger.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A projection that fails on one aggregate's event parks that aggregate's events in the MongoDB dead-letter queue
 * and goes on with the others; after the cause is fixed, the operator's retry applies the parked events.
 */
class DeadLetterEndToEndTest {

    @TempDir
    static Path dataDir;
    static UnionLedger system;
    static Members.Tree tree;

    @BeforeAll
    static void start() {
        system = UnionLedger.start("--unionledger.data-dir=" + dataDir,
                "--unionledger.command-port=0", "--unionledger.query-port=0");
        tree = Members.Tree.build(system.commandPort(), "dlq");
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void aFailingEventIsParkedWithoutStoppingOthersAndAppliedOnRetryAfterTheFix() {
        String broken = file(register("Hoàng Văn Tú"));
        awaitComplaint(broken, c -> c.get("timeline").size() == 1);
        MongoTemplate readModels = system.querySide().getBean(MongoTemplate.class);
        // The read model is damaged behind the projection's back: its next $push on the timeline must fail.
        readModels.getCollection("complaint_timeline").updateOne(new Document("_id", broken),
                new Document("$set", new Document("timeline", "damaged")));

        ok(Http.postJson(system.commandPort(), "/api/complaints/" + broken + "/acknowledge", "{}", Map.of()));
        String healthy = file(register("Lý Thị Mai"));
        ok(Http.postJson(system.commandPort(), "/api/complaints/" + healthy + "/acknowledge", "{}", Map.of()));

        JsonNode other = awaitComplaint(healthy, c -> c.get("timeline").size() == 2);
        assertThat(other.get("status").asText()).isEqualTo("ACKNOWLEDGED");
        JsonNode parked = await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                                 .until(() -> Http.get(system.queryPort(), "/api/operations/processors/complaint-timeline").body(),
                                         s -> s.get("deadLetters").asLong() == 1);
        assertThat(parked.get("error").asBoolean()).isFalse();
        assertThat(parked.get("position").asLong()).isEqualTo(parked.get("headPosition").asLong());

        readModels.getCollection("complaint_timeline").updateOne(new Document("_id", broken),
                new Document("$set", new Document("timeline", List.of())));
        JsonNode retried = Http.postJson(system.queryPort(),
                "/api/operations/processors/complaint-timeline/dead-letters/retry", "", Map.of()).body();
        assertThat(retried.get("retried").asInt()).isEqualTo(1);
        assertThat(retried.get("deadLettersLeft").asLong()).isZero();
        JsonNode fixed = awaitComplaint(broken, c -> c.get("status").asText().equals("ACKNOWLEDGED"));
        assertThat(fixed.get("timeline").size()).as("the acknowledgement, after the damaged history was reset").isEqualTo(1);
    }

    /** A retry goes on past a sequence that fails again: the others are applied, and that one stays parked. */
    @Test
    void aRetryGoesOnPastASequenceThatFailsAgain() {
        String stillBroken = file(register("Vũ Văn Long"));
        String fixedLater = file(register("Vũ Thị Ngọc"));
        awaitComplaint(stillBroken, c -> c.get("timeline").size() == 1);
        awaitComplaint(fixedLater, c -> c.get("timeline").size() == 1);
        MongoTemplate readModels = system.querySide().getBean(MongoTemplate.class);
        long parkedBefore = Http.get(system.queryPort(), "/api/operations/processors/complaint-timeline").body()
                                .get("deadLetters").asLong();
        for (String complaint : List.of(stillBroken, fixedLater)) { // parked in this order: the broken one first
            readModels.getCollection("complaint_timeline").updateOne(new Document("_id", complaint),
                    new Document("$set", new Document("timeline", "damaged")));
            ok(Http.postJson(system.commandPort(), "/api/complaints/" + complaint + "/acknowledge", "{}", Map.of()));
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                   .until(() -> Http.get(system.queryPort(), "/api/operations/processors/complaint-timeline").body()
                                    .get("deadLetters").asLong() > parkedBefore + (complaint.equals(stillBroken) ? 0 : 1));
        }

        readModels.getCollection("complaint_timeline").updateOne(new Document("_id", fixedLater),
                new Document("$set", new Document("timeline", List.of())));
        JsonNode retried = Http.postJson(system.queryPort(),
                "/api/operations/processors/complaint-timeline/dead-letters/retry", "", Map.of()).body();
        assertThat(retried.get("retried").asInt()).isEqualTo(1);
        assertThat(retried.get("deadLettersLeft").asLong()).isEqualTo(parkedBefore + 1);
        assertThat(awaitComplaint(fixedLater, c -> c.get("status").asText().equals("ACKNOWLEDGED")).get("timeline").size())
                .isEqualTo(1);

        readModels.getCollection("complaint_timeline").updateOne(new Document("_id", stillBroken),
                new Document("$set", new Document("timeline", List.of())));
        JsonNode rest = Http.postJson(system.queryPort(),
                "/api/operations/processors/complaint-timeline/dead-letters/retry", "", Map.of()).body();
        assertThat(rest.get("retried").asInt()).isEqualTo(1);
        assertThat(rest.get("deadLettersLeft").asLong()).isEqualTo(parkedBefore);
        awaitComplaint(stillBroken, c -> c.get("status").asText().equals("ACKNOWLEDGED"));
    }

    /**
     * The monitoring projection's figures are sums over many members, kept exact by applying each event once. A
     * member whose event fails is parked while the others' changes go on into the same dashboards; the retry then
     * applies the parked events once, out of their order, and a rebuild from scratch gives the same documents.
     */
    @Test
    void aFailingMonitoringEventIsParkedWhileOthersCountAndTheRetryCountsItOnce() {
        String union = Members.establish(system.commandPort(), "dlq monitoring", "DLQ-MON", "GRASSROOTS", "ENTERPRISE", tree.ward());
        String broken = register("Phan Văn Đức", union);
        String healthy = register("Phan Thị Lan", union);
        awaitDashboard(union, d -> d.at("/membersByStatus/ACTIVE").asLong() == 2);
        long wardSuspendedBefore = dashboard(tree.ward()).at("/membersByStatus/SUSPENDED").asLong();
        MongoTemplate readModels = system.querySide().getBean(MongoTemplate.class);
        // Damaged behind the projection's back: reading the member's birth year now fails.
        readModels.getCollection("mon_members").updateOne(new Document("_id", broken),
                new Document("$set", new Document("birthYear", "damaged")));

        ok(Http.postJson(system.commandPort(), "/api/members/" + broken + "/suspend",
                "{\"reason\": \"dues\", \"effectiveOn\": \"2025-09-01\"}", Map.of()));
        ok(Http.postJson(system.commandPort(), "/api/members/" + broken + "/reinstate",
                "{\"reason\": \"paid\", \"effectiveOn\": \"2025-09-02\"}", Map.of()));
        ok(Http.postJson(system.commandPort(), "/api/members/" + broken + "/suspend",
                "{\"reason\": \"dues\", \"effectiveOn\": \"2025-09-03\"}", Map.of()));
        ok(Http.postJson(system.commandPort(), "/api/members/" + healthy + "/suspend",
                "{\"reason\": \"dues\", \"effectiveOn\": \"2025-09-01\"}", Map.of()));

        JsonNode parked = await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                                 .until(() -> Http.get(system.queryPort(), "/api/operations/processors/union-monitoring").body(),
                                         s -> s.get("deadLetters").asLong() == 1
                                                 && s.path("position").asLong(-1) == s.get("headPosition").asLong());
        assertThat(parked.get("error").asBoolean()).isFalse();
        JsonNode meanwhile = awaitDashboard(union, d -> d.at("/membersByStatus/SUSPENDED").asLong() == 1);
        assertThat(meanwhile.at("/membersByStatus/ACTIVE").asLong()).as("the parked member, as before its events").isEqualTo(1);

        readModels.getCollection("mon_members").updateOne(new Document("_id", broken),
                new Document("$set", new Document("birthYear", 1990)));
        JsonNode retried = Http.postJson(system.queryPort(),
                "/api/operations/processors/union-monitoring/dead-letters/retry", "", Map.of()).body();
        assertThat(retried.get("retried").asInt()).isEqualTo(1);
        assertThat(retried.get("deadLettersLeft").asLong()).isZero();

        JsonNode after = awaitDashboard(union, d -> d.at("/membersByStatus/SUSPENDED").asLong() == 2);
        assertThat(after.at("/membersByStatus/ACTIVE").asLong()).isZero();
        assertThat(after.get("currentMembers").asLong()).isEqualTo(2);
        assertThat(dashboard(tree.ward()).at("/membersByStatus/SUSPENDED").asLong()).isEqualTo(wardSuspendedBefore + 2);
        // Retrying again finds nothing, and cannot count anything twice.
        assertThat(Http.postJson(system.queryPort(), "/api/operations/processors/union-monitoring/dead-letters/retry", "",
                Map.of()).body().get("retried").asInt()).isZero();
        assertThat(dashboard(union).at("/membersByStatus/SUSPENDED").asLong()).isEqualTo(2);

        JsonNode replay = Http.postJson(system.queryPort(), "/api/operations/processors/union-monitoring/replay-check",
                "", Map.of()).body();
        assertThat(replay.get("identical").asBoolean()).as(replay.toString()).isTrue();
    }

    /**
     * A union's establishment that fails is parked, and members registered into the union meanwhile count only in
     * its own figures. The retry joins the branch to its ancestors: totals, monthly flows and month-end member
     * counts, as an in-order replay records them.
     */
    @Test
    void aLateUnionEstablishmentCarriesItsBranchToItsAncestors() {
        String upper = Members.establish(system.commandPort(), "dlq upper", "DLQ-UP", "UPPER_LEVEL", "COMMUNE_WARD", tree.federation());
        awaitDashboard(upper, d -> true);
        long federationBefore = dashboard(tree.federation()).get("currentMembers").asLong();
        MongoTemplate readModels = system.querySide().getBean(MongoTemplate.class);
        long parkedBefore = status().get("deadLetters").asLong();
        // Damaged behind the projection's back: the chain above a new child of this union cannot be read.
        readModels.getCollection("mon_unions").updateOne(new Document("_id", upper),
                new Document("$set", new Document("ancestors", "damaged")));

        String late = Members.establish(system.commandPort(), "dlq late", "DLQ-LATE", "GRASSROOTS", "ENTERPRISE", upper);
        register("Trần Văn Bình", late);
        register("Trần Thị Hoa", late);
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
               .until(DeadLetterEndToEndTest::status, s -> s.get("deadLetters").asLong() == parkedBefore + 1
                       && s.path("position").asLong(-1) == s.get("headPosition").asLong());
        assertThat(dashboard(upper).get("currentMembers").asLong()).as("the branch is not joined yet").isZero();

        readModels.getCollection("mon_unions").updateOne(new Document("_id", upper),
                new Document("$set", new Document("ancestors", List.of(tree.federation()))));
        JsonNode retried = Http.postJson(system.queryPort(),
                "/api/operations/processors/union-monitoring/dead-letters/retry", "", Map.of()).body();
        assertThat(retried.get("retried").asInt()).isEqualTo(1);

        JsonNode joined = awaitDashboard(upper, d -> d.get("currentMembers").asLong() == 2);
        assertThat(joined.at("/childUnionsByLevel/GRASSROOTS").asLong()).isEqualTo(1);
        assertThat(dashboard(late).get("currentMembers").asLong()).isEqualTo(2);
        assertThat(dashboard(tree.federation()).get("currentMembers").asLong()).isEqualTo(federationBefore + 2);
        YearMonth now = YearMonth.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        JsonNode series = Http.get(system.queryPort(), "/api/unions/" + upper + "/timeseries?from=2025-08&to=" + now).body();
        assertThat(series.get(0).get("joins").asLong()).as("joined in August 2025").isEqualTo(2);
        assertThat(series.get(series.size() - 1).get("members").asLong()).isEqualTo(2);

        JsonNode replay = Http.postJson(system.queryPort(), "/api/operations/processors/union-monitoring/replay-check",
                "", Map.of()).body();
        assertThat(replay.get("identical").asBoolean()).as(replay.toString()).isTrue();
    }

    /**
     * An event that fails once it has begun writing is not parked (a later retry could not tell which counters it
     * changed): the processor stops on it and retries it, and the documents already written skip it.
     */
    @Test
    void aFailureAfterWritingBeganIsRetriedByTheProcessorNotParked() {
        String union = Members.establish(system.commandPort(), "dlq writing", "DLQ-WR", "GRASSROOTS", "ENTERPRISE", tree.ward());
        register("Đỗ Văn Nam", union);
        awaitDashboard(union, d -> d.get("currentMembers").asLong() == 1);
        long parkedBefore = status().get("deadLetters").asLong();
        MongoTemplate readModels = system.querySide().getBean(MongoTemplate.class);
        String august = union + "|2025-08";
        // Damaged behind the projection's back: the next registration's $inc of August's joins fails, after the
        // dashboards were written.
        readModels.getCollection("mon_months").updateOne(new Document("_id", august),
                new Document("$set", new Document("joins", "damaged")));

        register("Đỗ Thị Yến", union);
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
               .until(DeadLetterEndToEndTest::status, s -> s.get("error").asBoolean());
        Document written = readModels.getCollection("mon_dashboards").find(new Document("_id", union)).first();
        assertThat(written.get("members", Document.class).get("ACTIVE", Number.class).longValue())
                .as("the dashboards were written before the failure").isEqualTo(2);
        assertThat(status().get("deadLetters").asLong()).isEqualTo(parkedBefore);

        readModels.getCollection("mon_months").updateOne(new Document("_id", august),
                new Document("$set", new Document("joins", 1)));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
               .until(DeadLetterEndToEndTest::status, s -> !s.get("error").asBoolean()
                       && s.path("position").asLong(-1) == s.get("headPosition").asLong());
        assertThat(dashboard(union).get("currentMembers").asLong()).as("counted once").isEqualTo(2);
        JsonNode series = Http.get(system.queryPort(), "/api/unions/" + union + "/timeseries?from=2025-08&to=2025-08").body();
        assertThat(series.get(0).get("joins").asLong()).isEqualTo(2);
        assertThat(status().get("deadLetters").asLong()).isEqualTo(parkedBefore);

        JsonNode replay = Http.postJson(system.queryPort(), "/api/operations/processors/union-monitoring/replay-check",
                "", Map.of()).body();
        assertThat(replay.get("identical").asBoolean()).as(replay.toString()).isTrue();
    }

    private static JsonNode status() {
        return Http.get(system.queryPort(), "/api/operations/processors/union-monitoring").body();
    }

    private static JsonNode dashboard(String union) {
        return Http.get(system.queryPort(), "/api/unions/" + union + "/dashboard").body();
    }

    private static JsonNode awaitDashboard(String union, Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                      .until(() -> Http.get(system.queryPort(), "/api/unions/" + union + "/dashboard"),
                              r -> r.status() == 200 && condition.test(r.body()))
                      .body();
    }

    private static String register(String name) {
        return register(name, tree.grassroots());
    }

    private static String register(String name, String union) {
        Http.Response created = Http.postJson(system.commandPort(), "/api/members",
                Members.validRegistration(name, union), Map.of());
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.body().get("id").asText();
    }

    private static String file(String member) {
        Http.Response filed = Http.postJson(system.commandPort(), "/api/complaints", """
                {"memberId": "%s", "category": "WAGES", "description": "Wages late", "employer": "Plant", "channel": "APP"}
                """.formatted(member), Map.of());
        assertThat(filed.status()).as(filed.body().toString()).isEqualTo(201);
        return filed.body().get("id").asText();
    }

    private static void ok(Http.Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
    }

    private static JsonNode awaitComplaint(String complaint, Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                      .until(() -> Http.get(system.queryPort(), "/api/complaints/" + complaint),
                              r -> r.status() == 200 && condition.test(r.body()))
                      .body();
    }
}
