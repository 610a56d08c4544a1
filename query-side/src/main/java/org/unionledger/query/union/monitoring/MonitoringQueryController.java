package org.unionledger.query.union.monitoring;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.unionledger.platform.web.ApiException;
import org.unionledger.shared.complaint.ComplaintCategory;
import org.unionledger.shared.complaint.ComplaintStatus;
import org.unionledger.shared.member.MemberStatus;
import org.unionledger.shared.union.UnionStatus;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The monitoring views of a union: its dashboard (also as a live stream), its time series, its members, its
 * complaint queue and its children. Every read is bounded; bad parameters are 400s that name the parameter.
 */
@RestController
@RequestMapping(path = "/api/unions/{unionId}", produces = MediaType.APPLICATION_JSON_VALUE)
class MonitoringQueryController {

    static final int MAX_PAGE = 200;
    private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);

    private final DashboardReader reader;
    private final MongoTemplate mongo;
    private final Set<SseEmitter> streams = ConcurrentHashMap.newKeySet();
    private final QueryGateway queries;
    private final Clock clock;

    private final int maxStreams;

    MonitoringQueryController(DashboardReader reader, MongoTemplate mongo, QueryGateway queries, Clock clock,
                              @Value("${unionledger.monitoring.max-streams:256}") int maxStreams) {
        this.maxStreams = maxStreams;
        this.reader = reader;
        this.mongo = mongo;
        this.queries = queries;
        this.clock = clock;
    }

    /** A page of a list, with the number of matching items. */
    record Page<T>(long total, int page, int size, List<T> items) {
    }

    record MemberItem(String memberId, String fullName, String status, String gender, String joinedOn, String unionId) {
    }

    record ComplaintItem(String complaintId, String unionId, String category, String status, boolean overdue,
                         boolean escalated, String filedAt, String dueBy) {
    }

    record ChildItem(String unionId, String name, String code, String level, String status, long currentMembers) {
    }

    @GetMapping("/dashboard")
    UnionDashboard dashboard(@PathVariable String unionId) {
        return reader.dashboard(unionId).orElseThrow(() -> notFound(unionId));
    }

    @QueryHandler
    UnionDashboard handle(FindUnionDashboardQuery query) {
        return reader.dashboard(query.unionId()).orElse(null);
    }

    /**
     * Server-sent events: the dashboard now ({@code event: dashboard}), then again after every change to it, each
     * change once: a version (its {@code id}, the position of the last event in it) is never sent twice or after a
     * newer one. A slow reader gets the newest dashboard, never a backlog. A comment every
     * {@code heartbeat-interval} keeps proxies from closing a quiet stream and finds clients that went away. At
     * most {@code max-streams} are open at once; more are refused with 503.
     */
    @GetMapping(path = "/dashboard/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@PathVariable String unionId) {
        reader.union(unionId).orElseThrow(() -> notFound(unionId));
        if (streams.size() >= maxStreams) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "TOO_MANY_STREAMS", null,
                    "At most " + maxStreams + " dashboard streams are served at once; try again later");
        }
        SubscriptionQueryResult<UnionDashboard, UnionDashboard> result = queries.subscriptionQuery(
                new FindUnionDashboardQuery(unionId), UnionDashboard.class, UnionDashboard.class);
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        AtomicLong lastSent = new AtomicLong(Long.MIN_VALUE);
        Disposable subscription = Flux.concat(result.initialResult().flux(), result.updates())
                .onBackpressureLatest()
                .publishOn(Schedulers.boundedElastic(), 1)
                .filter(dashboard -> dashboard.position() > lastSent.get())
                .subscribe(dashboard -> {
                    lastSent.set(dashboard.position());
                    send(emitter, dashboard);
                }, emitter::completeWithError, emitter::complete);
        streams.add(emitter);
        Runnable cancel = () -> {
            streams.remove(emitter);
            subscription.dispose();
            result.cancel();
        };
        emitter.onCompletion(cancel);
        emitter.onTimeout(cancel);
        emitter.onError(error -> cancel.run());
        return emitter;
    }

    @Scheduled(fixedDelayString = "${unionledger.monitoring.heartbeat-interval:15s}",
            initialDelayString = "${unionledger.monitoring.heartbeat-interval:15s}")
    void heartbeat() {
        for (SseEmitter emitter : streams) {
            try {
                emitter.send(SseEmitter.event().comment("heartbeat"));
            } catch (IOException | IllegalStateException e) {
                emitter.completeWithError(e);
            }
        }
    }

    /** Ends the open streams when the service stops, so that a graceful shutdown does not wait on them. */
    @EventListener(ContextClosedEvent.class)
    void closeStreams() {
        streams.forEach(SseEmitter::complete);
    }

    private static void send(SseEmitter emitter, UnionDashboard dashboard) {
        try {
            emitter.send(SseEmitter.event().name("dashboard").id(String.valueOf(dashboard.position()))
                                   .data(dashboard, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            emitter.completeWithError(e);
        }
    }

    /** Monthly figures from {@code from} to {@code to} ({@code YYYY-MM}; default the last 12 months). */
    @GetMapping("/timeseries")
    List<TimeSeriesPoint> timeSeries(@PathVariable String unionId, @RequestParam(required = false) String from,
                                     @RequestParam(required = false) String to) {
        reader.union(unionId).orElseThrow(() -> notFound(unionId));
        YearMonth last = to == null ? YearMonth.now(clock) : month("to", to);
        YearMonth first = from == null ? last.minusMonths(11) : month("from", from);
        if (first.isAfter(last)) {
            throw ApiException.badRequest("INVALID_RANGE", "from", "from must not be after to");
        }
        if (first.plusMonths(DashboardReader.MAX_MONTHS).isBefore(last.plusMonths(1))) {
            throw ApiException.badRequest("RANGE_TOO_LONG", "from", "at most " + DashboardReader.MAX_MONTHS + " months");
        }
        return reader.timeSeries(unionId, first, last);
    }

    /** The union's own members, sorted by name; filtered by status and by a name prefix (diacritics ignored). */
    @GetMapping("/members")
    Page<MemberItem> members(@PathVariable String unionId, @RequestParam(required = false) MemberStatus status,
                             @RequestParam(required = false) String namePrefix,
                             @RequestParam(defaultValue = "0") @Min(0) int page,
                             @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_PAGE) int size) {
        reader.union(unionId).orElseThrow(() -> notFound(unionId));
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq("unionId", unionId)));
        if (status != null) {
            filters.add(Filters.eq("status", status.name()));
        }
        if (namePrefix != null && !namePrefix.isBlank()) {
            filters.add(Filters.regex("sortName", "^" + Pattern.quote(Counters.sortKey(namePrefix))));
        }
        return page(Monitoring.MEMBERS, Filters.and(filters), Sorts.ascending("sortName", "_id"), page, size,
                d -> new MemberItem(d.getString("_id"), d.getString("fullName"), d.getString("status"),
                        d.getString("gender"), d.getString("joinedOn"), d.getString("unionId")));
    }

    /** The complaints this union is handling now, soonest time limit first; filtered by status, category, overdue. */
    @GetMapping("/complaints")
    Page<ComplaintItem> complaints(@PathVariable String unionId, @RequestParam(required = false) ComplaintStatus status,
                                   @RequestParam(required = false) ComplaintCategory category,
                                   @RequestParam(required = false) Boolean overdue,
                                   @RequestParam(defaultValue = "0") @Min(0) int page,
                                   @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_PAGE) int size) {
        reader.union(unionId).orElseThrow(() -> notFound(unionId));
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq("handlerId", unionId)));
        filters.add(status == null ? Filters.eq("open", true) : Filters.eq("status", status.name()));
        if (category != null) {
            filters.add(Filters.eq("category", category.name()));
        }
        if (overdue != null) {
            filters.add(Filters.eq("overdue", overdue));
        }
        return page(Monitoring.COMPLAINTS, Filters.and(filters), Sorts.ascending("dueBy", "_id"), page, size,
                d -> new ComplaintItem(d.getString("_id"), d.getString("unionId"), d.getString("category"),
                        d.getString("status"), d.getBoolean("overdue", false), d.getBoolean("escalated", false),
                        d.getString("filedAt"), d.getString("dueBy")));
    }

    /** The unions directly below, by name; active ones unless a status is given. */
    @GetMapping("/children")
    List<ChildItem> children(@PathVariable String unionId, @RequestParam(required = false) UnionStatus status) {
        reader.union(unionId).orElseThrow(() -> notFound(unionId));
        List<ChildItem> children = new ArrayList<>();
        MongoCollection<Document> dashboards = mongo.getDb().getCollection(Monitoring.DASHBOARDS);
        for (Document child : mongo.getDb().getCollection(Monitoring.UNIONS)
                                   .find(Filters.and(Filters.eq("parentId", unionId),
                                           Filters.eq("status", (status == null ? UnionStatus.ACTIVE : status).name())))
                                   .sort(Sorts.ascending("name", "_id"))) {
            children.add(new ChildItem(child.getString("_id"), child.getString("name"), child.getString("code"),
                    child.getString("level"), child.getString("status"),
                    Counters.currentMembers(dashboards.find(Filters.eq("_id", child.getString("_id"))).first())));
        }
        return children;
    }

    private <T> Page<T> page(String collection, Bson filter, Bson sort, int page, int size,
                             java.util.function.Function<Document, T> map) {
        MongoCollection<Document> documents = mongo.getDb().getCollection(collection);
        long total = documents.countDocuments(filter);
        List<T> items = new ArrayList<>();
        documents.find(filter).sort(sort).skip(page * size).limit(size).forEach(d -> items.add(map.apply(d)));
        return new Page<>(total, page, size, items);
    }

    private static YearMonth month(String field, String value) {
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("INVALID_MONTH", field, field + " must be a month as YYYY-MM");
        }
    }

    private static ApiException notFound(String unionId) {
        return ApiException.notFound("UNION_NOT_FOUND", "No union with id " + unionId);
    }
}
