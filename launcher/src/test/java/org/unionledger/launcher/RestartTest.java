package org.unionledger.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Stopping and starting again on the same data directory keeps events, read models and tracking tokens. */
class RestartTest {

    private static final String PROCESSOR = "member-directory";
    private static final String SUSPEND = "{\"reason\": \"dues\", \"effectiveOn\": \"2025-09-01\"}";

    @TempDir
    Path dataDir;

    @Test
    void eventsReadModelAndTokensSurviveARestartAndNothingIsReapplied() throws IOException {
        String first;
        long tokenBeforeStop;
        long eventsBeforeStop;
        Members.Tree tree;
        try (UnionLedger system = start()) {
            tree = Members.Tree.build(system.commandPort(), "restart");
            first = register(system, "Nguyễn Văn An", tree);
            awaitMember(system, first);
            Http.Response suspended = Http.postJson(system.commandPort(), "/api/members/" + first + "/suspend",
                    SUSPEND, Map.of("Idempotency-Key", "suspend-before-restart"));
            assertThat(suspended.status()).isEqualTo(200);
            assertThat(suspended.body().get("version").asLong()).isEqualTo(1);
            awaitMember(system, first);
            eventsBeforeStop = eventCount(system);
            assertThat(eventsBeforeStop).as("three unions, one registration, one suspension").isEqualTo(5);
            // The global index starts at 1 and has no gaps, so the token ends at the event count.
            tokenBeforeStop = awaitTokenAtLeast(system, eventsBeforeStop);
            assertThat(tokenBeforeStop).isEqualTo(eventsBeforeStop);
        }

        try (UnionLedger system = start()) {
            // A retry of a request answered before the restart gets the same answer and changes nothing.
            Http.Response retried = Http.postJson(system.commandPort(), "/api/members/" + first + "/suspend",
                    SUSPEND, Map.of("Idempotency-Key", "suspend-before-restart"));
            assertThat(retried.status()).isEqualTo(200);
            assertThat(retried.body().get("version").asLong()).isEqualTo(1);

            // Read model and token are there before anything new happens: no replay from the start.
            assertThat(Http.get(system.queryPort(), "/api/members/" + first).body().get("status").asText())
                    .isEqualTo("SUSPENDED");
            assertThat(storedTokenIndex(system)).isEqualTo(tokenBeforeStop);
            assertThat(eventCount(system)).isEqualTo(eventsBeforeStop);

            String second = register(system, "Trần Văn Bảo", tree);
            JsonNode secondMember = awaitMember(system, second);
            assertThat(secondMember.get("fullName").asText()).isEqualTo("Trần Văn Bảo");
            assertThat(awaitTokenAtLeast(system, tokenBeforeStop + 1)).isEqualTo(tokenBeforeStop + 1);
            assertThat(eventCount(system)).isEqualTo(eventsBeforeStop + 1);

            JsonNode firstMember = Http.get(system.queryPort(), "/api/members/" + first).body();
            assertThat(firstMember.get("fullName").asText()).isEqualTo("Nguyễn Văn An");
            assertThat(firstMember.get("version").asLong()).isEqualTo(1);
            assertThat(firstMember.get("status").asText()).isEqualTo("SUSPENDED");
            assertThat(directorySize(system)).isEqualTo(2);
        }
    }

    private UnionLedger start() {
        return UnionLedger.start("--unionledger.data-dir=" + dataDir,
                "--unionledger.command-port=0", "--unionledger.query-port=0");
    }

    private static String register(UnionLedger system, String name, Members.Tree tree) {
        Http.Response created = Http.postJson(system.commandPort(), "/api/members",
                Members.validRegistration(name, tree.grassroots()), Map.of());
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("id").asText();
    }

    private static JsonNode awaitMember(UnionLedger system, String memberId) {
        return await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                      .until(() -> Http.get(system.queryPort(), "/api/members/" + memberId), r -> r.status() == 200)
                      .body();
    }

    private static long awaitTokenAtLeast(UnionLedger system, long position) {
        return await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                      .until(() -> storedTokenIndex(system), index -> index >= position);
    }

    private static long eventCount(UnionLedger system) {
        Long count = system.commandSide().getBean(JdbcTemplate.class)
                           .queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
        return count == null ? 0 : count;
    }

    /** The global index stored in the member directory's tracking token, read straight from MongoDB. */
    private static long storedTokenIndex(UnionLedger system) throws IOException {
        try (MongoClient client = MongoClients.create(mongoUri(system))) {
            Document token = client.getDatabase(UnionLedger.DATABASE).getCollection("trackingtokens")
                                   .find(new Document("processorName", PROCESSOR).append("segment", 0)).first();
            if (token == null || token.get("token") == null) {
                return -1;
            }
            JsonNode json = new ObjectMapper().readTree(token.get("token", Binary.class).getData());
            return json.get("index").asLong();
        }
    }

    private static long directorySize(UnionLedger system) {
        try (MongoClient client = MongoClients.create(mongoUri(system))) {
            return client.getDatabase(UnionLedger.DATABASE).getCollection("member_directory").countDocuments();
        }
    }

    private static String mongoUri(UnionLedger system) {
        return system.querySide().getEnvironment().getRequiredProperty("spring.data.mongodb.uri");
    }
}
