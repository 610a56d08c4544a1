package org.unionledger.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The integrator feed over the real query-side port: envelope, paging, filters, refusals and the catalogue. */
class FeedEndToEndTest {

    @TempDir
    static Path dataDir;
    static UnionLedger system;
    static Members.Tree tree;

    @BeforeAll
    static void start() {
        system = UnionLedger.start("--unionledger.data-dir=" + dataDir,
                "--unionledger.command-port=0", "--unionledger.query-port=0");
        tree = Members.Tree.build(system.commandPort(), "feed");
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void publishesARegistrationAsACloudEventWithoutPersonalData() {
        String memberId = register("Nguyễn Văn An");

        JsonNode event = awaitEvent("member.registered.v1", "members/" + memberId);

        assertThat(event.get("specversion").asText()).isEqualTo("1.0");
        assertThat(event.get("id").asText()).hasSize(36);
        assertThat(event.get("source").asText()).isEqualTo("urn:unionledger:query-side");
        assertThat(event.get("dataschema").asText()).isEqualTo("urn:unionledger:feed:schema:member.registered.v1");
        assertThat(event.get("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(Instant.parse(event.get("time").asText())).isBefore(Instant.now().plusSeconds(1));
        assertThat(Long.parseLong(event.get("feedposition").asText())).isGreaterThan(3);
        JsonNode data = event.get("data");
        assertThat(data.get("memberId").asText()).isEqualTo(memberId);
        assertThat(data.get("fullName").asText()).isEqualTo("Nguyễn Văn An");
        assertThat(data.get("gender").asText()).isEqualTo("MALE");
        assertThat(data.get("unionId").asText()).isEqualTo(tree.grassroots());
        assertThat(data.get("joinedOn").asText()).isEqualTo("2025-08-01");
        assertThat(data.get("occupation").asText()).isEqualTo("Welder");
        assertThat(data.get("workplace").asText()).isEqualTo("Hanoi Steel Co.");
        assertThat(data.toString()).doesNotContain("nationalId", "phone", "dateOfBirth", "001090", "1990-05-17");

        // The same event read again has the same id and position: receivers can drop duplicates by id.
        long position = Long.parseLong(event.get("feedposition").asText());
        JsonNode again = Http.get(system.queryPort(), "/api/feed?after=" + (position - 1) + "&limit=1").body();
        assertThat(again.at("/events/0/id").asText()).isEqualTo(event.get("id").asText());
        assertThat(again.get("next").asText()).isEqualTo(Long.toString(position));
    }

    @Test
    void startsAtTheBeginningWithTheUnionTreeInOrder() {
        JsonNode page = Http.get(system.queryPort(), "/api/feed?limit=3").body();

        assertThat(page.get("events")).hasSize(3);
        assertThat(page.at("/events/0/type").asText()).isEqualTo("union.established.v1");
        assertThat(page.at("/events/0/feedposition").asText()).isEqualTo("1");
        assertThat(page.at("/events/0/subject").asText()).isEqualTo("unions/" + tree.federation());
        assertThat(page.at("/events/0/data").has("parentId")).isFalse();
        assertThat(page.at("/events/1/subject").asText()).isEqualTo("unions/" + tree.ward());
        assertThat(page.at("/events/1/data/parentId").asText()).isEqualTo(tree.federation());
        assertThat(page.at("/events/2/subject").asText()).isEqualTo("unions/" + tree.grassroots());
        assertThat(page.get("next").asText()).isEqualTo("3");
        assertThat(Http.get(system.queryPort(), "/api/feed?after=&limit=3").body()).isEqualTo(page);
        assertThat(Http.get(system.queryPort(), "/api/feed?after=0&limit=3").body()).isEqualTo(page);
    }

    @Test
    void aPositionPastTheHeadGivesAnEmptyPageAndTheSamePosition() {
        Http.Response page = Http.get(system.queryPort(), "/api/feed?after=900000000000");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().get("events")).isEmpty();
        assertThat(page.body().get("next").asText()).isEqualTo("900000000000");
    }

    @Test
    void filtersByType() {
        register("Trần Văn Bảo");
        JsonNode page = Http.get(system.queryPort(), "/api/feed?types=member.registered.v1&limit=1000").body();

        assertThat(page.get("events")).isNotEmpty();
        page.get("events").forEach(event -> assertThat(event.get("type").asText()).isEqualTo("member.registered.v1"));
        JsonNode unions = Http.get(system.queryPort(), "/api/feed?types=union.established.v1,union.moved.v1&limit=1000").body();
        assertThat(unions.get("events")).hasSize(3);
    }

    @Test
    void refusesMalformedPositionsLimitsAndTypes() {
        assertProblem("/api/feed?after=abc", "INVALID_POSITION", "after");
        assertProblem("/api/feed?after=-1", "INVALID_POSITION", "after");
        assertProblem("/api/feed?after=99999999999999999999", "INVALID_POSITION", "after");
        assertProblem("/api/feed?limit=0", "INVALID_LIMIT", "limit");
        assertProblem("/api/feed?limit=1001", "INVALID_LIMIT", "limit");
        assertProblem("/api/feed?limit=ten", "INVALID_PARAMETER", "limit");
        assertProblem("/api/feed?types=member.registered.v9", "UNKNOWN_EVENT_TYPE", "types");
    }

    @Test
    void cataloguesEveryTypeWithTheSchemaCommittedUnderDocs() throws IOException {
        Http.Response catalogue = Http.get(system.queryPort(), "/api/feed/catalogue");

        assertThat(catalogue.status()).isEqualTo(200);
        JsonNode types = catalogue.body().get("types");
        assertThat(types).hasSize(21);
        ObjectMapper json = new ObjectMapper();
        Set<String> names = new HashSet<>();
        for (JsonNode type : types) {
            String name = type.get("type").asText();
            names.add(name);
            JsonNode committed = json.readTree(Files.readString(Path.of("..", "docs", "feed", "schemas", name + ".json")));
            assertThat(type.get("schema")).as(name).isEqualTo(committed);
            assertThat(type.get("dataschema").asText()).isEqualTo("urn:unionledger:feed:schema:" + name);
        }
        assertThat(names).contains("member.registered.v1", "member.transferred.v1", "complaint.escalated.v1", "union.moved.v1");
        assertThat(Http.get(system.queryPort(), "/api/feed/catalogue/union.moved.v1").body().get("$id").asText())
                .isEqualTo("urn:unionledger:feed:schema:union.moved.v1");
        Http.Response unknown = Http.get(system.queryPort(), "/api/feed/catalogue/union.moved.v9");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("code").asText()).isEqualTo("EVENT_TYPE_NOT_FOUND");
    }

    private static void assertProblem(String path, String code, String field) {
        Http.Response response = Http.get(system.queryPort(), path);
        assertThat(response.status()).as(path).isEqualTo(400);
        assertThat(response.contentType()).as(path).startsWith("application/problem+json");
        assertThat(response.body().get("code").asText()).as(path).isEqualTo(code);
        assertThat(response.body().at("/errors/0/field").asText()).as(path).isEqualTo(field);
    }

    static String register(String name) {
        Http.Response created = Http.postJson(system.commandPort(), "/api/members",
                Members.validRegistration(name, tree.grassroots()), Map.of());
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.body().get("id").asText();
    }

    private static JsonNode awaitEvent(String type, String subject) {
        return await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(() -> {
            JsonNode page = Http.get(system.queryPort(), "/api/feed?limit=1000&types=" + type).body();
            for (JsonNode event : page.get("events")) {
                if (event.get("subject").asText().equals(subject)) {
                    return event;
                }
            }
            return null;
        }, event -> event != null);
    }
}
