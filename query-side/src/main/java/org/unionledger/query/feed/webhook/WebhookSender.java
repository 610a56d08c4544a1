package org.unionledger.query.feed.webhook;

import org.springframework.stereotype.Component;
import org.unionledger.query.feed.FeedProperties;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

/** Posts one signed CloudEvent to a subscriber. Redirects are not followed: a target must answer itself. */
@Component
class WebhookSender {

    static final String CONTENT_TYPE = "application/cloudevents+json; charset=utf-8";

    /** Signature timestamps are compared with receivers' clocks: the real clock, not the drill-shiftable one. */
    private static final Clock WALL_CLOCK = Clock.systemUTC();

    private final HttpClient client;
    private final Duration requestTimeout;
    private final TargetUrlPolicy policy;

    WebhookSender(FeedProperties properties) {
        FeedProperties.Webhooks webhooks = properties.webhooks();
        this.requestTimeout = webhooks.requestTimeout();
        this.policy = new TargetUrlPolicy(webhooks.allowLoopback(), webhooks.allowLinkLocal());
        this.client = HttpClient.newBuilder()
                                .connectTimeout(requestTimeout)
                                .followRedirects(HttpClient.Redirect.NEVER)
                                .build();
    }

    TargetUrlPolicy policy() {
        return policy;
    }

    /** The outcome of one attempt: delivered, or why not. */
    record Outcome(boolean delivered, String error) {
        static final Outcome DELIVERED = new Outcome(true, null);

        static Outcome failed(String error) {
            return new Outcome(false, error);
        }
    }

    Outcome send(String subscriptionId, String targetUrl, String secret, int attempt, byte[] body) throws InterruptedException {
        TargetUrlPolicy.Refusal refusal = policy.check(targetUrl);
        if (refusal != null) {
            return Outcome.failed(refusal.code() + ": target " + refusal.message());
        }
        long timestamp = WALL_CLOCK.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(targetUrl))
                                         .timeout(requestTimeout)
                                         .header("Content-Type", CONTENT_TYPE)
                                         .header("User-Agent", "UnionLedger-Webhooks/1")
                                         .header(WebhookSignature.SUBSCRIPTION_HEADER, subscriptionId)
                                         .header(WebhookSignature.ATTEMPT_HEADER, Integer.toString(attempt))
                                         .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                                         .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, timestamp, body))
                                         .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                         .build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2 ? Outcome.DELIVERED : Outcome.failed("HTTP " + response.statusCode());
        } catch (IOException e) {
            return Outcome.failed(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }
}
