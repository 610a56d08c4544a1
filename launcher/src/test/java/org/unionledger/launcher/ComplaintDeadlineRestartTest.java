package org.unionledger.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A pending time limit survives a restart: a complaint filed before a shutdown escalates by itself once the
 * system comes back with its clock moved past the ten days allowed to acknowledge it, exactly once.
 */
class ComplaintDeadlineRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void unacknowledgedComplaintEscalatesAfterARestartOnceItsLimitHasPassed() {
        String complaint;
        Members.Tree tree;
        try (UnionLedger system = UnionLedger.start(args(Duration.ZERO))) {
            tree = Members.Tree.build(system.commandPort(), "deadline");
            String member = Http.postJson(system.commandPort(), "/api/members",
                    Members.validRegistration("Đặng Văn Nam", tree.grassroots()), Map.of()).body().get("id").asText();
            complaint = Http.postJson(system.commandPort(), "/api/complaints", """
                    {"memberId": "%s", "category": "OCCUPATIONAL_SAFETY", "description": "No helmets on site", "channel": "HOTLINE"}
                    """.formatted(member), Map.of()).body().get("id").asText();
            String filed = complaint;
            await().atMost(Duration.ofSeconds(15))
                   .until(() -> Http.get(system.queryPort(), "/api/complaints/" + filed), r -> r.status() == 200);
        }

        try (UnionLedger system = UnionLedger.start(args(Duration.ofDays(11)))) {
            String filed = complaint;
            JsonNode escalated = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                                        .until(() -> Http.get(system.queryPort(), "/api/complaints/" + filed),
                                                r -> r.status() == 200 && r.body().get("status").asText().equals("ESCALATED"))
                                        .body();
            assertThat(escalated.get("unionId").asText()).isEqualTo(tree.ward());
            assertThat(escalated.get("timeline").findValuesAsText("event"))
                    .containsExactly("FILED", "ESCALATED_AUTOMATICALLY");

            // Several more checks run meanwhile; the ward's 45 days have not passed, so nothing else happens.
            await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> true);
            JsonNode later = Http.get(system.queryPort(), "/api/complaints/" + filed).body();
            assertThat(later.get("timeline")).hasSize(2);
        }
    }

    private String[] args(Duration clockOffset) {
        return new String[]{"--unionledger.data-dir=" + dataDir, "--unionledger.command-port=0",
                "--unionledger.query-port=0", "--unionledger.clock.offset=" + clockOffset,
                "--unionledger.complaints.deadline-check-interval=200ms"};
    }
}
