package org.unionledger.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The integrator feed over the real query-side port: envelope, paging, filters, refusals and the catalogue. */
class FeedEndToEndTest {

    private static final Duration GAP_TIMEOUT = Duration.ofSeconds(3);

    @TempDir
    static Path dataDir;
    static UnionLedger system;
    static Members.Tree tree;

    @BeforeAll
    static void start() {
        system = UnionLedger.start("--unionledger.data-dir=" + dataDir,
                "--unionledger.command-port=0", "--unionledger.query-port=0",
                "--unionledger.feed.gap-timeout=" + GAP_TIMEOUT.toMillis() + "ms",
                "--unionledger.feed.heartbeat-interval=300ms");
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

    @Test
    void pagesAcrossConcurrentWritersWithoutSkippingOrRepeatingAnEvent() throws Exception {
        long start = headPosition();
        int writers = 4;
        int perWriter = 500;
        Set<String> registered = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> writing = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            writing.add(pool.submit(() -> {
                for (int i = 0; i < perWriter; i++) {
                    registered.add(register("Writer " + writer + " member " + i));
                }
            }));
        }

        // Page while the writers append, with an odd page size so page ends fall everywhere.
        List<JsonNode> paged = new ArrayList<>();
        Set<String> registrationsSeen = new HashSet<>();
        long after = start;
        int pages = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!(writing.stream().allMatch(Future::isDone) && registrationsSeen.containsAll(registered))) {
            assertThat(System.nanoTime()).as("paging caught up in time").isLessThan(deadline);
            JsonNode page = Http.get(system.queryPort(), "/api/feed?limit=97&after=" + after).body();
            pages++;
            for (JsonNode event : page.get("events")) {
                paged.add(event);
                if (event.get("type").asText().equals("member.registered.v1")) {
                    registrationsSeen.add(event.get("subject").asText().substring("members/".length()));
                }
            }
            long next = Long.parseLong(page.get("next").asText());
            assertThat(next).isGreaterThanOrEqualTo(after);
            if (next == after) {
                Thread.sleep(5);
            }
            after = next;
        }
        for (Future<?> written : writing) {
            written.get();
        }
        pool.shutdown();

        List<JsonNode> settled = readToEnd(start);
        assertThat(registered).hasSize(writers * perWriter);
        assertThat(settled).hasSize(writers * perWriter);
        assertThat(ids(paged)).as("read while writing = read afterwards, in the same order").isEqualTo(ids(settled));
        assertThat(new HashSet<>(ids(paged))).hasSize(paged.size());
        long previous = start;
        for (JsonNode event : paged) {
            long position = Long.parseLong(event.get("feedposition").asText());
            assertThat(position).isGreaterThan(previous);
            previous = position;
        }
        assertThat(registrationsSeen).isEqualTo(registered);
        assertThat(pages).isGreaterThan(writers * perWriter / 97);
    }

    @Test
    void holdsEventsBackBehindAnAppendStillInFlightAndStepsOverOneThatNeverCommits() throws Exception {
        long head = headPosition();
        DataSource events = system.commandSide().getBean(DataSource.class);

        // An append that takes the next global index and has not committed yet...
        String held = "gap-" + UUID.randomUUID();
        try (Connection inFlight = events.getConnection()) {
            inFlight.setAutoCommit(false);
            copyFirstEventAs(inFlight, held);
            // ...while a later one commits.
            String later = register("Phạm Thị Cúc");
            awaitHeadAtLeast(head + 2);
            JsonNode blocked = Http.get(system.queryPort(), "/api/feed?after=" + head).body();
            assertThat(blocked.get("events")).as("nothing is handed out past the hole").isEmpty();
            assertThat(blocked.get("next").asText()).isEqualTo(Long.toString(head));

            inFlight.commit();
            JsonNode page = Http.get(system.queryPort(), "/api/feed?after=" + head).body();
            assertThat(page.get("events")).hasSize(2);
            assertThat(page.at("/events/0/subject").asText()).isEqualTo("unions/" + held);
            assertThat(page.at("/events/0/feedposition").asText()).isEqualTo(Long.toString(head + 1));
            assertThat(page.at("/events/1/subject").asText()).isEqualTo("members/" + later);
            assertThat(page.get("next").asText()).isEqualTo(Long.toString(head + 2));
        }

        // An append that rolls back leaves a hole for good: after the gap timeout the feed steps over it.
        try (Connection rolledBack = events.getConnection()) {
            rolledBack.setAutoCommit(false);
            copyFirstEventAs(rolledBack, "gap-" + UUID.randomUUID());
            String after = register("Đỗ Văn Dũng");
            rolledBack.rollback();
            long started = System.nanoTime();
            JsonNode page = await().atMost(GAP_TIMEOUT.plusSeconds(10)).pollInterval(Duration.ofMillis(100))
                                   .until(() -> Http.get(system.queryPort(), "/api/feed?after=" + (head + 2)).body(),
                                           body -> !body.get("events").isEmpty());
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(GAP_TIMEOUT.minusSeconds(2));
            assertThat(page.get("events")).hasSize(1);
            assertThat(page.at("/events/0/subject").asText()).isEqualTo("members/" + after);
            assertThat(page.at("/events/0/feedposition").asText()).isEqualTo(Long.toString(head + 4));
        }
    }

    @Test
    void streamsLiveAndResumesAfterTheLastEventIdWithHeartbeatsWhenIdle() throws Exception {
        long start = headPosition();
        String first = register("Stream member 1");
        String second = register("Stream member 2");
        String secondEventId;
        try (Sse stream = Sse.open(system.queryPort(), "/api/feed/stream?types=member.registered.v1&after=" + start, Map.of())) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");
            assertThat(subjectOf(stream.next(Duration.ofSeconds(10)))).isEqualTo("members/" + first);
            Sse.Event event = stream.next(Duration.ofSeconds(10));
            assertThat(subjectOf(event)).isEqualTo("members/" + second);
            assertThat(event.id()).isEqualTo(new ObjectMapper().readTree(event.data()).get("feedposition").asText());
            secondEventId = event.id();

            // Live: an event appended while the stream is open arrives on it.
            String third = register("Stream member 3");
            assertThat(subjectOf(stream.next(Duration.ofSeconds(10)))).isEqualTo("members/" + third);
            stream.awaitComment("heartbeat", Duration.ofSeconds(5));
        }

        // Reconnecting as a browser does: the original URL plus Last-Event-ID, which wins over "after".
        String fourth = register("Stream member 4");
        try (Sse resumed = Sse.open(system.queryPort(), "/api/feed/stream?types=member.registered.v1&after=" + start,
                Map.of("Last-Event-ID", secondEventId))) {
            assertThat(resumed.status()).isEqualTo(200);
            assertThat(subjectOf(resumed.next(Duration.ofSeconds(10)))).isNotEqualTo("members/" + second)
                                                                      .isNotEqualTo("members/" + first);
            assertThat(subjectOf(resumed.next(Duration.ofSeconds(10)))).isEqualTo("members/" + fourth);
        }
    }

    @Test
    void refusesAStreamFromAMalformedLastEventId() throws Exception {
        try (Sse stream = Sse.open(system.queryPort(), "/api/feed/stream", Map.of("Last-Event-ID", "yesterday"))) {
            assertThat(stream.status()).isEqualTo(400);
            assertThat(stream.contentType()).startsWith("application/problem+json");
            JsonNode problem = new ObjectMapper().readTree(stream.rest());
            assertThat(problem.get("code").asText()).isEqualTo("INVALID_POSITION");
            assertThat(problem.at("/errors/0/field").asText()).isEqualTo("Last-Event-ID");
        }
    }

    @Test
    void aStreamConsumerThatReadsLateStillGetsEveryEventInOrder() throws Exception {
        long start = headPosition();
        List<String> registered = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            registered.add("members/" + register("Slow reader member " + i));
        }
        awaitHeadAtLeast(start + registered.size());
        try (Sse stream = Sse.open(system.queryPort(), "/api/feed/stream?after=" + start, Map.of())) {
            // The client reads nothing for a while; the server's writes wait for it (one page at a time) meanwhile.
            Thread.sleep(1500);
            List<String> received = new ArrayList<>();
            for (int i = 0; i < registered.size(); i++) {
                received.add(subjectOf(stream.next(Duration.ofSeconds(10))));
            }
            assertThat(received).isEqualTo(registered);
        }
    }

    private static String subjectOf(Sse.Event event) throws IOException {
        return new ObjectMapper().readTree(event.data()).get("subject").asText();
    }

    /** Appends a copy of the first stored event under a new aggregate, in the caller's transaction. */
    private static void copyFirstEventAs(Connection connection, String aggregateId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO DomainEventEntry (eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp,
                                              payloadType, payloadRevision, payload, metaData)
                SELECT ?, ?, 0, type, timeStamp, payloadType, payloadRevision, payload, metaData
                FROM DomainEventEntry WHERE globalIndex = 1""")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, aggregateId);
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
    }

    private static void awaitHeadAtLeast(long position) {
        JdbcTemplate jdbc = new JdbcTemplate(system.commandSide().getBean(DataSource.class));
        await().atMost(Duration.ofSeconds(5)).until(
                () -> jdbc.queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry", Long.class),
                max -> max != null && max >= position);
    }

    /** Every event after a position, in pages of 1000, until the page comes back empty. */
    private static List<JsonNode> readToEnd(long after) {
        List<JsonNode> events = new ArrayList<>();
        while (true) {
            JsonNode page = Http.get(system.queryPort(), "/api/feed?limit=1000&after=" + after).body();
            page.get("events").forEach(events::add);
            long next = Long.parseLong(page.get("next").asText());
            if (next == after) {
                return events;
            }
            after = next;
        }
    }

    /** The position a reader reaches at the end of the feed. */
    private static long headPosition() {
        long after = 0;
        while (true) {
            long next = Long.parseLong(Http.get(system.queryPort(), "/api/feed?limit=1000&after=" + after).body().get("next").asText());
            if (next == after) {
                return after;
            }
            after = next;
        }
    }

    private static List<String> ids(List<JsonNode> events) {
        return events.stream().map(event -> event.get("id").asText()).toList();
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
