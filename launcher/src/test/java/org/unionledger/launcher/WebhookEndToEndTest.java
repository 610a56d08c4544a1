package org.unionledger.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Webhooks delivered to a real HTTP receiver: order, signatures, retries with backoff, parking and the controls. */
class WebhookEndToEndTest {

    private static final String SECRET = "s3cret-for-the-payroll-system";
    private static final int MAX_ATTEMPTS = 4;

    @TempDir
    static Path dataDir;
    static UnionLedger system;
    static Members.Tree tree;
    WebhookReceiver receiver;

    @BeforeAll
    static void start() {
        system = UnionLedger.start("--unionledger.data-dir=" + dataDir,
                "--unionledger.command-port=0", "--unionledger.query-port=0",
                "--unionledger.feed.webhooks.allow-loopback=true",
                "--unionledger.feed.webhooks.poll-interval=50ms",
                "--unionledger.feed.webhooks.initial-backoff=100ms",
                "--unionledger.feed.webhooks.max-backoff=400ms",
                "--unionledger.feed.webhooks.max-attempts=" + MAX_ATTEMPTS);
        tree = Members.Tree.build(system.commandPort(), "hooks");
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @BeforeEach
    void openReceiver() {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void closeReceiver() {
        receiver.close();
    }

    @Test
    void deliversInFeedOrderSignedAndRetriesFailuresWithBackoff() {
        receiver.failNext(2);
        JsonNode subscription = subscribe(receiver.url(), List.of("member.registered.v1"), null);
        assertThat(subscription.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(subscription.has("secret")).isFalse();
        String id = subscription.get("id").asText();

        List<String> members = List.of(register("Hook member 1"), register("Hook member 2"), register("Hook member 3"));

        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.accepted().size() >= 3);
        List<WebhookReceiver.Delivery> all = receiver.deliveries();
        assertThat(all).hasSize(5);
        assertThat(all.subList(0, 3)).extracting(WebhookReceiver.Delivery::eventId).containsOnly(all.get(0).eventId());
        assertThat(all).extracting(WebhookReceiver.Delivery::status).containsExactly(500, 500, 204, 204, 204);
        assertThat(all).extracting(WebhookReceiver.Delivery::attempt).containsExactly("1", "2", "3", "1", "1");
        assertThat(WebhookReceiver.subjects(receiver.accepted()))
                .containsExactly("members/" + members.get(0), "members/" + members.get(1), "members/" + members.get(2));
        for (WebhookReceiver.Delivery delivery : all) {
            assertThat(delivery.signedWith(SECRET)).as("signature").isTrue();
            assertThat(delivery.signedWith("another-secret-of-some-length")).isFalse();
            assertThat(Long.parseLong(delivery.timestamp())).isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(30L));
            assertThat(delivery.subscription()).isEqualTo(id);
            assertThat(delivery.contentType()).startsWith("application/cloudevents+json");
            assertThat(delivery.event().get("type").asText()).isEqualTo("member.registered.v1");
        }
        // Backoff: the second attempt waited at least half the initial 100 ms, the third half of 200 ms.
        assertThat(all.get(1).receivedAtNanos() - all.get(0).receivedAtNanos()).isGreaterThanOrEqualTo(Duration.ofMillis(50).toNanos());
        assertThat(all.get(2).receivedAtNanos() - all.get(1).receivedAtNanos()).isGreaterThanOrEqualTo(Duration.ofMillis(100).toNanos());

        String lastPosition = receiver.accepted().get(2).event().get("feedposition").asText();
        JsonNode stored = await().atMost(Duration.ofSeconds(5))
                                 .until(() -> Http.get(system.queryPort(), "/api/subscriptions/" + id).body(),
                                         body -> body.get("position").asText().equals(lastPosition));
        assertThat(stored.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(stored.get("attempts").asInt()).isZero();
        assertThat(stored.get("parked").asLong()).isZero();
        pause(id);
    }

    @Test
    void parksADeliveryAfterTheLastAttemptPausesAndCanRetryResumeAndReset() {
        receiver.failNext(1_000);
        long before = head();
        String id = subscribe(receiver.url(), List.of("member.registered.v1"), Long.toString(before)).get("id").asText();
        String parkedMember = register("Parked member");

        JsonNode paused = await().atMost(Duration.ofSeconds(20))
                                 .until(() -> Http.get(system.queryPort(), "/api/subscriptions/" + id).body(),
                                         body -> body.get("status").asText().equals("PAUSED"));
        assertThat(receiver.deliveries()).hasSize(MAX_ATTEMPTS);
        assertThat(receiver.deliveries()).extracting(WebhookReceiver.Delivery::eventId).containsOnly(receiver.deliveries().get(0).eventId());
        assertThat(paused.get("parked").asLong()).isEqualTo(1);
        assertThat(paused.get("lastError").asText()).contains("HTTP 500");
        JsonNode parked = Http.get(system.queryPort(), "/api/subscriptions/" + id + "/parked").body();
        assertThat(parked).hasSize(1);
        String parkedPosition = parked.get(0).get("position").asText();
        assertThat(parked.get(0).get("eventId").asText()).isEqualTo(receiver.deliveries().get(0).eventId());
        assertThat(parked.get(0).get("type").asText()).isEqualTo("member.registered.v1");
        assertThat(parked.get(0).get("attempts").asInt()).isEqualTo(MAX_ATTEMPTS);
        assertThat(paused.get("position").asText()).isEqualTo(parkedPosition);
        // The list shows it with its position and status too.
        JsonNode listed = find(Http.get(system.queryPort(), "/api/subscriptions").body(), id);
        assertThat(listed.get("status").asText()).isEqualTo("PAUSED");
        assertThat(listed.get("position").asText()).isEqualTo(parkedPosition);

        // Nothing is delivered while paused.
        String whilePaused = register("Member while paused");
        sleep(500);
        assertThat(receiver.deliveries()).hasSize(MAX_ATTEMPTS);

        // A retry that fails again keeps it parked; one that succeeds delivers it.
        Http.Response failedRetry = Http.postJson(system.queryPort(), "/api/subscriptions/" + id + "/parked/" + parkedPosition + "/retry", "", Map.of());
        assertThat(failedRetry.status()).isEqualTo(502);
        assertThat(failedRetry.body().get("code").asText()).isEqualTo("DELIVERY_FAILED");
        receiver.failNext(0);
        Http.Response retried = Http.postJson(system.queryPort(), "/api/subscriptions/" + id + "/parked/" + parkedPosition + "/retry", "", Map.of());
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.body().get("delivered").asBoolean()).isTrue();
        assertThat(WebhookReceiver.subjects(receiver.accepted())).containsExactly("members/" + parkedMember);
        assertThat(receiver.accepted().get(0).signedWith(SECRET)).isTrue();
        assertThat(Http.get(system.queryPort(), "/api/subscriptions/" + id + "/parked").body()).isEmpty();

        // Resuming delivers what happened meanwhile.
        assertThat(Http.postJson(system.queryPort(), "/api/subscriptions/" + id + "/resume", "", Map.of()).body()
                       .get("status").asText()).isEqualTo("ACTIVE");
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.accepted().size() == 2);
        assertThat(WebhookReceiver.subjects(receiver.accepted())).containsExactly("members/" + parkedMember, "members/" + whilePaused);

        // Resetting to an earlier position delivers again from there (receivers drop duplicates by id).
        JsonNode reset = Http.postJson(system.queryPort(), "/api/subscriptions/" + id + "/reset",
                "{\"position\": \"" + before + "\"}", Map.of()).body();
        assertThat(reset.get("position").asText()).isEqualTo(Long.toString(before));
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.accepted().size() == 4);
        assertThat(WebhookReceiver.subjects(receiver.accepted())).containsExactly("members/" + parkedMember,
                "members/" + whilePaused, "members/" + parkedMember, "members/" + whilePaused);
        assertThat(receiver.accepted().get(2).eventId()).isEqualTo(receiver.accepted().get(0).eventId());
        pause(id);
    }

    @Test
    void refusesBadSubscriptionsWithTheOffendingField() {
        assertProblem("{\"targetUrl\": \"http://169.254.169.254/latest\", \"secret\": \"" + SECRET + "\"}", "TARGET_NOT_ALLOWED", "targetUrl");
        assertProblem("{\"targetUrl\": \"ftp://example.org/x\", \"secret\": \"" + SECRET + "\"}", "INVALID_TARGET_URL", "targetUrl");
        assertProblem("{\"targetUrl\": \"" + receiver.url() + "\", \"secret\": \"short\"}", "VALIDATION_FAILED", "secret");
        assertProblem("{\"secret\": \"" + SECRET + "\"}", "VALIDATION_FAILED", "targetUrl");
        assertProblem("{\"targetUrl\": \"" + receiver.url() + "\", \"secret\": \"" + SECRET + "\", \"types\": [\"member.joined.v1\"]}",
                "UNKNOWN_EVENT_TYPE", "types");
        assertProblem("{\"targetUrl\": \"" + receiver.url() + "\", \"secret\": \"" + SECRET + "\", \"after\": \"x1\"}",
                "INVALID_POSITION", "after");
        Http.Response unknown = Http.get(system.queryPort(), "/api/subscriptions/no-such-subscription");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("code").asText()).isEqualTo("SUBSCRIPTION_NOT_FOUND");
    }

    private static void assertProblem(String body, String code, String field) {
        Http.Response response = Http.postJson(system.queryPort(), "/api/subscriptions", body, Map.of());
        assertThat(response.status()).as(body).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("code").asText()).as(body).isEqualTo(code);
        assertThat(response.body().at("/errors/0/field").asText()).as(body).isEqualTo(field);
    }

    static JsonNode subscribe(String url, List<String> types, String after) {
        StringBuilder body = new StringBuilder("{\"targetUrl\": \"" + url + "\", \"secret\": \"" + SECRET + "\"");
        body.append(", \"types\": [").append(String.join(",", types.stream().map(t -> "\"" + t + "\"").toList())).append("]");
        if (after != null) {
            body.append(", \"after\": \"").append(after).append("\"");
        }
        Http.Response created = Http.postJson(system.queryPort(), "/api/subscriptions", body.append("}").toString(), Map.of());
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.body();
    }

    private static void pause(String id) {
        assertThat(Http.postJson(system.queryPort(), "/api/subscriptions/" + id + "/pause", "", Map.of()).status()).isEqualTo(200);
    }

    private static long head() {
        long after = 0;
        while (true) {
            long next = Long.parseLong(Http.get(system.queryPort(), "/api/feed?limit=1000&after=" + after).body().get("next").asText());
            if (next == after) {
                return after;
            }
            after = next;
        }
    }

    private static JsonNode find(JsonNode list, String id) {
        for (JsonNode subscription : list) {
            if (subscription.get("id").asText().equals(id)) {
                return subscription;
            }
        }
        throw new AssertionError("subscription " + id + " not listed");
    }

    private static String register(String name) {
        Http.Response created = Http.postJson(system.commandPort(), "/api/members",
                Members.validRegistration(name, tree.grassroots()), Map.of());
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("id").asText();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
