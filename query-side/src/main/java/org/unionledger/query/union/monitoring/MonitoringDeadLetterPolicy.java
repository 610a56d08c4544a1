package org.unionledger.query.union.monitoring;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Which failures of the monitoring projection are dead-lettered: those of an event that wrote nothing yet. An
 * event that failed part-way through its writes is not parked, because a later retry could not tell which of its
 * counters were changed; the policy throws instead, which stops the processor, and the processor's own retry of
 * the batch completes the event under the position guard (see {@link Monitoring}). That is the path of a MongoDB
 * outage, where parking would fail anyway.
 */
final class MonitoringDeadLetterPolicy implements EnqueuePolicy<EventMessage<?>> {

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        if (!Monitoring.retrying() && Monitoring.wrote(letter.message())) {
            throw new IllegalStateException("Event " + letter.message().getIdentifier() + " failed after it began "
                    + "writing the monitoring read model; the processor retries it rather than parking it", cause);
        }
        return Decisions.enqueue(cause);
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        ConfigurerModule monitoringDeadLetterPolicy() {
            return configurer -> configurer.eventProcessing().registerDeadLetterPolicy(Monitoring.PROCESSING_GROUP,
                    configuration -> new MonitoringDeadLetterPolicy());
        }
    }
}
