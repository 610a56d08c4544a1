package org.unionledger.query.operations;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.bson.Document;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import org.unionledger.platform.web.ApiException;

import java.lang.reflect.Constructor;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * The replay determinism check: rebuilds one processor's read model from the event store into a fresh database
 * (same collection names, so the projection's own code runs unchanged), then compares it document by document with
 * the live read model, which must first have caught up with the same position. Differences mean a projection is not
 * a pure function of the events (a clock read, a random value, an order dependence) or that the live read model
 * was changed behind the projection's back. The live read model is only read; the fresh database is dropped
 * afterwards.
 */
@Component
public class ReplayCheck {

    /**
     * A unit-of-work resource set while a replay check runs a projection's handlers: side effects beyond the
     * projection's own collections (live pushes to subscribers) should be skipped when it is there.
     */
    public static final String REPLAY_CHECK = ReplayCheck.class.getName() + ".running";

    /**
     * Fields that record how a document came by its values rather than the values: {@code late} lists dead letters
     * applied after later events, which an in-order replay never needs.
     */
    private static final Set<String> BOOKKEEPING = Set.of("late");

    /** How many differing documents a report names per collection; the counts cover them all. */
    static final int EXAMPLES = 20;
    private static final Duration CATCH_UP = Duration.ofSeconds(30);

    private final ApplicationContext context;
    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final MongoClient mongoClient;
    private final MongoTemplate liveTemplate;
    private final Clock clock;

    ReplayCheck(ApplicationContext context, EventStore eventStore, EventProcessingConfiguration processing, MongoClient mongoClient,
                MongoTemplate liveTemplate, Clock clock) {
        this.context = context;
        this.eventStore = eventStore;
        this.processing = processing;
        this.mongoClient = mongoClient;
        this.liveTemplate = liveTemplate;
        this.clock = clock;
    }

    /** One document that is not the same in both. */
    public record Difference(Object id, String kind, List<String> fields) {
    }

    /** The comparison of one collection. */
    public record CollectionReport(String collection, long liveDocuments, long replayedDocuments, long missingInLive,
                                   long missingInReplay, long differing, List<Difference> examples) {
        boolean identical() {
            return missingInLive == 0 && missingInReplay == 0 && differing == 0 && liveDocuments == replayedDocuments;
        }
    }

    /** The outcome: {@code identical} when every collection the projection writes came out the same. */
    public record Report(String processor, boolean identical, long replayedEvents, long position,
                         List<CollectionReport> collections) {
    }

    public Report run(String processor) {
        Object projection = projectionFor(processor);
        long head = position(eventStore.createHeadToken());
        awaitLiveProcessor(processor, head);

        String database = liveTemplate.getDb().getName() + "_replay_" + processor.replace('-', '_') + "_"
                + clock.millis();
        MongoDatabase fresh = mongoClient.getDatabase(database);
        try {
            MongoTemplate freshTemplate = new MongoTemplate(new SimpleMongoClientDatabaseFactory(mongoClient, database),
                    liveTemplate.getConverter());
            long replayed = replay(newInstance(projection.getClass(), freshTemplate), head);
            List<CollectionReport> collections = new ArrayList<>();
            for (String name : new TreeSet<>(fresh.listCollectionNames().into(new ArrayList<>()))) {
                collections.add(compare(name, liveTemplate.getDb().getCollection(name), fresh.getCollection(name)));
            }
            return new Report(processor, collections.stream().allMatch(CollectionReport::identical), replayed, head,
                    collections);
        } finally {
            fresh.drop();
        }
    }

    private Object projectionFor(String processor) {
        for (Object bean : context.getBeansWithAnnotation(ProcessingGroup.class).values()) {
            ProcessingGroup group = AnnotationUtils.findAnnotation(ClassUtils.getUserClass(bean), ProcessingGroup.class);
            if (group != null && group.value().equals(processor)) {
                return bean;
            }
        }
        throw ApiException.notFound("PROCESSOR_NOT_FOUND", "No projection is in processing group " + processor);
    }

    /** The same projection class, writing through {@code template}; other constructor arguments are the beans. */
    private Object newInstance(Class<?> type, MongoTemplate template) {
        Class<?> userClass = ClassUtils.getUserClass(type);
        Constructor<?> constructor = userClass.getDeclaredConstructors()[0];
        Object[] arguments = new Object[constructor.getParameterCount()];
        for (int i = 0; i < arguments.length; i++) {
            Class<?> parameter = constructor.getParameterTypes()[i];
            arguments[i] = parameter == MongoTemplate.class ? template : context.getBean(parameter);
        }
        try {
            constructor.setAccessible(true);
            return constructor.newInstance(arguments);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create a fresh " + userClass.getSimpleName(), e);
        }
    }

    private long replay(Object projection, long head) {
        AnnotationEventHandlerAdapter handler = new AnnotationEventHandlerAdapter(projection);
        long replayed = 0;
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            while (stream.hasNextAvailable(5, TimeUnit.SECONDS)) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                if (position(event.trackingToken()) > head) {
                    break;
                }
                if (handler.canHandle(event)) {
                    DefaultUnitOfWork<TrackedEventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(event);
                    unitOfWork.resources().put(REPLAY_CHECK, Boolean.TRUE);
                    var result = unitOfWork.executeWithResult(() -> handler.handle(event));
                    if (result.isExceptional()) {
                        throw new IllegalStateException("Replaying event " + event.getIdentifier() + " failed",
                                result.exceptionResult());
                    }
                    replayed++;
                }
                if (position(event.trackingToken()) == head) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while replaying", e);
        }
        return replayed;
    }

    private void awaitLiveProcessor(String processor, long head) {
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        while (true) {
            long live = processing.eventProcessor(processor, StreamingEventProcessor.class)
                    .map(p -> p.processingStatus().values().stream()
                               .mapToLong(status -> status.getCurrentPosition().orElse(-1)).min().orElse(-1))
                    .orElse(-1L);
            if (live >= head) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new ApiException(HttpStatus.CONFLICT, "PROCESSOR_BEHIND", null,
                        "Processor " + processor + " is at " + live + ", still behind the head " + head
                                + " after " + CATCH_UP.toSeconds() + " s; try again when it has caught up");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }

    /** A merge join over both collections in _id order: one pass, one document of each in memory at a time. */
    private static CollectionReport compare(String name, MongoCollection<Document> live, MongoCollection<Document> fresh) {
        long liveCount = 0, freshCount = 0, missingInLive = 0, missingInReplay = 0, differing = 0;
        List<Difference> examples = new ArrayList<>();
        Document byId = new Document("_id", 1);
        try (MongoCursor<Document> l = live.find().sort(byId).iterator();
             MongoCursor<Document> f = fresh.find().sort(byId).iterator()) {
            Document a = l.hasNext() ? l.next() : null;
            Document b = f.hasNext() ? f.next() : null;
            while (a != null || b != null) {
                int order = a == null ? 1 : b == null ? -1 : compareIds(a.get("_id"), b.get("_id"));
                if (order < 0) {
                    missingInReplay++;
                    example(examples, new Difference(a.get("_id"), "ONLY_IN_LIVE", List.of()));
                    liveCount++;
                    a = l.hasNext() ? l.next() : null;
                } else if (order > 0) {
                    missingInLive++;
                    example(examples, new Difference(b.get("_id"), "ONLY_IN_REPLAY", List.of()));
                    freshCount++;
                    b = f.hasNext() ? f.next() : null;
                } else {
                    List<String> fields = differingFields(a, b);
                    if (!fields.isEmpty()) {
                        differing++;
                        example(examples, new Difference(a.get("_id"), "DIFFERENT", fields));
                    }
                    liveCount++;
                    freshCount++;
                    a = l.hasNext() ? l.next() : null;
                    b = f.hasNext() ? f.next() : null;
                }
            }
        }
        return new CollectionReport(name, liveCount, freshCount, missingInLive, missingInReplay, differing, examples);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareIds(Object a, Object b) {
        if (a instanceof Comparable ca && a.getClass() == b.getClass()) {
            return ca.compareTo(b);
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    }

    private static List<String> differingFields(Document live, Document fresh) {
        Set<String> names = new TreeSet<>(live.keySet());
        names.addAll(fresh.keySet());
        List<String> fields = new ArrayList<>();
        names.removeAll(BOOKKEEPING);
        for (String name : names) {
            if (!Objects.equals(live.get(name), fresh.get(name))) {
                fields.add(name);
            }
        }
        return fields;
    }

    private static void example(List<Difference> examples, Difference difference) {
        if (examples.size() < EXAMPLES) {
            examples.add(difference);
        }
    }
}
