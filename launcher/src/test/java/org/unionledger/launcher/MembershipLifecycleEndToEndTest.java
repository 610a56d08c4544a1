package org.unionledger.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The membership lifecycle and the API's conventions (statuses, If-Match, Idempotency-Key) over real HTTP. */
class MembershipLifecycleEndToEndTest {

    @TempDir
    static Path dataDir;
    static UnionLedger system;
    static Members.Tree tree;
    static String port;

    @BeforeAll
    static void start() {
        system = UnionLedger.start("--unionledger.data-dir=" + dataDir,
                "--unionledger.command-port=0", "--unionledger.query-port=0");
        tree = Members.Tree.build(system.commandPort(), "life");
        port = Members.establish(system.commandPort(), "Port union", "LIFE-PORT", "GRASSROOTS", "ENTERPRISE", tree.ward());
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void memberGoesThroughCardSuspensionAndTransferWithVersionsCountingUp() {
        String member = register("Nguyễn Văn An");

        assertThat(command(member, "card", "{\"issuedOn\": \"2025-08-05\"}").body().get("version").asLong()).isEqualTo(1);
        assertThat(command(member, "suspend", "{\"reason\": \"dues\", \"effectiveOn\": \"2025-09-01\"}")
                .body().get("version").asLong()).isEqualTo(2);
        assertThat(command(member, "reinstate", "{\"reason\": \"paid\", \"effectiveOn\": \"2025-10-01\"}")
                .body().get("version").asLong()).isEqualTo(3);
        command(member, "transfers", """
                {"toUnionId": "%s", "newWorkplace": "Hai Phong Port", "reason": "new job", "requestedOn": "2025-10-02"}
                """.formatted(port));
        JsonNode pending = awaitMember(member, m -> m.get("version").asLong() == 4);
        assertThat(pending.get("status").asText()).isEqualTo("TRANSFER_PENDING");
        assertThat(pending.get("pendingTransferTo").asText()).isEqualTo(port);

        Http.Response accepted = command(member, "transfers/accept",
                "{\"receivingUnionId\": \"%s\", \"acceptedOn\": \"2025-10-05\"}".formatted(port));
        assertThat(accepted.body().get("version").asLong()).isEqualTo(5);

        JsonNode moved = awaitMember(member, m -> m.get("version").asLong() == 5);
        assertThat(moved.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(moved.get("unionId").asText()).isEqualTo(port);
        assertThat(moved.at("/employment/workplace").asText()).isEqualTo("Hai Phong Port");
        assertThat(moved.get("cardNumber").asText()).matches("UL\\d{10}");
        assertThat(moved.has("pendingTransferTo")).isFalse();

        JsonNode history = Http.get(system.queryPort(), "/api/members/" + member + "/history").body();
        assertThat(history.get("total").asLong()).isEqualTo(6);
        assertThat(history.get("events").findValuesAsText("type")).containsExactly("MemberRegisteredEvent",
                "MembershipCardIssuedEvent", "MemberSuspendedEvent", "MemberReinstatedEvent", "TransferRequestedEvent",
                "TransferAcceptedEvent");
        assertThat(history.at("/events/5/summary").asText())
                .isEqualTo("transferred from " + tree.grassroots() + " to " + port + " by anonymous");
        assertThat(history.at("/events/5/sequence").asLong()).isEqualTo(5);
        assertThat(history.at("/events/5/revision").asText()).isEqualTo("1");
        assertThat(history.at("/events/5/causationId").asText()).isNotBlank();

        JsonNode suspensions = Http.get(system.queryPort(),
                "/api/members/" + member + "/history?type=MemberSuspendedEvent").body();
        assertThat(suspensions.get("total").asLong()).isEqualTo(1);
        JsonNode secondPage = Http.get(system.queryPort(), "/api/members/" + member + "/history?page=1&size=4").body();
        assertThat(secondPage.get("events").findValuesAsText("type"))
                .containsExactly("TransferRequestedEvent", "TransferAcceptedEvent");

        // As of the suspension's instant: rebuilt from the events, not from the read model.
        String suspendedAt = history.at("/events/2/timestamp").asText();
        long expectedVersion = lastSequenceAtOrBefore(history, suspendedAt);
        JsonNode asOf = Http.get(system.queryPort(), "/api/members/" + member + "?asOf=" + suspendedAt).body();
        assertThat(asOf.get("version").asLong()).isEqualTo(expectedVersion);
        assertThat(asOf.get("status").asText()).isEqualTo(expectedVersion == 2 ? "SUSPENDED" : "ACTIVE");
        assertThat(asOf.get("unionId").asText()).isEqualTo(tree.grassroots());
        String requestedAt = history.at("/events/4/timestamp").asText();
        if (lastSequenceAtOrBefore(history, requestedAt) == 4) {
            JsonNode pendingThen = Http.get(system.queryPort(), "/api/members/" + member + "?asOf=" + requestedAt).body();
            assertThat(pendingThen.get("status").asText()).isEqualTo("TRANSFER_PENDING");
            assertThat(pendingThen.get("pendingTransferTo").asText()).isEqualTo(port);
        }
        assertProblem(Http.get(system.queryPort(), "/api/members/" + member + "?asOf=2001-01-01T00:00:00Z"), 404,
                "MEMBER_NOT_FOUND");
        assertProblem(Http.get(system.queryPort(), "/api/members/" + member + "?asOf=last-week"), 400,
                "INVALID_PARAMETER");

        assertThat(Http.get(system.queryPort(), "/api/unions/" + member + "/history").status()).isEqualTo(404);
        assertProblem(Http.get(system.queryPort(), "/api/members/" + member + "/history?size=1000"), 400,
                "VALIDATION_FAILED");
        assertProblem(Http.get(system.queryPort(), "/api/members/" + member + "/history?from=yesterday"), 400,
                "INVALID_PARAMETER");
    }

    @Test
    void refusalsUseTheirStatusesAndStableCodes() {
        String member = register("Trần Văn Bảo");

        assertProblem(Http.postJson(system.commandPort(), "/api/members/no-such-member/suspend",
                "{\"reason\": \"x\", \"effectiveOn\": \"2025-09-01\"}", Map.of()), 404, "MEMBER_NOT_FOUND");
        assertProblem(Http.postJson(system.commandPort(), "/api/members",
                Members.validRegistration("X", "no-such-union"), Map.of()), 404, "UNION_NOT_FOUND");
        assertProblem(Http.postJson(system.commandPort(), "/api/unions/no-such-union/rename",
                "{\"name\": \"x\", \"effectiveOn\": \"2025-09-01\"}", Map.of()), 404, "UNION_NOT_FOUND");
        assertProblem(command(member, "reinstate", "{\"reason\": \"x\", \"effectiveOn\": \"2025-09-01\"}"),
                409, "MEMBER_NOT_SUSPENDED");
        assertProblem(Http.postJson(system.commandPort(), "/api/members/" + member + "/end",
                "{\"reason\": \"BORED\", \"endedOn\": \"2025-09-01\"}", Map.of()), 400, "MALFORMED_REQUEST");
        assertProblem(Http.postJson(system.commandPort(), "/api/unions/" + tree.grassroots() + "/dissolve",
                "{\"dissolvedOn\": \"2025-09-01\", \"reason\": \"closing\"}", Map.of()), 409, "UNION_HAS_MEMBERS");
        assertProblem(Http.postJson(system.commandPort(), "/api/members/" + member + "/transfers",
                "{\"toUnionId\": \"%s\", \"reason\": \"x\", \"requestedOn\": \"2025-09-01\"}".formatted(tree.ward()),
                Map.of()), 409, "UNION_NOT_GRASSROOTS");
    }

    @Test
    void staleIfMatchIsRefusedAndCurrentOneIsAccepted() {
        String member = register("Lê Thị Cúc");

        assertProblem(Http.postJson(system.commandPort(), "/api/members/" + member + "/suspend",
                "{\"reason\": \"dues\", \"effectiveOn\": \"2025-09-01\"}", Map.of("If-Match", "\"3\"")),
                409, "VERSION_CONFLICT");
        assertProblem(Http.postJson(system.commandPort(), "/api/members/" + member + "/suspend",
                "{\"reason\": \"dues\", \"effectiveOn\": \"2025-09-01\"}", Map.of("If-Match", "yesterday")),
                400, "INVALID_IF_MATCH");
        Http.Response accepted = Http.postJson(system.commandPort(), "/api/members/" + member + "/suspend",
                "{\"reason\": \"dues\", \"effectiveOn\": \"2025-09-01\"}", Map.of("If-Match", "\"0\""));
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.body().get("version").asLong()).isEqualTo(1);
    }

    @Test
    void retriedRequestWithTheSameIdempotencyKeyGetsTheFirstAnswerAndEmitsNothing() {
        String body = Members.validRegistration("Phạm Văn Dũng", tree.grassroots());
        Http.Response first = Http.postJson(system.commandPort(), "/api/members", body, Map.of("Idempotency-Key", "reg-dung"));
        Http.Response retry = Http.postJson(system.commandPort(), "/api/members", body, Map.of("Idempotency-Key", "reg-dung"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        String member = first.body().get("id").asText();

        Map<String, String> suspendKey = Map.of("Idempotency-Key", "suspend-dung");
        String suspend = "{\"reason\": \"dues\", \"effectiveOn\": \"2025-09-01\"}";
        Http.Response suspended = Http.postJson(system.commandPort(), "/api/members/" + member + "/suspend", suspend, suspendKey);
        Http.Response again = Http.postJson(system.commandPort(), "/api/members/" + member + "/suspend", suspend, suspendKey);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(suspended.body());
        assertThat(eventsOf(member)).isEqualTo(2);

        assertProblem(Http.postJson(system.commandPort(), "/api/members/" + member + "/suspend",
                "{\"reason\": \"other\", \"effectiveOn\": \"2025-09-01\"}", suspendKey), 422, "IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void retryAfterACrashBetweenStoringEventsAndRecordingTheAnswerFindsTheEventsInsteadOfRepeatingThem() {
        String member = register("Đỗ Văn Giang");
        Map<String, String> key = Map.of("Idempotency-Key", "reissue-giang");
        command(member, "card", "{\"issuedOn\": \"2025-08-05\"}");
        String reissue = "{\"reason\": \"lost\", \"issuedOn\": \"2025-09-05\"}";
        Http.Response first = Http.postJson(system.commandPort(), "/api/members/" + member + "/card/reissue", reissue, key);
        assertThat(first.body().get("version").asLong()).isEqualTo(2);

        // As if the process had died after the events were stored but before the answer was recorded.
        try (MongoClient client = MongoClients.create(
                system.commandSide().getEnvironment().getRequiredProperty("spring.data.mongodb.uri"))) {
            client.getDatabase(UnionLedger.DATABASE).getCollection("cmd_idempotency").updateOne(
                    Filters.eq("_id", "reissue-giang"),
                    Updates.combine(Updates.set("state", "PENDING"),
                            Updates.set("startedAt", Date.from(Instant.now().minus(Duration.ofMinutes(5))))));
        }

        Http.Response retry = Http.postJson(system.commandPort(), "/api/members/" + member + "/card/reissue", reissue, key);

        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(eventsOf(member)).as("registration, card, one reissue").isEqualTo(3);
    }

    @Test
    void ofSimultaneousRegistrationsWithOneNationalIdExactlyOneSucceeds() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 5; round++) {
                String nationalId = "079090" + (500_000 + round);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Http.Response>> attempts = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    String body = Members.registration("Hoàng Văn " + i, tree.grassroots(), nationalId);
                    attempts.add(pool.submit(() -> {
                        start.await();
                        return Http.postJson(system.commandPort(), "/api/members", body, Map.of());
                    }));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Http.Response> attempt : attempts) {
                    Http.Response response = attempt.get();
                    statuses.add(response.status());
                    if (response.status() == 409) {
                        assertThat(response.body().get("code").asText()).isEqualTo("NATIONAL_ID_TAKEN");
                    }
                }
                assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(201, 409, 409, 409);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void endedMembersNationalIdCanRegisterAgain() {
        String nationalId = "001090777001";
        String first = Http.postJson(system.commandPort(), "/api/members",
                Members.registration("Vũ Văn Em", tree.grassroots(), nationalId), Map.of()).body().get("id").asText();
        command(first, "end", "{\"reason\": \"LEFT\", \"endedOn\": \"2025-09-01\"}");

        Http.Response again = Http.postJson(system.commandPort(), "/api/members",
                Members.registration("Vũ Văn Em", tree.grassroots(), nationalId), Map.of());

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body().get("id").asText()).isNotEqualTo(first);
    }

    @Test
    void mergingAGrassrootsUnionCarriesItsMembersToTheSurvivor() {
        String absorbed = Members.establish(system.commandPort(), "Textile union", "LIFE-TEXTILE", "GRASSROOTS",
                "ENTERPRISE", tree.ward());
        String survivor = Members.establish(system.commandPort(), "Garment union", "LIFE-GARMENT", "GRASSROOTS",
                "ENTERPRISE", tree.ward());
        List<String> members = new ArrayList<>();
        for (String name : List.of("Ngô Thị Lan", "Ngô Văn Hải")) {
            Http.Response created = Http.postJson(system.commandPort(), "/api/members",
                    Members.validRegistration(name, absorbed), Map.of());
            members.add(created.body().get("id").asText());
        }

        Http.Response merged = Http.postJson(system.commandPort(), "/api/unions/" + absorbed + "/merge",
                "{\"survivorId\": \"%s\", \"effectiveOn\": \"2025-10-01\"}".formatted(survivor),
                Map.of("Idempotency-Key", "merge-textile"));
        assertThat(merged.status()).isEqualTo(200);

        for (String member : members) {
            JsonNode moved = awaitMember(member, m -> m.get("unionId").asText().equals(survivor));
            assertThat(moved.get("status").asText()).isEqualTo("ACTIVE");
            var events = system.commandSide().getBean(EventStore.class).readEvents(member).asStream().toList();
            var carriedOver = events.get(events.size() - 1);
            assertThat(carriedOver.getPayloadType().getSimpleName()).isEqualTo("MemberMovedOnMergerEvent");
            // Part of the merge request's chain, but not that request's own event.
            assertThat(carriedOver.getMetaData()).containsKey("correlationId").doesNotContainKey("idempotencyKey");
        }
        assertProblem(Http.postJson(system.commandPort(), "/api/members",
                Members.validRegistration("Late", absorbed), Map.of()), 409, "UNION_NOT_ACTIVE");
    }

    @Test
    void anIdOfAnotherKindIsUnknownNotAFault() {
        assertProblem(Http.postJson(system.commandPort(), "/api/members/" + tree.ward() + "/suspend",
                "{\"reason\": \"x\", \"effectiveOn\": \"2025-09-01\"}", Map.of()), 404, "MEMBER_NOT_FOUND");
    }

    @Test
    void querySideShowsAUnionWithItsChildren() {
        JsonNode ward = await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                               .until(() -> Http.get(system.queryPort(), "/api/unions/" + tree.ward()),
                                       r -> r.status() == 200
                                               && r.body().get("children").findValuesAsText("unionId").contains(port))
                               .body();
        assertThat(ward.get("level").asText()).isEqualTo("UPPER_LEVEL");
        assertThat(ward.get("parentId").asText()).isEqualTo(tree.federation());
        // Other tests in this class add unions under the same ward.
        assertThat(ward.get("children").findValuesAsText("unionId")).contains(tree.grassroots(), port);
        assertThat(ward.get("children").findValuesAsText("level")).containsOnly("GRASSROOTS");
        assertThat(Http.get(system.queryPort(), "/api/unions/nowhere").status()).isEqualTo(404);
    }

    /** Events sharing a millisecond all belong to that instant. */
    private static long lastSequenceAtOrBefore(JsonNode history, String instant) {
        long last = -1;
        for (JsonNode event : history.get("events")) {
            if (!Instant.parse(event.get("timestamp").asText()).isAfter(Instant.parse(instant))) {
                last = event.get("sequence").asLong();
            }
        }
        return last;
    }

    private static String register(String name) {
        Http.Response created = Http.postJson(system.commandPort(), "/api/members",
                Members.validRegistration(name, tree.grassroots()), Map.of());
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.body().get("id").asText();
    }

    private static Http.Response command(String member, String action, String body) {
        Http.Response response = Http.postJson(system.commandPort(), "/api/members/" + member + "/" + action, body, Map.of());
        return response;
    }

    private static JsonNode awaitMember(String member, Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                      .until(() -> Http.get(system.queryPort(), "/api/members/" + member),
                              r -> r.status() == 200 && condition.test(r.body()))
                      .body();
    }

    private static long eventsOf(String aggregateId) {
        return system.commandSide().getBean(EventStore.class).readEvents(aggregateId).asStream().count();
    }

    private static void assertProblem(Http.Response response, int status, String code) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("code").asText()).isEqualTo(code);
    }
}
