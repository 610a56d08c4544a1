package org.unionledger.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionledger.shared.member.MemberRegisteredEvent;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The whole system on its real ports and embedded stores, driven over HTTP as a client would. */
class EmbeddedSystemEndToEndTest {

    @TempDir
    static Path dataDir;
    static UnionLedger system;
    static Members.Tree tree;

    @BeforeAll
    static void start() {
        system = UnionLedger.start("--unionledger.data-dir=" + dataDir,
                "--unionledger.command-port=0", "--unionledger.query-port=0");
        tree = Members.Tree.build(system.commandPort(), "e2e");
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void registersMemberOverHttpAndReadsItBackFromTheQuerySide() {
        Http.Response created = Http.postJson(system.commandPort(), "/api/members",
                Members.validRegistration("Nguyễn Văn An", tree.grassroots()), Map.of("X-Actor", "officer-7"));

        assertThat(created.status()).isEqualTo(201);
        String memberId = created.body().get("id").asText();
        assertThat(created.body().get("version").asLong()).isZero();

        JsonNode member = await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                                 .until(() -> Http.get(system.queryPort(), "/api/members/" + memberId),
                                         response -> response.status() == 200)
                                 .body();
        assertThat(member.get("memberId").asText()).isEqualTo(memberId);
        assertThat(member.get("fullName").asText()).isEqualTo("Nguyễn Văn An");
        assertThat(member.get("gender").asText()).isEqualTo("MALE");
        assertThat(member.at("/personal/nationalId").asText()).startsWith("001090").hasSize(12);
        assertThat(member.at("/personal/dateOfBirth").asText()).isEqualTo("1990-05-17");
        assertThat(member.at("/personal/phone").asText()).isEqualTo("0912345678");
        assertThat(member.at("/employment/workplace").asText()).isEqualTo("Hanoi Steel Co.");
        assertThat(member.get("unionId").asText()).isEqualTo(tree.grassroots());
        assertThat(member.get("joinedOn").asText()).isEqualTo("2025-08-01");
        assertThat(member.get("nationality").asText()).isEqualTo("VN");
        assertThat(member.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(member.get("version").asLong()).isZero();
    }

    @Test
    void storesTheActorAndCorrelationOnTheEvent() {
        Http.Response created = Http.postJson(system.commandPort(), "/api/members",
                Members.validRegistration("Lê Văn Cường", tree.grassroots()), Map.of("X-Actor", "officer-9", "Idempotency-Key", "k-42"));
        String memberId = created.body().get("id").asText();

        EventStore events = system.commandSide().getBean(EventStore.class);
        List<? extends DomainEventMessage<?>> stream = StreamSupport.stream(
                events.readEvents(memberId).asStream().spliterator(), false).toList();

        assertThat(stream).hasSize(1);
        DomainEventMessage<?> registered = stream.get(0);
        assertThat(registered.getPayload()).isInstanceOf(MemberRegisteredEvent.class);
        assertThat(registered.getMetaData()).containsEntry("actor", "officer-9")
                                            .containsEntry("idempotencyKey", "k-42")
                                            .containsKeys("correlationId", "causationId", "requestedAt");
    }

    @Test
    void refusesIncompleteRegistrationWithProblemNamingEachField() {
        Http.Response refused = Http.postJson(system.commandPort(), "/api/members",
                "{\"fullName\": \"\", \"gender\": \"MALE\", \"personal\": {\"phone\": \"x\"}}", Map.of());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        List<String> fields = refused.body().get("errors").findValuesAsText("field");
        assertThat(fields).contains("fullName", "personal.nationalId", "personal.dateOfBirth", "personal.phone",
                "employment", "unionId", "joinedOn", "declaredEligible");
    }

    @Test
    void refusesCitizenIdThatContradictsTheBirthDateAndStoresNothing() {
        String body = Members.validRegistration("Phạm Thị Dung", tree.grassroots()).replace("\"MALE\"", "\"FEMALE\"");

        Http.Response refused = Http.postJson(system.commandPort(), "/api/members", body, Map.of());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("code").asText()).isEqualTo("NATIONAL_ID_MISMATCH");
        assertThat(refused.body().at("/errors/0/field").asText()).isEqualTo("personal.nationalId");
    }

    @Test
    void refusesMalformedJsonAndWrongTypesAs400() {
        Http.Response garbage = Http.postJson(system.commandPort(), "/api/members", "{not json", Map.of());
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.body().get("code").asText()).isEqualTo("MALFORMED_REQUEST");

        Http.Response badDate = Http.postJson(system.commandPort(), "/api/members",
                Members.validRegistration("X", tree.grassroots()).replace("1990-05-17", "1990-13-45"), Map.of());
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.body().at("/errors/0/field").asText()).isEqualTo("personal.dateOfBirth");
    }

    @Test
    void answersUnknownMemberWith404Problem() {
        Http.Response missing = Http.get(system.queryPort(), "/api/members/no-such-member");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.body().get("code").asText()).isEqualTo("MEMBER_NOT_FOUND");
    }

    @Test
    void reportsBothSidesUpWithTheirStores() {
        for (int port : new int[]{system.commandPort(), system.queryPort()}) {
            JsonNode health = Http.get(port, "/actuator/health").body();
            assertThat(health.get("status").asText()).isEqualTo("UP");
            assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
            assertThat(health.at("/components/mongo/status").asText()).isEqualTo("UP");
        }
    }

    @Test
    void querySidePublishesEachProcessorsPositionAndLagForPrometheus() {
        Http.Text metrics = Http.getText(system.queryPort(), "/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).containsPattern("unionledger_processor_lag_events\\{processor=\"union-monitoring\"} \\d")
                                  .containsPattern("unionledger_processor_position\\{processor=\"member-directory\"} \\d");
    }
}
