package org.unionledger.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The monitoring API over HTTP: the live dashboard stream, the lists and their parameter checks, and the processor
 * status of a node that holds no segment.
 */
class MonitoringEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_STREAMS = 2;

    @TempDir
    static Path dataDir;
    static UnionLedger system;
    static Members.Tree tree;

    @BeforeAll
    static void start() {
        system = UnionLedger.start("--unionledger.data-dir=" + dataDir,
                "--unionledger.command-port=0", "--unionledger.query-port=0",
                "--unionledger.monitoring.max-streams=" + MAX_STREAMS, "--unionledger.monitoring.heartbeat-interval=500ms");
        tree = Members.Tree.build(system.commandPort(), "mon");
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void theDashboardStreamPushesEachChangeOnceAsCommandsLand() throws Exception {
        String union = Members.establish(system.commandPort(), "mon live", "MON-LIVE", "GRASSROOTS", "ENTERPRISE", tree.ward());
        await().atMost(Duration.ofSeconds(15)).until(() -> Http.get(system.queryPort(), "/api/unions/" + union + "/dashboard").status() == 200);
        List<Long> pushed = new CopyOnWriteArrayList<>();
        List<Long> pushedPayers = new CopyOnWriteArrayList<>();
        List<Long> pushedIds = new CopyOnWriteArrayList<>();
        List<String> comments = new CopyOnWriteArrayList<>();
        HttpResponse<Stream<String>> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + system.queryPort() + "/api/unions/" + union + "/dashboard/stream")).GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        Thread reader = new Thread(() -> stream.body().forEach(line -> {
            if (line.startsWith(":")) {
                comments.add(line.strip());
            } else if (line.startsWith("data:")) {
                try {
                    JsonNode dashboard = JSON.readTree(line.substring(5));
                    pushed.add(dashboard.get("currentMembers").asLong());
                    pushedPayers.add(dashboard.at("/thisMonth/duesPayers").asLong());
                    pushedIds.add(dashboard.get("position").asLong());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }));
        reader.setDaemon(true);
        reader.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> pushed.size() == 1);
            assertThat(pushed).containsExactly(0L);

            register("Trương Văn Hải", union);
            await().atMost(Duration.ofSeconds(10)).until(() -> pushed.size() >= 2);
            register("Trương Thị Hoa", union);
            await().atMost(Duration.ofSeconds(10)).until(() -> pushed.contains(2L));
            Thread.sleep(300); // anything pushed twice would arrive by now
            assertThat(pushed).containsExactly(0L, 1L, 2L);

            // Dues change a month's figures, not the dashboard's counters: still a change, pushed once.
            String payer = register("Trương Văn Nam", union);
            await().atMost(Duration.ofSeconds(10)).until(() -> pushed.contains(3L));
            YearMonth month = YearMonth.now(ZoneId.of("Asia/Ho_Chi_Minh"));
            assertThat(Http.postJson(system.commandPort(), "/api/members/" + payer + "/dues", """
                    {"month": "%s", "amount": 40000, "salaryBasis": 8000000, "collectedBy": "%s", "method": "CASH", "paidOn": "%s"}
                    """.formatted(month, union, month.atDay(1)), Map.of()).status()).isBetween(200, 201);
            await().atMost(Duration.ofSeconds(10)).until(() -> pushedPayers.contains(1L));
            Thread.sleep(300);
            assertThat(pushed).containsExactly(0L, 1L, 2L, 3L, 3L);
            assertThat(pushedIds).doesNotHaveDuplicates();
            assertThat(pushedIds).isSorted();
            assertThat(comments).as("heartbeats on a quiet stream").contains(":heartbeat");
        } finally {
            stream.body().close();
        }
        assertThat(Http.get(system.queryPort(), "/api/unions/no-such/dashboard/stream").status()).isEqualTo(404);
    }

    @Test
    void streamsBeyondTheLimitAreRefusedUntilOneEnds() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + system.queryPort() + "/api/unions/" + tree.ward() + "/dashboard/stream")).GET().build();
        List<HttpResponse<Stream<String>>> open = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_STREAMS; i++) {
                open.add(openWhenAllowed(client, request)); // a stream another test just closed may hold a place briefly
            }
            Http.Response refused = Http.get(system.queryPort(), "/api/unions/" + tree.ward() + "/dashboard/stream");
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body().get("code").asText()).isEqualTo("TOO_MANY_STREAMS");

            open.remove(0).body().close();
            // The next heartbeat finds the departed client and frees its place.
            open.add(openWhenAllowed(client, request));
        } finally {
            open.forEach(response -> response.body().close());
        }
    }

    private static HttpResponse<Stream<String>> openWhenAllowed(HttpClient client, HttpRequest request) {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                      .until(() -> client.send(request, HttpResponse.BodyHandlers.ofLines()), response -> {
                          if (response.statusCode() != 200) {
                              response.body().close();
                              return false;
                          }
                          return true;
                      });
    }

    @Test
    void listsAreSortedFilteredPagedAndRefuseBadParameters() {
        String union = Members.establish(system.commandPort(), "mon lists", "MON-LISTS", "GRASSROOTS", "ENTERPRISE", tree.ward());
        register("Bùi Văn Bình", union);
        String an = register("Nguyễn An", union);
        register("Đặng Thị Ánh", union);
        Http.postJson(system.commandPort(), "/api/members/" + an + "/suspend",
                "{\"reason\": \"dues\", \"effectiveOn\": \"2025-09-01\"}", Map.of());
        JsonNode all = await().atMost(Duration.ofSeconds(15)).until(
                () -> Http.get(system.queryPort(), "/api/unions/" + union + "/members").body(),
                page -> page.get("total").asLong() == 3 && page.toString().contains("SUSPENDED"));
        assertThat(names(all)).containsExactly("Bùi Văn Bình", "Đặng Thị Ánh", "Nguyễn An");
        assertThat(names(Http.get(system.queryPort(), "/api/unions/" + union + "/members?namePrefix=dang").body()))
                .containsExactly("Đặng Thị Ánh");
        assertThat(names(Http.get(system.queryPort(), "/api/unions/" + union + "/members?status=SUSPENDED").body()))
                .containsExactly("Nguyễn An");
        JsonNode second = Http.get(system.queryPort(), "/api/unions/" + union + "/members?size=2&page=1").body();
        assertThat(second.get("total").asLong()).isEqualTo(3);
        assertThat(names(second)).containsExactly("Nguyễn An");

        JsonNode children = Http.get(system.queryPort(), "/api/unions/" + tree.ward() + "/children").body();
        List<String> childNames = new ArrayList<>();
        children.forEach(child -> childNames.add(child.get("name").asText()));
        assertThat(childNames).contains("mon lists");
        children.forEach(child -> {
            if (child.get("name").asText().equals("mon lists")) {
                assertThat(child.get("currentMembers").asLong()).isEqualTo(3);
            }
        });

        String filed = Http.postJson(system.commandPort(), "/api/complaints", """
                {"memberId": "%s", "category": "WAGES", "description": "late", "employer": "Plant", "channel": "APP"}
                """.formatted(an), Map.of()).body().get("id").asText();
        JsonNode queue = await().atMost(Duration.ofSeconds(15)).until(
                () -> Http.get(system.queryPort(), "/api/unions/" + union + "/complaints?category=WAGES&overdue=false").body(),
                page -> page.get("total").asLong() == 1);
        assertThat(queue.at("/items/0/complaintId").asText()).isEqualTo(filed);
        assertThat(queue.at("/items/0/status").asText()).isEqualTo("FILED");

        YearMonth now = YearMonth.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        JsonNode series = Http.get(system.queryPort(), "/api/unions/" + union + "/timeseries?from=" + now.minusMonths(2) + "&to=" + now).body();
        assertThat(series).hasSize(3);
        assertThat(series.get(2).get("members").asLong()).isEqualTo(3);
        assertThat(series.get(2).get("complaintsFiled").asLong()).isEqualTo(1);

        problem(Http.get(system.queryPort(), "/api/unions/" + union + "/members?size=1000"), "VALIDATION_FAILED");
        problem(Http.get(system.queryPort(), "/api/unions/" + union + "/members?status=SLEEPING"), "INVALID_PARAMETER");
        problem(Http.get(system.queryPort(), "/api/unions/" + union + "/timeseries?from=2025-13"), "INVALID_MONTH");
        problem(Http.get(system.queryPort(), "/api/unions/" + union + "/timeseries?from=2025-06&to=2025-01"), "INVALID_RANGE");
        problem(Http.get(system.queryPort(), "/api/unions/" + union + "/complaints?overdue=maybe"), "INVALID_PARAMETER");
        assertThat(Http.get(system.queryPort(), "/api/unions/no-such/dashboard").status()).isEqualTo(404);
    }

    @Test
    void aProcessorWhoseSegmentThisNodeDoesNotHoldShowsNoPosition() throws Exception {
        String path = "/api/operations/processors/union-directory";
        StreamingEventProcessor processor = system.querySide().getBean(EventProcessingConfiguration.class)
                .eventProcessor("union-directory", StreamingEventProcessor.class).orElseThrow();
        await().atMost(Duration.ofSeconds(15)).until(() -> Http.get(system.queryPort(), path).body().get("segments").asInt() == 1);
        processor.releaseSegment(0, 60, TimeUnit.SECONDS); // as when another node takes the segment over
        try {
            await().atMost(Duration.ofSeconds(15)).until(() -> Http.get(system.queryPort(), path).body().get("segments").asInt() == 0);
            JsonNode status = Http.get(system.queryPort(), path).body();
            assertThat(status.get("running").asBoolean()).isTrue();
            assertThat(status.get("headPosition").asLong()).isPositive();
            // Not -1, which would read as "before the first event": this node has nothing to report.
            assertThat(status.has("position")).as(status.toString()).isFalse();
            assertThat(status.has("lagEvents")).isFalse();
            assertThat(status.has("lagMillis")).isFalse();
        } finally {
            processor.claimSegment(0).get(15, TimeUnit.SECONDS);
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> Http.get(system.queryPort(), path).body().has("position"));
    }

    private static void problem(Http.Response response, String code) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("code").asText()).isEqualTo(code);
        assertThat(response.body().at("/errors/0/field").asText()).isNotBlank();
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.get("items").forEach(item -> names.add(item.get("fullName").asText()));
        return names;
    }

    private static String register(String name, String union) {
        Http.Response created = Http.postJson(system.commandPort(), "/api/members", Members.validRegistration(name, union), Map.of());
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.body().get("id").asText();
    }
}
