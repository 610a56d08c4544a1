package org.unionledger.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Stopping the system in the middle of webhook deliveries and starting it again loses nothing and keeps the order. */
class WebhookRestartTest {

    private static final String SECRET = "s3cret-for-the-insurance-system";
    private static final int MEMBERS = 40;

    @TempDir
    Path dataDir;

    @Test
    void aRestartDuringDeliveryLosesNoEventAndKeepsTheOrder() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.delay(50);
            List<String> members = new ArrayList<>();
            String subscription;
            try (UnionLedger system = start()) {
                Members.Tree tree = Members.Tree.build(system.commandPort(), "restart-hooks");
                Http.Response created = Http.postJson(system.queryPort(), "/api/subscriptions", """
                        {"targetUrl": "%s", "secret": "%s", "types": ["member.registered.v1"], "after": "0"}
                        """.formatted(receiver.url(), SECRET), Map.of());
                assertThat(created.status()).isEqualTo(201);
                subscription = created.body().get("id").asText();
                for (int i = 0; i < MEMBERS; i++) {
                    Http.Response registered = Http.postJson(system.commandPort(), "/api/members",
                            Members.validRegistration("Restart member " + i, tree.grassroots()), Map.of());
                    members.add("members/" + registered.body().get("id").asText());
                }
                await().atMost(Duration.ofSeconds(20)).until(() -> receiver.accepted().size() >= 5);
            }
            int beforeRestart = receiver.accepted().size();
            assertThat(beforeRestart).as("stopped in the middle of delivering").isLessThan(MEMBERS);

            try (UnionLedger system = start()) {
                await().atMost(Duration.ofSeconds(30)).until(() -> distinctIds(receiver).size() == MEMBERS);
                List<WebhookReceiver.Delivery> accepted = receiver.accepted();
                Set<String> firstSeen = new LinkedHashSet<>(WebhookReceiver.subjects(accepted));
                assertThat(new ArrayList<>(firstSeen)).as("every event, in feed order").isEqualTo(members);
                assertThat(accepted.size() - MEMBERS).as("at most the delivery in flight at the stop comes twice")
                                                     .isBetween(0, 1);
                accepted.forEach(delivery -> assertThat(delivery.signedWith(SECRET)).isTrue());
                String lastPosition = accepted.get(accepted.size() - 1).event().get("feedposition").asText();
                JsonNode stored = await().atMost(Duration.ofSeconds(5)).until(
                        () -> Http.get(system.queryPort(), "/api/subscriptions/" + subscription).body(),
                        body -> body.get("position").asText().equals(lastPosition));
                assertThat(stored.get("status").asText()).isEqualTo("ACTIVE");
            }
        }
    }

    private static Set<String> distinctIds(WebhookReceiver receiver) {
        Set<String> ids = new LinkedHashSet<>();
        receiver.accepted().forEach(delivery -> ids.add(delivery.eventId()));
        return ids;
    }

    private UnionLedger start() {
        return UnionLedger.start("--unionledger.data-dir=" + dataDir,
                "--unionledger.command-port=0", "--unionledger.query-port=0",
                "--unionledger.feed.webhooks.allow-loopback=true",
                "--unionledger.feed.webhooks.poll-interval=50ms");
    }
}
