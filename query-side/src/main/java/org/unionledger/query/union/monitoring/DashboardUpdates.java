package org.unionledger.query.union.monitoring;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.bson.Document;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.unionledger.query.operations.ReplayCheck;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Pushes a changed dashboard to its subscribers (the SSE streams): only for unions someone is watching, once per
 * event, as soon as the event's documents are written.
 * <p>
 * Axon's emitter, called inside a unit of work, holds updates until it commits, and a tracking processor's unit
 * of work is its whole batch: when events queue up (after a collection pause, say), the first ones' dashboards
 * would wait for the last one's. The read model has no transaction to wait for (each write is final), so the
 * emits go through one thread of their own, outside any unit of work, in the order they were made. A batch that
 * fails and is retried can push a dashboard again; the stream sends nothing at or below a version already sent.
 */
@Component
class DashboardUpdates implements DisposableBean {

    private final QueryUpdateEmitter emitter;
    private final DashboardReader reader;
    private final ExecutorService pushes = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dashboard-push");
        thread.setDaemon(true);
        return thread;
    });

    DashboardUpdates(QueryUpdateEmitter emitter, DashboardReader reader) {
        this.emitter = emitter;
        this.reader = reader;
    }

    @Override
    public void destroy() {
        pushes.shutdown();
    }

    void changed(Collection<String> unionIds) {
        changed(unionIds, unionId -> null, unionId -> null);
    }

    /**
     * As {@link #changed(Collection)}, building the dashboards from the union and dashboard documents the
     * projection holds (null where it holds none: those are read).
     */
    void changed(Collection<String> unionIds, Function<String, Document> unions, Function<String, Document> dashboards) {
        if (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().resources().containsKey(ReplayCheck.REPLAY_CHECK)) {
            return; // a replay into a scratch database: nothing changed for the live subscribers
        }
        Set<String> watched = emitter.activeSubscriptions().stream()
                                     .map(subscription -> subscription.getPayload())
                                     .filter(FindUnionDashboardQuery.class::isInstance)
                                     .map(query -> ((FindUnionDashboardQuery) query).unionId())
                                     .collect(Collectors.toSet());
        if (watched.isEmpty()) {
            return;
        }
        for (String unionId : Set.copyOf(unionIds)) {
            if (watched.contains(unionId)) {
                reader.dashboard(unionId, unions.apply(unionId), dashboards.apply(unionId)).ifPresent(dashboard ->
                        pushes.execute(() -> emitter.emit(FindUnionDashboardQuery.class,
                                query -> query.unionId().equals(unionId), dashboard)));
            }
        }
    }
}
