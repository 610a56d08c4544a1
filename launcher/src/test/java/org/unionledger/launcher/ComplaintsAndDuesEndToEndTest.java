package org.unionledger.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Complaints and dues over real HTTP on the embedded stores. */
class ComplaintsAndDuesEndToEndTest {

    @TempDir
    static Path dataDir;
    static UnionLedger system;
    static Members.Tree tree;

    @BeforeAll
    static void start() {
        system = UnionLedger.start("--unionledger.data-dir=" + dataDir,
                "--unionledger.command-port=0", "--unionledger.query-port=0");
        tree = Members.Tree.build(system.commandPort(), "cd");
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void complaintIsHandledReopenedResolvedAgainRatedAndItsTimelineTellsEveryStep() {
        String member = register("Nguyễn Thị Hoa");
        String complaint = fileComplaint(member);

        ok(post("/api/complaints/" + complaint + "/acknowledge", "", Map.of("X-Actor", "officer-lan")));
        ok(post("/api/complaints/" + complaint + "/assign", "{\"officer\": \"Officer Lan\"}", Map.of()));
        ok(post("/api/complaints/" + complaint + "/start", "", Map.of()));
        ok(post("/api/complaints/" + complaint + "/resolve",
                "{\"outcome\": \"UPHELD\", \"resolution\": \"Employer paid the wages\"}", Map.of()));
        ok(post("/api/complaints/" + complaint + "/reopen", "{\"reason\": \"only half was paid\"}", Map.of()));
        ok(post("/api/complaints/" + complaint + "/resolve",
                "{\"outcome\": \"UPHELD\", \"resolution\": \"Paid in full\"}", Map.of()));
        Http.Response rated = post("/api/complaints/" + complaint + "/rating", "{\"rating\": 5}", Map.of());
        ok(rated);
        assertThat(rated.body().get("version").asLong()).isEqualTo(7);

        JsonNode view = awaitComplaint(complaint, c -> c.get("version").asLong() == 7);
        assertThat(view.get("status").asText()).isEqualTo("RESOLVED");
        assertThat(view.get("unionId").asText()).isEqualTo(tree.grassroots());
        assertThat(view.get("resolution").asText()).isEqualTo("Paid in full");
        assertThat(view.get("rating").asInt()).isEqualTo(5);
        assertThat(view.get("assignedOfficer").asText()).isEqualTo("Officer Lan");
        assertThat(view.get("timeline").findValuesAsText("event")).containsExactly(
                "FILED", "ACKNOWLEDGED", "ASSIGNED", "WORK_STARTED", "RESOLVED", "REOPENED", "RESOLVED", "RATED");
        assertThat(view.at("/timeline/1/actor").asText()).isEqualTo("officer-lan");

        // As of the first resolution, rebuilt from the events (unless the reopening shares its millisecond).
        JsonNode history = Http.get(system.queryPort(), "/api/complaints/" + complaint + "/history").body();
        String firstResolution = history.at("/events/4/timestamp").asText();
        if (!history.at("/events/5/timestamp").asText().equals(firstResolution)) {
            JsonNode then = Http.get(system.queryPort(), "/api/complaints/" + complaint + "?asOf=" + firstResolution).body();
            assertThat(then.get("status").asText()).isEqualTo("RESOLVED");
            assertThat(then.get("resolution").asText()).isEqualTo("Employer paid the wages");
            assertThat(then.get("version").asLong()).isEqualTo(4);
        }
        assertThat(Http.get(system.queryPort(), "/api/complaints/" + complaint + "?asOf=2001-01-01T00:00:00Z").status())
                .isEqualTo(404);
    }

    @Test
    void officerEscalationMovesTheComplaintToTheParentUnion() {
        String complaint = fileComplaint(register("Trần Văn Khoa"));
        ok(post("/api/complaints/" + complaint + "/escalate", "{\"reason\": \"employer refuses to meet\"}", Map.of()));

        JsonNode view = awaitComplaint(complaint, c -> c.get("status").asText().equals("ESCALATED"));
        assertThat(view.get("unionId").asText()).isEqualTo(tree.ward());
    }

    @Test
    void complaintRefusalsHaveTheirStatuses() {
        String complaint = fileComplaint(register("Lý Văn Long"));
        assertProblem(post("/api/complaints/" + complaint + "/close", "", Map.of()), 409, "COMPLAINT_FILED");
        assertProblem(post("/api/complaints/nope/acknowledge", "", Map.of()), 404, "COMPLAINT_NOT_FOUND");
        assertProblem(post("/api/complaints", "{\"memberId\": \"x\", \"category\": \"NOISE\", \"description\": \"d\", "
                + "\"channel\": \"WEB\"}", Map.of()), 400, "MALFORMED_REQUEST");
        assertProblem(post("/api/complaints", "{\"memberId\": \"x\", \"category\": \"WAGES\", \"description\": \""
                + "x".repeat(4001) + "\", \"channel\": \"WEB\"}", Map.of()), 400, "VALIDATION_FAILED");
        assertProblem(post("/api/complaints", "{\"memberId\": \"nobody\", \"category\": \"WAGES\", \"description\": \"d\", "
                + "\"channel\": \"WEB\"}", Map.of()), 404, "MEMBER_NOT_FOUND");
        assertThat(Http.get(system.queryPort(), "/api/complaints/nope").status()).isEqualTo(404);
    }

    @Test
    void duesPaymentsAndExemptionsMakeUpTheMembersDuesStatus() {
        String member = register("Phan Văn Minh");   // joined 1 August 2025
        ok(post("/api/members/" + member + "/dues", payment("2025-08", 40_000, 8_000_000), Map.of()));
        ok(post("/api/members/" + member + "/dues/exemptions", "{\"month\": \"2025-09\", \"reason\": \"UNPAID_LEAVE\"}", Map.of()));

        Http.Response mismatch = post("/api/members/" + member + "/dues", payment("2025-10", 80_000, 8_000_000), Map.of());
        assertProblem(mismatch, 400, "DUES_AMOUNT_MISMATCH");
        assertThat(mismatch.body().get("detail").asText()).contains("40000");
        assertProblem(post("/api/members/" + member + "/dues", payment("2025-08", 40_000, 8_000_000), Map.of()),
                409, "DUES_ALREADY_PAID");
        assertProblem(post("/api/members/" + member + "/dues", payment("2025-07", 40_000, 8_000_000), Map.of()),
                409, "MONTH_BEFORE_JOINING");
        assertProblem(post("/api/members/" + member + "/dues", payment("2025-13", 40_000, 8_000_000), Map.of()),
                400, "MALFORMED_REQUEST");

        JsonNode status = await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                                 .until(() -> Http.get(system.queryPort(), "/api/members/" + member + "/dues"),
                                         r -> r.status() == 200 && r.body().get("exempt").size() == 1)
                                 .body();
        assertThat(status.get("paid").size()).as("months paid").isEqualTo(1);
        assertThat(status.get("paid").get(0).asText()).isEqualTo("2025-08");
        assertThat(status.get("exempt").get(0).asText()).isEqualTo("2025-09");
        assertThat(status.get("totalPaid").asLong()).isEqualTo(40_000);
        YearMonth now = YearMonth.parse(status.get("asOf").asText());
        // 2025-10 up to last month: the current month is not late yet.
        assertThat(status.get("arrears")).hasSize((int) (now.getYear() * 12L + now.getMonthValue() - (2025 * 12L + 9)) - 1);
        assertThat(status.get("arrears").get(status.get("arrears").size() - 1).asText()).isEqualTo(now.minusMonths(1).toString());
        assertThat(status.get("arrears").get(0).asText()).isEqualTo("2025-10");
    }

    private static String payment(String month, long amount, long salary) {
        return """
                {"month": "%s", "amount": %d, "salaryBasis": %d, "collectedBy": "%s", "method": "CASH", "paidOn": "2025-08-20"}
                """.formatted(month, amount, salary, tree.grassroots());
    }

    private static String register(String name) {
        Http.Response created = post("/api/members", Members.validRegistration(name, tree.grassroots()), Map.of());
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.body().get("id").asText();
    }

    private static String fileComplaint(String member) {
        Http.Response filed = post("/api/complaints", """
                {"memberId": "%s", "category": "WAGES", "description": "Wages two months late",
                 "employer": "Hanoi Steel Co.", "channel": "APP"}
                """.formatted(member), Map.of());
        assertThat(filed.status()).as(filed.body().toString()).isEqualTo(201);
        return filed.body().get("id").asText();
    }

    private static JsonNode awaitComplaint(String complaint, Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                      .until(() -> Http.get(system.queryPort(), "/api/complaints/" + complaint),
                              r -> r.status() == 200 && condition.test(r.body()))
                      .body();
    }

    private static Http.Response post(String path, String body, Map<String, String> headers) {
        return Http.postJson(system.commandPort(), path, body, headers);
    }

    private static void ok(Http.Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
    }

    private static void assertProblem(Http.Response response, int status, String code) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("code").asText()).isEqualTo(code);
    }
}
