package org.unionledger.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionledger.shared.union.UnionMovedEvent;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * "On 30 June 2025 forty district-level unions stop operating; their grassroots unions move under new commune/ward
 * unions", as commands over HTTP. Half the districts are emptied by moving their grassroots unions and then
 * dissolved; the other half are merged into their ward union, and the merger saga carries their grassroots unions
 * (with every member) over.
 */
class RestructuringScenarioTest {

    private static final int DISTRICTS = 40;
    private static final String JUNE_30 = "2025-06-30";

    @TempDir
    static Path dataDir;
    static UnionLedger system;
    static String federation;
    static final List<String> districts = new ArrayList<>();
    static final List<String> wards = new ArrayList<>();
    static final List<List<String>> grassrootsByDistrict = new ArrayList<>();
    static final List<String> members = new ArrayList<>();

    @BeforeAll
    static void restructure() {
        system = UnionLedger.start("--unionledger.data-dir=" + dataDir,
                "--unionledger.command-port=0", "--unionledger.query-port=0");
        int port = system.commandPort();
        federation = Members.establish(port, "Hanoi Federation of Labour", "HANOI", "FEDERATION", "FEDERATION", null);
        for (int d = 0; d < DISTRICTS; d++) {
            String district = Members.establish(port, "District " + d, "D" + d, "UPPER_LEVEL", "DISTRICT", federation);
            districts.add(district);
            List<String> grassroots = new ArrayList<>();
            for (int g = 0; g < 2; g++) {
                String union = Members.establish(port, "Enterprise " + d + "-" + g, "E" + d + "-" + g, "GRASSROOTS",
                        "ENTERPRISE", district);
                grassroots.add(union);
                Http.Response member = Http.postJson(port, "/api/members",
                        Members.registration("Member " + d + "-" + g, union, "001090%06d".formatted(d * 10 + g)), Map.of());
                assertThat(member.status()).as(member.body().toString()).isEqualTo(201);
                members.add(member.body().get("id").asText());
            }
            grassrootsByDistrict.add(grassroots);
        }

        // 30 June 2025: a commune/ward union for each district's area.
        for (int d = 0; d < DISTRICTS; d++) {
            wards.add(Members.establish(port, "Ward " + d, "W" + d, "UPPER_LEVEL", "COMMUNE_WARD", federation));
        }
        for (int d = 0; d < DISTRICTS; d++) {
            String district = districts.get(d);
            String ward = wards.get(d);
            if (d % 2 == 0) {
                for (String union : grassrootsByDistrict.get(d)) {
                    ok(Http.postJson(port, "/api/unions/" + union + "/move",
                            "{\"parentId\": \"%s\", \"effectiveOn\": \"%s\"}".formatted(ward, JUNE_30), Map.of()));
                }
                ok(Http.postJson(port, "/api/unions/" + district + "/dissolve",
                        "{\"dissolvedOn\": \"%s\", \"reason\": \"district level abolished\"}".formatted(JUNE_30), Map.of()));
            } else {
                ok(Http.postJson(port, "/api/unions/" + district + "/merge",
                        "{\"survivorId\": \"%s\", \"effectiveOn\": \"%s\"}".formatted(ward, JUNE_30), Map.of()));
            }
        }
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void everyWardUnionNowHoldsItsDistrictsGrassrootsUnions() {
        for (int d = 0; d < DISTRICTS; d++) {
            String ward = wards.get(d);
            List<String> expected = grassrootsByDistrict.get(d);
            JsonNode view = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                                   .until(() -> Http.get(system.queryPort(), "/api/unions/" + ward),
                                           r -> r.status() == 200 && r.body().get("children").size() == 2)
                                   .body();
            assertThat(view.get("children").findValuesAsText("unionId")).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void everyDistrictStoppedOperatingAndHasNoChildrenLeft() {
        for (int d = 0; d < DISTRICTS; d++) {
            String district = districts.get(d);
            String expectedStatus = d % 2 == 0 ? "DISSOLVED" : "MERGED";
            JsonNode view = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                                   .until(() -> Http.get(system.queryPort(), "/api/unions/" + district),
                                           r -> r.status() == 200 && r.body().get("status").asText().equals(expectedStatus)
                                                   && r.body().get("children").isEmpty())
                                   .body();
            if (d % 2 == 1) {
                assertThat(view.get("mergedInto").asText()).isEqualTo(wards.get(d));
            }
        }
    }

    @Test
    void membersStayInTheirGrassrootsUnions() {
        for (int i = 0; i < members.size(); i++) {
            String expectedUnion = grassrootsByDistrict.get(i / 2).get(i % 2);
            String member = members.get(i);
            JsonNode view = await().atMost(Duration.ofSeconds(15))
                                   .until(() -> Http.get(system.queryPort(), "/api/members/" + member), r -> r.status() == 200)
                                   .body();
            assertThat(view.get("unionId").asText()).isEqualTo(expectedUnion);
            assertThat(view.get("status").asText()).isEqualTo("ACTIVE");
        }
    }

    @Test
    void movesAreDatedThirtyJuneAndNameTheMergerTheyBelongTo() {
        EventStore events = system.commandSide().getBean(EventStore.class);
        for (int d = 0; d < DISTRICTS; d++) {
            for (String union : grassrootsByDistrict.get(d)) {
                String grassroots = union;
                UnionMovedEvent moved = await().atMost(Duration.ofSeconds(30)).until(
                        () -> events.readEvents(grassroots).asStream().map(DomainEventMessage::getPayload)
                                    .filter(UnionMovedEvent.class::isInstance).map(UnionMovedEvent.class::cast)
                                    .findFirst().orElse(null),
                        event -> event != null);
                assertThat(moved.effectiveOn()).hasToString(JUNE_30);
                assertThat(moved.previousParentId().value()).isEqualTo(districts.get(d));
                assertThat(moved.parentId().value()).isEqualTo(wards.get(d));
                if (d % 2 == 1) {
                    assertThat(moved.mergerOf().value()).isEqualTo(districts.get(d));
                } else {
                    assertThat(moved.mergerOf()).isNull();
                }
            }
        }
    }

    @Test
    void aStoppedDistrictAcceptsNothingWhileItsFormerGrassrootsUnionsStillDo() {
        int port = system.commandPort();
        Http.Response refused = Http.postJson(port, "/api/unions",
                Members.union("New enterprise", "LATE-1", "GRASSROOTS", "ENTERPRISE", districts.get(1)), Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("code").asText()).isEqualTo("PARENT_NOT_ACTIVE");

        Http.Response joined = Http.postJson(port, "/api/members",
                Members.registration("Late joiner", grassrootsByDistrict.get(1).get(0), "001090999999"), Map.of());
        assertThat(joined.status()).isEqualTo(201);
    }

    private static void ok(Http.Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
    }
}
