package org.unionledger.query.feed.webhook;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.unionledger.platform.web.ApiException;
import org.unionledger.query.feed.FeedPositions;
import org.unionledger.query.feed.FeedReader;
import org.unionledger.query.feed.FeedTypes;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Webhook subscriptions: make one, watch its position and status, pause, resume, reset, and handle parked deliveries. */
@RestController
@RequestMapping(path = "/api/subscriptions", produces = MediaType.APPLICATION_JSON_VALUE)
class SubscriptionController {

    private final WebhookStore store;
    private final WebhookSender sender;
    private final FeedReader reader;
    private final Clock clock = Clock.systemUTC();

    SubscriptionController(WebhookStore store, WebhookSender sender, FeedReader reader) {
        this.store = store;
        this.sender = sender;
        this.reader = reader;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<SubscriptionView> create(@Valid @RequestBody SubscriptionRequests.Create request) {
        TargetUrlPolicy.Refusal refusal = sender.policy().check(request.targetUrl().strip());
        if (refusal != null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, refusal.code(), "targetUrl", refusal.message());
        }
        List<String> types = List.copyOf(FeedTypes.parse(request.types()));
        long position = request.after() == null ? reader.headPosition() : FeedPositions.parse(request.after(), "after");
        Subscription subscription = new Subscription(UUID.randomUUID().toString(), request.targetUrl().strip(),
                types.stream().sorted().toList(), request.secret(), position, Subscription.Status.ACTIVE, 0,
                clock.instant(), null, clock.instant());
        store.insert(subscription);
        return ResponseEntity.status(HttpStatus.CREATED).body(SubscriptionView.of(subscription, 0));
    }

    @GetMapping
    List<SubscriptionView> list() {
        return store.all().stream().map(subscription -> SubscriptionView.of(subscription, store.parkedCount(subscription.id())))
                    .toList();
    }

    @GetMapping("/{id}")
    SubscriptionView get(@PathVariable String id) {
        return SubscriptionView.of(existing(id), store.parkedCount(id));
    }

    @PostMapping("/{id}/pause")
    SubscriptionView pause(@PathVariable String id) {
        existing(id);
        store.setStatus(id, Subscription.Status.PAUSED, clock.instant());
        return get(id);
    }

    @PostMapping("/{id}/resume")
    SubscriptionView resume(@PathVariable String id) {
        existing(id);
        store.setStatus(id, Subscription.Status.ACTIVE, clock.instant());
        return get(id);
    }

    @PostMapping(path = "/{id}/reset", consumes = MediaType.APPLICATION_JSON_VALUE)
    SubscriptionView reset(@PathVariable String id, @Valid @RequestBody SubscriptionRequests.Reset request) {
        existing(id);
        store.reset(id, FeedPositions.parse(request.position(), "position"), clock.instant());
        return get(id);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        existing(id);
        store.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/parked")
    List<ParkedDeliveryView> parked(@PathVariable String id) {
        existing(id);
        return store.parkedOf(id).stream().map(ParkedDeliveryView::of).toList();
    }

    /** Tries a parked delivery once more, now; on success it is no longer parked. */
    @PostMapping("/{id}/parked/{position}/retry")
    Map<String, Object> retry(@PathVariable String id, @PathVariable String position) throws InterruptedException {
        Subscription subscription = existing(id);
        long at = FeedPositions.parse(position, "position");
        ParkedDelivery delivery = store.findParked(id, at).orElseThrow(() -> ApiException.notFound(
                "PARKED_DELIVERY_NOT_FOUND", "Subscription " + id + " has no parked delivery at position " + at));
        WebhookSender.Outcome outcome = sender.send(id, subscription.targetUrl(), subscription.secret(),
                delivery.attempts() + 1, delivery.body().getBytes(StandardCharsets.UTF_8));
        if (!outcome.delivered()) {
            throw new ApiException(HttpStatus.BAD_GATEWAY, "DELIVERY_FAILED", null,
                    "The subscriber did not accept the delivery: " + outcome.error());
        }
        store.unpark(id, at);
        return Map.of("delivered", true, "position", Long.toString(at), "eventId", delivery.eventId());
    }

    private Subscription existing(String id) {
        return store.find(id).orElseThrow(() -> ApiException.notFound("SUBSCRIPTION_NOT_FOUND", "No subscription " + id));
    }
}
