package org.unionledger.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.unionledger.platform.audit.CheckpointStore;
import org.unionledger.platform.audit.EventChain;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The tamper-evident trail: events are chained as they are appended, an auditor can check any stream or the whole
 * store, and a change made straight in the event store (behind the application's back) is named exactly.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditTrailEndToEndTest {

    @TempDir
    static Path dataDir;
    static UnionLedger system;
    static Members.Tree tree;
    static String altered;
    static String gapped;
    static String relabelled;
    static String untouched;
    static String erased;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        system = UnionLedger.start("--unionledger.data-dir=" + dataDir,
                "--unionledger.command-port=0", "--unionledger.query-port=0",
                "--unionledger.audit.checkpoint-interval=PT0.2S");
        tree = Members.Tree.build(system.commandPort(), "audit");
        altered = memberWithFourEvents("Lê Thị Hoa");
        gapped = memberWithFourEvents("Phạm Văn Nam");
        relabelled = memberWithFourEvents("Võ Thị Lan");
        untouched = memberWithFourEvents("Đỗ Văn Minh");
        erased = memberWithFourEvents("Bùi Thị Thu");
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Order(1)
    void everyEventCarriesAHashChainedOntoItsPredecessorAndTheUntouchedStoreVerifies() {
        JsonNode history = Http.get(system.queryPort(), "/api/members/" + altered + "/history").body();
        assertThat(history.get("total").asLong()).isEqualTo(4);
        assertThat(history.get("events").findValuesAsText("hash")).hasSize(4).allMatch(h -> h.matches("[0-9a-f]{64}"))
                                                                   .doesNotHaveDuplicates();

        JsonNode one = Http.get(system.queryPort(), "/api/audit/verify?aggregateId=" + altered).body();
        assertThat(one.get("intact").asBoolean()).isTrue();
        assertThat(one.get("events").asLong()).isEqualTo(4);
        assertThat(one.has("firstBreak")).isFalse();

        JsonNode all = Http.get(system.queryPort(), "/api/audit/verify").body();
        assertThat(all.get("intact").asBoolean()).isTrue();
        assertThat(all.get("streams").asLong()).isEqualTo(5 + 3); // five members; federation, ward, grassroots
        assertThat(all.get("brokenStreams").asLong()).isZero();
    }

    @Test
    @Order(2)
    void storedViewShowsTheTypeRevisionAndJsonAsWritten() {
        JsonNode stored = Http.get(system.queryPort(), "/api/members/" + altered + "/history?view=stored").body();
        assertThat(stored.at("/events/0/type").asText()).isEqualTo("org.unionledger.shared.member.MemberRegisteredEvent");
        assertThat(stored.at("/events/0/payload/fullName").asText()).isEqualTo("Lê Thị Hoa");
        assertThat(stored.at("/events/0/payload/unionId").asText()).isEqualTo(tree.grassroots());
        JsonNode current = Http.get(system.queryPort(), "/api/members/" + altered + "/history").body();
        assertThat(current.at("/events/0/type").asText()).isEqualTo("MemberRegisteredEvent");
        assertThat(stored.at("/events/2/hash").asText()).isEqualTo(current.at("/events/2/hash").asText());

        Http.Response bad = Http.get(system.queryPort(), "/api/members/" + altered + "/history?view=raw");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("code").asText()).isEqualTo("INVALID_VIEW");
        assertThat(bad.body().at("/errors/0/field").asText()).isEqualTo("view");
        assertThat(Http.get(system.queryPort(), "/api/audit/verify?aggregateId=nobody").status()).isEqualTo(404);
    }

    @Test
    @Order(3)
    void theTreeAsOfAnInstantHangsEachUnionUnderTheParentItHadThen() throws InterruptedException {
        String newWard = Members.establish(system.commandPort(), "audit east ward", "AUDIT-EAST", "UPPER_LEVEL",
                "COMMUNE_WARD", tree.federation());
        String mover = Members.establish(system.commandPort(), "audit port", "AUDIT-PORT", "GRASSROOTS", "ENTERPRISE",
                tree.ward());
        String before = Http.get(system.queryPort(), "/api/unions/" + mover + "/history").body()
                            .at("/events/0/timestamp").asText();
        Thread.sleep(20); // the move must be recorded in a later millisecond than the instant asked about
        Http.Response moved = Http.postJson(system.commandPort(), "/api/unions/" + mover + "/move",
                "{\"parentId\": \"%s\", \"effectiveOn\": \"2025-07-01\"}".formatted(newWard), Map.of());
        assertThat(moved.status()).as(moved.body().toString()).isEqualTo(200);

        JsonNode then = Http.get(system.queryPort(), "/api/unions/" + tree.federation() + "/tree?asOf=" + before).body();
        assertThat(childNames(then)).containsExactly("audit east ward", "audit ward");
        assertThat(childNames(child(then, "audit ward"))).containsExactly("audit port", "audit steel");
        assertThat(childNames(child(then, "audit east ward"))).isEmpty();

        JsonNode now = Http.get(system.queryPort(), "/api/unions/" + tree.federation() + "/tree").body();
        assertThat(childNames(child(now, "audit ward"))).containsExactly("audit steel");
        assertThat(childNames(child(now, "audit east ward"))).containsExactly("audit port");
        assertThat(child(child(now, "audit east ward"), "audit port").get("parentId").asText()).isEqualTo(newWard);

        Http.Response tooEarly = Http.get(system.queryPort(), "/api/unions/" + tree.federation() + "/tree?asOf=2001-01-01T00:00:00Z");
        assertThat(tooEarly.status()).isEqualTo(404);
        assertThat(tooEarly.body().get("code").asText()).isEqualTo("UNION_NOT_FOUND");
        Http.Response malformed = Http.get(system.queryPort(), "/api/unions/" + tree.federation() + "/tree?asOf=yesterday");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().at("/errors/0/field").asText()).isEqualTo("asOf");
    }

    @Test
    @Order(4)
    void theExportStreamsEveryEventWithWhatItTakesToReverifyTheChainsOffline() throws Exception {
        long stored = Http.get(system.queryPort(), "/api/audit/verify").body().get("events").asLong();

        Http.Text jsonl = Http.getText(system.queryPort(), "/api/audit/export?format=jsonl");
        assertThat(jsonl.status()).isEqualTo(200);
        assertThat(jsonl.contentType()).startsWith("application/x-ndjson");
        assertThat(jsonl.transferEncoding()).isEqualTo("chunked");
        List<JsonNode> events = new ArrayList<>();
        for (String line : jsonl.body().split("\n")) {
            events.add(JSON.readTree(line));
        }
        assertThat(events).hasSize((int) stored);
        assertThat(events.stream().map(e -> e.get("position").asLong()).toList()).isSorted().doesNotHaveDuplicates();

        Map<String, String> previous = new HashMap<>();
        for (JsonNode event : events) {
            String aggregate = event.get("aggregateId").asText();
            Map<String, String> metadata = new HashMap<>();
            event.get("metadata").fields().forEachRemaining(f -> metadata.put(f.getKey(), f.getValue().asText()));
            EventChain.Link link = new EventChain.Link(event.get("aggregateType").asText(), aggregate,
                    event.get("sequence").asLong(), event.get("eventId").asText(),
                    Instant.parse(event.get("timestamp").asText()), event.get("payloadType").asText(),
                    event.get("payloadRevision").asText(), JSON.writeValueAsBytes(event.get("payload")), metadata);
            String recomputed = EventChain.hash(previous.getOrDefault(aggregate, EventChain.GENESIS), link);
            assertThat(recomputed).as("event %s of %s", event.get("sequence"), aggregate)
                                  .isEqualTo(event.get("hash").asText());
            previous.put(aggregate, recomputed);
        }

        Instant firstMover = Instant.parse(events.get(events.size() - 1).get("timestamp").asText());
        Http.Text csv = Http.getText(system.queryPort(), "/api/audit/export?format=csv&from=" + firstMover);
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] rows = csv.body().split("\n");
        assertThat(rows[0]).startsWith("position,eventId,aggregateType,aggregateId,sequence,timestamp");
        long inRange = events.stream().filter(e -> !Instant.parse(e.get("timestamp").asText()).isBefore(firstMover)).count();
        assertThat(rows).hasSize(1 + (int) inRange);

        Http.Response badFormat = Http.get(system.queryPort(), "/api/audit/export?format=xml");
        assertThat(badFormat.status()).isEqualTo(400);
        assertThat(badFormat.body().get("code").asText()).isEqualTo("INVALID_FORMAT");
        Http.Response badRange = Http.get(system.queryPort(),
                "/api/audit/export?from=2025-02-01T00:00:00Z&to=2025-01-01T00:00:00Z");
        assertThat(badRange.status()).isEqualTo(400);
        assertThat(badRange.body().at("/errors/0/field").asText()).isEqualTo("to");
    }

    @Test
    @Order(5)
    void theReplayCheckRebuildsAReadModelAsideAndNamesWhatDiffersFromTheLiveOne() {
        Http.Response clean = Http.postJson(system.queryPort(),
                "/api/operations/processors/member-directory/replay-check", "", Map.of());
        assertThat(clean.status()).as(clean.body().toString()).isEqualTo(200);
        assertThat(clean.body().get("identical").asBoolean()).isTrue();
        assertThat(clean.body().get("replayedEvents").asLong()).isEqualTo(5 * 4); // five members, four events each
        assertThat(clean.body().at("/collections/0/collection").asText()).isEqualTo("member_directory");
        assertThat(clean.body().at("/collections/0/liveDocuments").asLong()).isEqualTo(5);

        // Someone edits the live read model behind the projection's back.
        MongoTemplate live = system.querySide().getBean(MongoTemplate.class);
        live.getCollection("member_directory").updateOne(new Document("_id", untouched),
                new Document("$set", new Document("fullName", "Someone Else")));

        JsonNode report = Http.postJson(system.queryPort(),
                "/api/operations/processors/member-directory/replay-check", "", Map.of()).body();
        assertThat(report.get("identical").asBoolean()).isFalse();
        assertThat(report.at("/collections/0/differing").asLong()).isEqualTo(1);
        assertThat(report.at("/collections/0/examples/0/id").asText()).isEqualTo(untouched);
        assertThat(report.at("/collections/0/examples/0/fields").toString()).isEqualTo("[\"fullName\"]");
        assertThat(live.getDb().listCollectionNames().into(new ArrayList<>())).contains("member_directory");
        assertThat(system.querySide().getBean(com.mongodb.client.MongoClient.class).listDatabaseNames()
                         .into(new ArrayList<>())).noneMatch(name -> name.contains("_replay_"));

        Http.Response unknown = Http.postJson(system.queryPort(),
                "/api/operations/processors/no-such/replay-check", "", Map.of());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("code").asText()).isEqualTo("PROCESSOR_NOT_FOUND");
    }

    private static List<String> childNames(JsonNode union) {
        List<String> names = new ArrayList<>();
        union.get("children").forEach(child -> names.add(child.get("name").asText()));
        return names;
    }

    private static JsonNode child(JsonNode union, String name) {
        for (JsonNode child : union.get("children")) {
            if (child.get("name").asText().equals(name)) {
                return child;
            }
        }
        throw new AssertionError("no child named " + name + " in " + union);
    }

    @Test
    @Order(6)
    void anEventAlteredInTheStoreIsNamedByAggregateAndSequence() throws SQLException {
        try (Connection store = eventStore()) {
            byte[] payload = payload(store, altered, 2);
            String json = new String(payload, StandardCharsets.UTF_8);
            assertThat(json).contains("\"reason\":\"dues\"");
            update(store, "UPDATE DomainEventEntry SET payload = ? WHERE aggregateIdentifier = ? AND sequenceNumber = 2",
                    json.replace("\"reason\":\"dues\"", "\"reason\":\"misconduct\"").getBytes(StandardCharsets.UTF_8),
                    altered);
        }

        JsonNode report = Http.get(system.queryPort(), "/api/audit/verify?aggregateId=" + altered).body();
        assertThat(report.get("intact").asBoolean()).isFalse();
        assertThat(report.at("/firstBreak/aggregateId").asText()).isEqualTo(altered);
        assertThat(report.at("/firstBreak/sequence").asLong()).isEqualTo(2);
        assertThat(report.at("/firstBreak/kind").asText()).isEqualTo("ALTERED");
    }

    @Test
    @Order(7)
    void aChangedActorInTheMetadataIsCaughtToo() throws SQLException {
        try (Connection store = eventStore()) {
            String metadata = new String(metadata(store, relabelled, 1), StandardCharsets.UTF_8);
            assertThat(metadata).contains("\"actor\":\"officer-1\"");
            update(store, "UPDATE DomainEventEntry SET metaData = ? WHERE aggregateIdentifier = ? AND sequenceNumber = 1",
                    metadata.replace("officer-1", "officer-2").getBytes(StandardCharsets.UTF_8), relabelled);
        }

        JsonNode report = Http.get(system.queryPort(), "/api/audit/verify?aggregateId=" + relabelled).body();
        assertThat(report.at("/firstBreak/sequence").asLong()).isEqualTo(1);
        assertThat(report.at("/firstBreak/kind").asText()).isEqualTo("ALTERED");
    }

    @Test
    @Order(8)
    void aDeletedEventIsNamedAsTheGapItLeaves() throws SQLException {
        try (Connection store = eventStore();
             PreparedStatement delete = store.prepareStatement(
                     "DELETE FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = 1")) {
            delete.setString(1, gapped);
            assertThat(delete.executeUpdate()).isEqualTo(1);
        }

        long head = Http.get(system.queryPort(), "/api/audit/verify").body().get("headPosition").asLong();
        CheckpointStore checkpoints = system.querySide().getBean(CheckpointStore.class);
        await().atMost(Duration.ofSeconds(15)).until(() -> !checkpoints.all().isEmpty()
                && checkpoints.all().get(checkpoints.all().size() - 1).position() >= head);
        try (Connection store = eventStore();
             PreparedStatement delete = store.prepareStatement("DELETE FROM DomainEventEntry WHERE aggregateIdentifier = ?")) {
            delete.setString(1, erased);
            assertThat(delete.executeUpdate()).isEqualTo(4);
        }

        JsonNode report = Http.get(system.queryPort(), "/api/audit/verify?aggregateId=" + gapped).body();
        assertThat(report.get("intact").asBoolean()).isFalse();
        assertThat(report.at("/firstBreak/aggregateId").asText()).isEqualTo(gapped);
        assertThat(report.at("/firstBreak/sequence").asLong()).isEqualTo(1);
        assertThat(report.at("/firstBreak/kind").asText()).isEqualTo("GAP");
        assertThat(Http.get(system.queryPort(), "/api/audit/verify?aggregateId=" + untouched).body()
                       .get("intact").asBoolean()).isTrue();
    }

    @Test
    @Order(9)
    void theWholeStoreCheckListsEveryBrokenStreamEarliestFirstAndSoDoesTheCommandLine() {
        JsonNode all = Http.get(system.queryPort(), "/api/audit/verify").body();
        assertThat(all.get("intact").asBoolean()).isFalse();
        assertThat(all.get("brokenStreams").asLong()).isEqualTo(3);
        assertThat(all.get("streams").asLong()).isEqualTo(4 + 5); // one member erased; two unions added
        // The erased stream is invisible to the chains, but not to the checkpoint taken while it existed.
        JsonNode newest = all.get("checkpointBreaks").get(all.get("checkpointBreaks").size() - 1);
        assertThat(newest.get("recordedStreams").asLong() - newest.get("foundStreams").asLong()).isEqualTo(1);
        assertThat(newest.get("recordedEvents").asLong() - newest.get("foundEvents").asLong()).isEqualTo(4 + 1);
        assertThat(all.get("breaks").findValuesAsText("aggregateId")).containsExactly(altered, gapped, relabelled);
        assertThat(all.at("/firstBreak/aggregateId").asText()).isEqualTo(altered);

        system.close();
        system = null;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int status = VerifyCommand.run(new String[]{"--unionledger.data-dir=" + dataDir},
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(status).as(output).isEqualTo(VerifyCommand.BROKEN);
        assertThat(output).contains("BROKEN: 3 stream(s) and ")
                          .contains("CHECKPOINT position=")
                          .contains("ALTERED aggregate=" + altered + " sequence=2")
                          .contains("GAP aggregate=" + gapped + " sequence=1")
                          .contains("ALTERED aggregate=" + relabelled + " sequence=1");
        assertThat(VerifyCommand.run(new String[]{"--unionledger.data-dir=" + dataDir.resolve("nothing-here")},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
                .isEqualTo(VerifyCommand.UNREADABLE);
    }

    /** Registration, card, suspension and reinstatement: sequence numbers 0 to 3, the second by officer-1. */
    private static String memberWithFourEvents(String name) {
        Http.Response created = Http.postJson(system.commandPort(), "/api/members",
                Members.validRegistration(name, tree.grassroots()), Map.of("X-Actor", "officer-0"));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String member = created.body().get("id").asText();
        post(member, "card", "{\"issuedOn\": \"2025-08-05\"}", "officer-1");
        post(member, "suspend", "{\"reason\": \"dues\", \"effectiveOn\": \"2025-09-01\"}", "officer-2");
        post(member, "reinstate", "{\"reason\": \"paid\", \"effectiveOn\": \"2025-10-01\"}", "officer-2");
        return member;
    }

    private static void post(String member, String action, String body, String actor) {
        Http.Response response = Http.postJson(system.commandPort(), "/api/members/" + member + "/" + action, body,
                Map.of("X-Actor", actor));
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
    }

    /** A second connection to the running system's H2 database, as someone with direct database access. */
    private static Connection eventStore() throws SQLException {
        return DriverManager.getConnection(UnionLedger.eventsUrl(dataDir.toAbsolutePath().normalize()), "sa", "");
    }

    private static byte[] payload(Connection store, String aggregate, long sequence) throws SQLException {
        return column(store, "payload", aggregate, sequence);
    }

    private static byte[] metadata(Connection store, String aggregate, long sequence) throws SQLException {
        return column(store, "metaData", aggregate, sequence);
    }

    private static byte[] column(Connection store, String column, String aggregate, long sequence) throws SQLException {
        try (PreparedStatement select = store.prepareStatement("SELECT " + column
                + " FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = ?")) {
            select.setString(1, aggregate);
            select.setLong(2, sequence);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getBytes(1);
            }
        }
    }

    private static void update(Connection store, String sql, byte[] value, String aggregate) throws SQLException {
        try (PreparedStatement update = store.prepareStatement(sql)) {
            update.setBytes(1, value);
            update.setString(2, aggregate);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
