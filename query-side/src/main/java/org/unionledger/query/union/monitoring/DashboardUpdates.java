package org.unionledger.query.union.monitoring;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.bson.Document;
import org.springframework.stereotype.Component;
import org.unionledger.query.operations.ReplayCheck;

import java.util.Collection;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Pushes a changed dashboard to its subscribers (the SSE streams): only for unions someone is watching, once per
 * event, after the projection's unit of work commits (Axon's emitter defers it).
 */
@Component
class DashboardUpdates {

    private final QueryUpdateEmitter emitter;
    private final DashboardReader reader;

    DashboardUpdates(QueryUpdateEmitter emitter, DashboardReader reader) {
        this.emitter = emitter;
        this.reader = reader;
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
                reader.dashboard(unionId, unions.apply(unionId), dashboards.apply(unionId)).ifPresent(dashboard -> emitter.emit(FindUnionDashboardQuery.class,
                        query -> query.unionId().equals(unionId), dashboard));
            }
        }
    }
}
