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

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The monitoring figures against a brute-force recomputation: a random but valid history (registrations,
 * suspensions, transfers, endings, dues, exemptions, complaints through their lifecycle, union moves with back-dated
 * effective months, mergers of grassroots and upper-level unions) is driven through the real HTTP API; then every
 * dashboard and every month of every union's time series must equal what a plain fold over the raw exported events
 * gives. Then the projection is rebuilt from scratch through the operator endpoint and compared again, and once more
 * after four operators have asked for a rebuild at the same moment.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MonitoringBruteForceTest {

    private static final long SEED = Long.getLong("unionledger.bruteforce.seed", 20261128L);
    private static final int REGISTRATIONS = Integer.getInteger("unionledger.bruteforce.registrations", 150);
    private static final int STEPS = Integer.getInteger("unionledger.bruteforce.steps", 1_500);
    /** Refusals by request path, printed so that a generator producing too few events can be tuned. */
    static final Map<String, Integer> REFUSED = new TreeMap<>();
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final YearMonth SERIES_FROM = YearMonth.of(2024, 1);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;
    static UnionLedger system;
    static int port;
    static long eventsStored;

    @BeforeAll
    static void generateHistory() {
        system = UnionLedger.start("--unionledger.data-dir=" + dataDir,
                "--unionledger.command-port=0", "--unionledger.query-port=0");
        port = system.commandPort();
        new Generator(new Random(SEED)).run();
        System.out.println("Brute-force history, seed " + SEED + "; refused requests by kind: " + REFUSED);
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    @Order(1)
    void everyDashboardAndTimeSeriesFigureEqualsTheBruteForceRecomputation() {
        awaitCaughtUp();
        Expected expected = Expected.from(exportedEvents());
        System.out.println("Brute-force comparison over " + eventsStored + " events and " + expected.unions.size() + " unions");
        compareEverything(expected);
        assertThat(eventsStored).as("events in the history").isGreaterThan(REGISTRATIONS + STEPS / 2);
        assertThat(expected.unions).hasSizeGreaterThan(12);
        assertThat(expected.supersededMoves).as("moves dated before an earlier-recorded, later-dated one").isPositive();

        JsonNode replay = Http.postJson(system.queryPort(), "/api/operations/processors/union-monitoring/replay-check",
                "", Map.of()).body();
        assertThat(replay.get("identical").asBoolean()).as(replay.toString()).isTrue();
        assertThat(replay.get("collections").findValuesAsText("collection"))
                .containsExactly("mon_complaints", "mon_dashboards", "mon_members", "mon_meta", "mon_months", "mon_unions");
    }

    @Test
    @Order(2)
    void afterARebuildFromScratchTheFiguresAreTheSameAgain() {
        Http.Response reset = Http.postJson(system.queryPort(), "/api/operations/processors/union-monitoring/reset", "", Map.of());
        assertThat(reset.status()).as(reset.body().toString()).isEqualTo(202);
        awaitCaughtUp();
        JsonNode status = Http.get(system.queryPort(), "/api/operations/processors/union-monitoring").body();
        assertThat(status.get("replaying").asBoolean()).isFalse();
        assertThat(status.get("lagEvents").asLong()).isZero();
        compareEverything(Expected.from(exportedEvents()));
    }

    @Test
    @Order(3)
    void resetsSentAtOnceRunOneAfterAnotherAndTheFiguresComeOutTheSame() throws Exception {
        int operators = 4;
        ExecutorService pool = Executors.newFixedThreadPool(operators);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Http.Response>> answers = new ArrayList<>();
        for (int i = 0; i < operators; i++) {
            answers.add(pool.submit(() -> {
                go.await();
                return Http.postJson(system.queryPort(), "/api/operations/processors/union-monitoring/reset", "", Map.of());
            }));
        }
        go.countDown();
        try {
            for (Future<Http.Response> answer : answers) {
                Http.Response reset = answer.get(60, TimeUnit.SECONDS);
                assertThat(reset.status()).as(reset.body().toString()).isEqualTo(202);
            }
        } finally {
            pool.shutdownNow();
        }
        awaitCaughtUp();
        JsonNode status = Http.get(system.queryPort(), "/api/operations/processors/union-monitoring").body();
        assertThat(status.get("running").asBoolean()).isTrue();
        assertThat(status.get("error").asBoolean()).isFalse();
        compareEverything(Expected.from(exportedEvents()));
    }

    private static void compareEverything(Expected expected) {
        YearMonth now = YearMonth.now(ZONE);
        for (String union : expected.unions.keySet()) {
            JsonNode dashboard = Http.get(system.queryPort(), "/api/unions/" + union + "/dashboard").body();
            Map<String, Object> actual = comparable(dashboard);
            assertThat(actual).as("dashboard of %s", union).isEqualTo(expected.dashboard(union));

            JsonNode series = Http.get(system.queryPort(), "/api/unions/" + union + "/timeseries?from=" + SERIES_FROM
                    + "&to=" + now).body();
            List<Map<String, Long>> points = new ArrayList<>();
            series.forEach(point -> {
                Map<String, Long> figures = new TreeMap<>();
                point.fields().forEachRemaining(f -> {
                    if (!f.getKey().equals("month")) {
                        figures.put(f.getKey(), f.getValue().asLong());
                    }
                });
                points.add(figures);
            });
            assertThat(points).as("time series of %s", union).isEqualTo(expected.series(union, SERIES_FROM, now));
        }
    }

    /** The dashboard fields the brute force computes, as plain values. */
    private static Map<String, Object> comparable(JsonNode dashboard) {
        Map<String, Object> values = new TreeMap<>();
        for (String field : List.of("currentMembers", "foreignMembers", "resolutionsLast90Days")) {
            values.put(field, dashboard.get(field).asLong());
        }
        values.put("medianDaysToResolution", dashboard.hasNonNull("medianDaysToResolution")
                ? dashboard.get("medianDaysToResolution").asDouble() : null);
        for (String field : List.of("membersByStatus", "membersByGender", "membersByAgeBand", "complaintsOpen",
                "complaintsOverdue", "complaintsEscalated", "childUnionsByLevel")) {
            Map<String, Long> counts = new TreeMap<>();
            dashboard.get(field).fields().forEachRemaining(f -> counts.put(f.getKey(), f.getValue().asLong()));
            values.put(field, counts);
        }
        for (String month : List.of("thisMonth", "lastMonth")) {
            Map<String, Object> figures = new TreeMap<>();
            figures.put("duesCollectionRate", null); // absent from the JSON when null
            dashboard.get(month).fields().forEachRemaining(f -> figures.put(f.getKey(),
                    f.getValue().isNull() ? null : f.getValue().isTextual() ? f.getValue().asText()
                            : f.getKey().equals("duesCollectionRate") ? (Object) f.getValue().asDouble() : f.getValue().asLong()));
            values.put(month, figures);
        }
        return values;
    }

    private static void awaitCaughtUp() {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
               .until(() -> Http.get(system.queryPort(), "/api/operations/processors/union-monitoring").body(),
                       status -> !status.get("replaying").asBoolean()
                               && status.path("position").asLong(-1) >= status.get("headPosition").asLong());
    }

    private static List<JsonNode> exportedEvents() {
        Http.Text export = Http.getText(system.queryPort(), "/api/audit/export?format=jsonl");
        assertThat(export.status()).isEqualTo(200);
        List<JsonNode> events = new ArrayList<>();
        for (String line : export.body().split("\n")) {
            try {
                events.add(JSON.readTree(line));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        events.sort(Comparator.comparingLong(e -> e.get("position").asLong()));
        eventsStored = events.size();
        return events;
    }

    // ------------------------------------------------------------------------------------------ brute force

    /** A plain fold over the raw events: no shared code with the projection. */
    static final class Expected {
        record UnionState(String level, String status, String parent, List<String[]> parents) {
        }

        final Map<String, UnionState> unions = new LinkedHashMap<>();
        int supersededMoves;
        final Map<String, String> memberUnion = new HashMap<>();
        final Map<String, String> memberStatus = new HashMap<>();
        final Map<String, String> memberGender = new HashMap<>();
        final Map<String, Integer> memberBirthYear = new HashMap<>();
        final Map<String, Boolean> memberForeign = new HashMap<>();
        final Map<String, JsonNode> complaintFiled = new HashMap<>();
        final Map<String, boolean[]> complaintFlags = new HashMap<>(); // open, overdue, escalated
        final List<Object[]> resolutions = new ArrayList<>(); // complaintId, resolvedOn, days
        /** Flows at the union where they happened: union, month, field, amount. */
        final List<Object[]> flows = new ArrayList<>();
        /** Current members per union and recording month, after the last event of that month. */
        final Map<String, Map<YearMonth, Long>> stock = new HashMap<>();

        static Expected from(List<JsonNode> events) {
            Expected expected = new Expected();
            events.forEach(expected::apply);
            return expected;
        }

        private void apply(JsonNode event) {
            String type = event.get("payloadType").asText();
            type = type.substring(type.lastIndexOf('.') + 1);
            JsonNode p = event.get("payload");
            switch (type) {
                case "UnionEstablishedEvent" -> {
                    List<String[]> parents = new ArrayList<>();
                    String parent = text(p, "parentId");
                    if (parent != null) {
                        parents.add(new String[]{month(p, "establishedOn").toString(), parent});
                    }
                    unions.put(p.get("unionId").asText(), new UnionState(p.get("level").asText(), "ACTIVE", parent, parents));
                }
                case "UnionMovedEvent" -> {
                    UnionState union = unions.get(p.get("unionId").asText());
                    String parent = p.get("parentId").asText();
                    if (!parent.equals(union.parent())) {
                        // From the effective month on, the new parent; entries dated later, recorded before, lapse.
                        String effective = month(p, "effectiveOn").toString();
                        List<String[]> parents = new ArrayList<>(union.parents().stream()
                                .filter(entry -> entry[0].compareTo(effective) < 0).toList());
                        if (parents.size() < union.parents().size()) {
                            supersededMoves++;
                        }
                        parents.add(new String[]{effective, parent});
                        unions.put(p.get("unionId").asText(), new UnionState(union.level(), union.status(), parent, parents));
                    }
                }
                case "UnionMergedEvent" -> close(p.get("unionId").asText(), "MERGED");
                case "UnionDissolvedEvent" -> close(p.get("unionId").asText(), "DISSOLVED");
                case "MemberRegisteredEvent" -> {
                    String member = p.get("memberId").asText();
                    memberUnion.put(member, p.get("unionId").asText());
                    memberStatus.put(member, "ACTIVE");
                    memberGender.put(member, p.get("gender").asText());
                    memberBirthYear.put(member, LocalDate.parse(p.at("/personal/dateOfBirth").asText()).getYear());
                    memberForeign.put(member, !"VN".equals(text(p, "nationality")));
                    flow(p.get("unionId").asText(), month(p, "joinedOn"), "joins", 1);
                }
                case "MemberSuspendedEvent" -> memberStatus.put(p.get("memberId").asText(), "SUSPENDED");
                case "MemberReinstatedEvent", "TransferRejectedEvent", "TransferCancelledEvent" ->
                        memberStatus.put(p.get("memberId").asText(), "ACTIVE");
                case "TransferRequestedEvent" -> memberStatus.put(p.get("memberId").asText(), "TRANSFER_PENDING");
                case "MembershipEndedEvent" -> {
                    memberStatus.put(p.get("memberId").asText(), "ENDED");
                    flow(p.get("unionId").asText(), month(p, "endedOn"), "endings", 1);
                }
                case "TransferAcceptedEvent" -> {
                    memberUnion.put(p.get("memberId").asText(), p.get("toUnionId").asText());
                    memberStatus.put(p.get("memberId").asText(), "ACTIVE");
                    flow(p.get("fromUnionId").asText(), month(p, "acceptedOn"), "transfersOut", 1);
                    flow(p.get("toUnionId").asText(), month(p, "acceptedOn"), "transfersIn", 1);
                }
                case "MemberMovedOnMergerEvent" -> memberUnion.put(p.get("memberId").asText(), p.get("toUnionId").asText());
                case "MemberProfileUpdatedEvent" -> memberBirthYear.put(p.get("memberId").asText(),
                        LocalDate.parse(p.at("/personal/dateOfBirth").asText()).getYear());
                case "DuesPaidEvent" -> {
                    flow(p.get("unionId").asText(), YearMonth.parse(p.get("month").asText()), "duesCollected", p.get("amount").asLong());
                    flow(p.get("unionId").asText(), YearMonth.parse(p.get("month").asText()), "duesPayers", 1);
                }
                case "DuesMonthExemptedEvent" ->
                        flow(p.get("unionId").asText(), YearMonth.parse(p.get("month").asText()), "duesExempt", 1);
                case "ComplaintFiledEvent" -> {
                    complaintFiled.put(p.get("complaintId").asText(), p);
                    complaintFlags.put(p.get("complaintId").asText(), new boolean[]{true, false, false});
                    flow(p.get("unionId").asText(), YearMonth.from(instant(p, "filedAt").atZone(ZONE)), "complaintsFiled", 1);
                }
                case "ComplaintAcknowledgedEvent" -> flags(p)[1] = false;
                case "ComplaintMarkedComplexEvent" -> {
                    if (p.hasNonNull("resolveBy")) {
                        flags(p)[1] = false;
                    }
                }
                case "ComplaintFlaggedOverdueEvent" -> flags(p)[1] = true;
                case "ComplaintEscalatedEvent" -> {
                    flags(p)[2] = true;
                    flags(p)[1] = false;
                }
                case "ComplaintResolvedEvent" -> {
                    boolean[] flags = flags(p);
                    flags[0] = false;
                    flags[1] = false;
                    JsonNode filed = complaintFiled.get(p.get("complaintId").asText());
                    Instant resolvedAt = instant(p, "resolvedAt");
                    LocalDate resolvedOn = resolvedAt.atZone(ZONE).toLocalDate();
                    resolutions.add(new Object[]{p.get("complaintId").asText(), resolvedOn,
                            Duration.between(instant(filed, "filedAt"), resolvedAt).toDays()});
                    flow(filed.get("unionId").asText(), YearMonth.from(resolvedOn), "complaintsResolved", 1);
                }
                case "ComplaintReopenedEvent" -> {
                    boolean[] flags = flags(p);
                    flags[0] = true;
                    flags[1] = false;
                    flags[2] = false;
                }
                case "ComplaintWithdrawnEvent", "ComplaintClosedEvent" -> {
                    boolean[] flags = flags(p);
                    flags[0] = false;
                    flags[1] = false;
                }
                default -> {
                }
            }
            YearMonth recorded = YearMonth.from(Instant.parse(event.get("timestamp").asText()).atZone(ZONE));
            for (String union : unions.keySet()) {
                stock.computeIfAbsent(union, u -> new HashMap<>()).put(recorded, currentMembersBelow(union));
            }
        }

        private void close(String union, String status) {
            UnionState state = unions.get(union);
            if ("ACTIVE".equals(state.status())) {
                unions.put(union, new UnionState(state.level(), status, state.parent(), state.parents()));
            }
        }

        private boolean[] flags(JsonNode payload) {
            return complaintFlags.get(payload.get("complaintId").asText());
        }

        private void flow(String union, YearMonth month, String field, long amount) {
            flows.add(new Object[]{union, month, field, amount});
        }

        /** Whether {@code union} is {@code ancestor} or below it in the tree as recorded now. */
        private boolean within(String union, String ancestor) {
            for (String at = union; at != null; at = unions.get(at).parent()) {
                if (at.equals(ancestor)) {
                    return true;
                }
            }
            return false;
        }

        /** Whether {@code union} is {@code ancestor} or below it in the tree in force during {@code month}. */
        private boolean withinDuring(String union, String ancestor, YearMonth month) {
            int depth = 0;
            for (String at = union; at != null && depth++ < 16; at = parentDuring(at, month)) {
                if (at.equals(ancestor)) {
                    return true;
                }
            }
            return false;
        }

        private String parentDuring(String union, YearMonth month) {
            List<String[]> parents = unions.get(union).parents();
            if (parents.isEmpty()) {
                return null;
            }
            String chosen = parents.get(0)[1];
            for (String[] entry : parents) {
                if (YearMonth.parse(entry[0]).compareTo(month) <= 0) {
                    chosen = entry[1];
                }
            }
            return chosen;
        }

        private long currentMembersBelow(String union) {
            return memberStatus.entrySet().stream()
                               .filter(m -> !"ENDED".equals(m.getValue()) && within(memberUnion.get(m.getKey()), union))
                               .count();
        }

        Map<String, Object> dashboard(String union) {
            LocalDate today = LocalDate.now(ZONE);
            Map<String, Object> values = new TreeMap<>();
            Map<String, Long> byStatus = new TreeMap<>();
            Map<String, Long> byGender = new TreeMap<>();
            Map<String, Long> byAge = new TreeMap<>(Map.of("under30", 0L, "30to44", 0L, "45plus", 0L));
            long current = 0;
            long foreign = 0;
            for (String member : memberStatus.keySet()) {
                if (!within(memberUnion.get(member), union)) {
                    continue;
                }
                byStatus.merge(memberStatus.get(member), 1L, Long::sum);
                if (!"ENDED".equals(memberStatus.get(member))) {
                    current++;
                    byGender.merge(memberGender.get(member), 1L, Long::sum);
                    int age = today.getYear() - memberBirthYear.get(member);
                    byAge.merge(age < 30 ? "under30" : age < 45 ? "30to44" : "45plus", 1L, Long::sum);
                    foreign += memberForeign.get(member) ? 1 : 0;
                }
            }
            Map<String, Long> open = new TreeMap<>();
            Map<String, Long> overdue = new TreeMap<>();
            Map<String, Long> escalated = new TreeMap<>();
            complaintFlags.forEach((complaint, flags) -> {
                JsonNode filed = complaintFiled.get(complaint);
                if (flags[0] && within(filed.get("unionId").asText(), union)) {
                    String category = filed.get("category").asText();
                    open.merge(category, 1L, Long::sum);
                    if (flags[1]) {
                        overdue.merge(category, 1L, Long::sum);
                    }
                    if (flags[2]) {
                        escalated.merge(category, 1L, Long::sum);
                    }
                }
            });
            List<Long> days = new ArrayList<>();
            for (Object[] resolution : resolutions) {
                LocalDate on = (LocalDate) resolution[1];
                if (within(complaintFiled.get((String) resolution[0]).get("unionId").asText(), union)
                        && !on.isBefore(today.minusDays(89)) && !on.isAfter(today)) {
                    days.add((Long) resolution[2]);
                }
            }
            days.sort(null);
            Map<String, Long> children = new TreeMap<>();
            unions.forEach((other, state) -> {
                if (!other.equals(union) && "ACTIVE".equals(state.status()) && within(other, union)) {
                    children.merge(state.level(), 1L, Long::sum);
                }
            });
            values.put("currentMembers", current);
            values.put("foreignMembers", foreign);
            values.put("membersByStatus", byStatus);
            values.put("membersByGender", byGender);
            values.put("membersByAgeBand", byAge);
            values.put("complaintsOpen", open);
            values.put("complaintsOverdue", overdue);
            values.put("complaintsEscalated", escalated);
            values.put("resolutionsLast90Days", (long) days.size());
            values.put("medianDaysToResolution", days.isEmpty() ? null : days.size() % 2 == 1
                    ? (double) days.get(days.size() / 2)
                    : (days.get(days.size() / 2 - 1) + days.get(days.size() / 2)) / 2.0);
            values.put("childUnionsByLevel", children);
            YearMonth thisMonth = YearMonth.from(today);
            values.put("thisMonth", monthFigures(union, thisMonth, current));
            values.put("lastMonth", monthFigures(union, thisMonth.minusMonths(1), current));
            return values;
        }

        private Map<String, Object> monthFigures(String union, YearMonth month, long current) {
            Map<String, Long> flows = flowsOf(union, month);
            Map<String, Object> figures = new TreeMap<>();
            figures.put("month", month.toString());
            for (String field : List.of("joins", "endings", "transfersIn", "transfersOut", "duesPayers", "duesExempt",
                    "duesCollected")) {
                figures.put(field, flows.getOrDefault(field, 0L));
            }
            long liable = current - flows.getOrDefault("duesExempt", 0L);
            figures.put("duesCollectionRate", liable > 0 ? (double) flows.getOrDefault("duesPayers", 0L) / liable : null);
            return figures;
        }

        private Map<String, Long> flowsOf(String union, YearMonth month) {
            Map<String, Long> sums = new HashMap<>();
            for (Object[] flow : flows) {
                if (flow[1].equals(month) && withinDuring((String) flow[0], union, month)) {
                    sums.merge((String) flow[2], (Long) flow[3], Long::sum);
                }
            }
            return sums;
        }

        List<Map<String, Long>> series(String union, YearMonth from, YearMonth to) {
            List<Map<String, Long>> points = new ArrayList<>();
            Map<YearMonth, Long> stockOf = stock.getOrDefault(union, Map.of());
            long members = 0;
            for (YearMonth month = YearMonth.of(2000, 1); month.isBefore(from); month = month.plusMonths(1)) {
                members = stockOf.getOrDefault(month, members);
            }
            for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
                members = stockOf.getOrDefault(month, members);
                Map<String, Long> flows = flowsOf(union, month);
                Map<String, Long> point = new TreeMap<>();
                point.put("members", members);
                for (String field : List.of("joins", "endings", "transfersIn", "transfersOut", "complaintsFiled",
                        "complaintsResolved", "duesCollected", "duesPayers", "duesExempt")) {
                    point.put(field, flows.getOrDefault(field, 0L));
                }
                points.add(point);
            }
            return points;
        }

        private static String text(JsonNode node, String field) {
            return node.hasNonNull(field) ? node.get(field).asText() : null;
        }

        private static YearMonth month(JsonNode node, String field) {
            return YearMonth.from(LocalDate.parse(node.get(field).asText()));
        }

        private static Instant instant(JsonNode node, String field) {
            return Instant.parse(node.get(field).asText());
        }
    }

    // ------------------------------------------------------------------------------------------ generator

    /** Drives a random history through the HTTP API; refused commands are simply part of the history's noise. */
    static final class Generator {
        private final Random random;
        private final LocalDate today = LocalDate.now(ZONE);
        private final List<String> wards = new ArrayList<>();
        private final List<String> grassroots = new ArrayList<>();
        private final List<String> members = new ArrayList<>();
        private final Map<String, String> unionOf = new HashMap<>();
        private final Map<String, String> statusOf = new HashMap<>();
        private final Map<String, YearMonth> joinedOf = new HashMap<>();
        private final List<String> complaints = new ArrayList<>();
        private String federation;
        private int serial = 200_000;
        private int codes;

        Generator(Random random) {
            this.random = random;
        }

        void run() {
            federation = Members.Tree.build(port, "bf").federation();
            for (int w = 0; w < 3; w++) {
                String ward = establish("UPPER_LEVEL", "COMMUNE_WARD", federation);
                wards.add(ward);
                for (int g = 0; g < 3; g++) {
                    grassroots.add(establish("GRASSROOTS", "ENTERPRISE", ward));
                }
            }
            for (int i = 0; i < REGISTRATIONS; i++) {
                register();
            }
            for (int step = 0; step < STEPS; step++) {
                step(random.nextInt(1000));
            }
        }

        private void step(int roll) {
            if (roll < 120) {
                register();
            } else if (roll < 200) {
                memberCommand("ACTIVE", "suspend", "{\"reason\": \"dues\", \"effectiveOn\": \"%s\"}".formatted(today), "SUSPENDED");
            } else if (roll < 260) {
                memberCommand("SUSPENDED", "reinstate", "{\"reason\": \"paid\", \"effectiveOn\": \"%s\"}".formatted(today), "ACTIVE");
            } else if (roll < 340) {
                transfer();
            } else if (roll < 380) {
                String member = pick("ACTIVE");
                if (member != null) {
                    memberCommand(member, "end", "{\"reason\": \"LEFT\", \"endedOn\": \"%s\"}".formatted(randomDate(joinedOf.get(member))), "ENDED");
                }
            } else if (roll < 580) {
                pay();
            } else if (roll < 630) {
                String member = pick("ACTIVE");
                if (member != null) {
                    post("/api/members/" + member + "/dues/exemptions", "{\"month\": \"%s\", \"reason\": \"UNPAID_LEAVE\"}"
                            .formatted(randomMonth(joinedOf.get(member))));
                }
            } else if (roll < 650) {
                String member = pick("ACTIVE");
                if (member != null) {
                    post("/api/members/" + member + "/profile", """
                            {"fullName": "Renamed %d", "phone": "0912345678", "employment": {"occupation": "Fitter", "workplace": "Port"}}
                            """.formatted(random.nextInt(1000)));
                }
            } else if (roll < 770) {
                String member = pick("ACTIVE");
                if (member != null) {
                    Http.Response filed = post("/api/complaints", """
                            {"memberId": "%s", "category": "%s", "description": "d", "employer": "e", "channel": "APP"}
                            """.formatted(member, List.of("WAGES", "SOCIAL_INSURANCE", "WORKING_HOURS", "OCCUPATIONAL_SAFETY")
                            .get(random.nextInt(4))));
                    if (filed.status() == 201) {
                        complaints.add(filed.body().get("id").asText());
                    }
                }
            } else if (roll < 930) {
                complaintStep();
            } else if (roll < 960) {
                moveGrassroots();
            } else if (roll < 975) {
                mergeGrassroots();
            } else if (roll < 985) {
                grassroots.add(establish("GRASSROOTS", "ENTERPRISE", wards.get(random.nextInt(wards.size()))));
            } else if (roll < 990) {
                mergeWards();
            } else {
                String empty = establish("GRASSROOTS", "ENTERPRISE", wards.get(random.nextInt(wards.size())));
                post("/api/unions/" + empty + "/dissolve", "{\"dissolvedOn\": \"%s\", \"reason\": \"closed\"}".formatted(today));
            }
        }

        private void register() {
            String union = grassroots.get(random.nextInt(grassroots.size()));
            int[] years = {1975, 1985, 1990, 1998, 2003};
            int year = years[random.nextInt(years.length)];
            boolean female = random.nextBoolean();
            int centuryGender = (year >= 2000 ? 2 : 0) + (female ? 1 : 0);
            String nationalId = "001" + centuryGender + String.format("%02d", year % 100) + (serial++);
            YearMonth joined = randomMonth(YearMonth.of(2025, 7));
            Http.Response created = post("/api/members", """
                    {"fullName": "Member %d", "gender": "%s",
                     "personal": {"nationalId": "%s", "dateOfBirth": "%d-03-15", "phone": "0912345678"},
                     "employment": {"occupation": "Welder", "workplace": "Plant"},
                     "unionId": "%s", "joinedOn": "%s", "declaredEligible": true}
                    """.formatted(serial, female ? "FEMALE" : "MALE", nationalId, year, union, joined.atDay(1)));
            if (created.status() == 201) {
                String member = created.body().get("id").asText();
                members.add(member);
                unionOf.put(member, union);
                statusOf.put(member, "ACTIVE");
                joinedOf.put(member, joined);
            }
        }

        private void transfer() {
            String member = pick("ACTIVE");
            if (member == null) {
                return;
            }
            String to = grassroots.get(random.nextInt(grassroots.size()));
            Http.Response requested = post("/api/members/" + member + "/transfers",
                    "{\"toUnionId\": \"%s\", \"newWorkplace\": \"Elsewhere\", \"reason\": \"job\", \"requestedOn\": \"%s\"}"
                            .formatted(to, today));
            if (requested.status() != 200) {
                return;
            }
            int outcome = random.nextInt(10);
            if (outcome < 6) {
                if (post("/api/members/" + member + "/transfers/accept", "{\"receivingUnionId\": \"%s\", \"acceptedOn\": \"%s\"}"
                        .formatted(to, randomDate(joinedOf.get(member)))).status() == 200) {
                    unionOf.put(member, to);
                }
            } else if (outcome < 8) {
                post("/api/members/" + member + "/transfers/reject", "{\"receivingUnionId\": \"%s\", \"reason\": \"full\"}".formatted(to));
            } else {
                post("/api/members/" + member + "/transfers/cancel", "{\"reason\": \"stays\"}");
            }
        }

        private void pay() {
            String member = pick("ACTIVE");
            if (member == null) {
                return;
            }
            YearMonth month = randomMonth(joinedOf.get(member));
            LocalDate paidOn = month.equals(YearMonth.from(today)) ? today : month.atDay(20);
            post("/api/members/" + member + "/dues", """
                    {"month": "%s", "amount": 40000, "salaryBasis": 8000000, "collectedBy": "%s", "method": "CASH", "paidOn": "%s"}
                    """.formatted(month, unionOf.get(member), paidOn));
        }

        private void complaintStep() {
            if (complaints.isEmpty()) {
                return;
            }
            String complaint = complaints.get(random.nextInt(complaints.size()));
            String path = "/api/complaints/" + complaint + "/";
            switch (random.nextInt(7)) {
                case 0, 1 -> post(path + "acknowledge", "{}");
                case 2 -> post(path + "start", "{}");
                case 3 -> post(path + "resolve", "{\"outcome\": \"UPHELD\", \"resolution\": \"paid\"}");
                case 4 -> post(path + "escalate", "{\"reason\": \"stuck\"}");
                case 5 -> post(path + "reopen", "{\"reason\": \"not paid\"}");
                default -> post(path + "withdraw", "{\"reason\": \"settled\"}");
            }
        }

        private void moveGrassroots() {
            String union = grassroots.get(random.nextInt(grassroots.size()));
            String ward = wards.get(random.nextInt(wards.size()));
            post("/api/unions/" + union + "/move", "{\"parentId\": \"%s\", \"effectiveOn\": \"%s\"}"
                    .formatted(ward, randomMonth(YearMonth.of(2025, 7)).atDay(1)));
        }

        private void mergeGrassroots() {
            if (grassroots.size() < 4) {
                return;
            }
            String merged = grassroots.get(random.nextInt(grassroots.size()));
            String survivor = grassroots.get(random.nextInt(grassroots.size()));
            if (!merged.equals(survivor) && post("/api/unions/" + merged + "/merge", "{\"survivorId\": \"%s\", \"effectiveOn\": \"%s\"}"
                    .formatted(survivor, randomMonth(YearMonth.of(2025, 9)).atDay(1))).status() == 200) {
                grassroots.remove(merged);
                unionOf.replaceAll((member, union) -> union.equals(merged) ? survivor : union);
                awaitQuiet();
            }
        }

        private void mergeWards() {
            if (wards.size() < 3) {
                return;
            }
            String merged = wards.get(random.nextInt(wards.size()));
            String survivor = wards.get(random.nextInt(wards.size()));
            if (!merged.equals(survivor) && post("/api/unions/" + merged + "/merge", "{\"survivorId\": \"%s\", \"effectiveOn\": \"%s\"}"
                    .formatted(survivor, randomMonth(YearMonth.of(2025, 9)).atDay(1))).status() == 200) {
                wards.remove(merged);
                awaitQuiet();
            }
        }

        /** Lets the merger saga carry members and children over before more commands name them. */
        private void awaitQuiet() {
            try {
                Thread.sleep(1_500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private String establish(String level, String kind, String parent) {
            codes++;
            Http.Response created = post("/api/unions", """
                    {"name": "bf union %03d", "code": "BF-%03d", "level": "%s", "kind": "%s", "parentId": "%s", "establishedOn": "2025-01-01"}
                    """.formatted(codes, codes, level, kind, parent));
            assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
            return created.body().get("id").asText();
        }

        private String pick(String status) {
            List<String> candidates = members.stream().filter(m -> status.equals(statusOf.get(m))).toList();
            return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
        }

        private void memberCommand(String statusOrMember, String action, String body, String newStatus) {
            String member = statusOf.containsKey(statusOrMember) ? statusOrMember : pick(statusOrMember);
            if (member != null && post("/api/members/" + member + "/" + action, body).status() == 200) {
                statusOf.put(member, newStatus);
            }
        }

        private YearMonth randomMonth(YearMonth from) {
            YearMonth now = YearMonth.from(today);
            int span = (int) (from.until(now, java.time.temporal.ChronoUnit.MONTHS)) + 1;
            return from.plusMonths(span <= 1 ? 0 : random.nextInt(span));
        }

        private LocalDate randomDate(YearMonth from) {
            YearMonth month = randomMonth(from);
            return month.equals(YearMonth.from(today)) ? today : month.atDay(1 + random.nextInt(28));
        }

        private static Http.Response post(String path, String body) {
            Http.Response response = Http.postJson(port, path, body, Map.of());
            if (response.status() >= 300) {
                String kind = path.replaceAll("/[0-9a-f-]{36}", "/{id}") + " " + response.body().path("code").asText();
                REFUSED.merge(kind, 1, Integer::sum);
            }
            return response;
        }
    }
}
