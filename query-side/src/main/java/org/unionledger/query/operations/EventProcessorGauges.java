package org.unionledger.query.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.unionledger.platform.audit.StoredEvents;

/**
 * Each event processor's position and lag behind the head as Prometheus gauges
 * ({@code unionledger_processor_position}, {@code unionledger_processor_lag_events}), read when scraped.
 */
@Component
class EventProcessorGauges {

    private final EventProcessingConfiguration processing;
    private final StoredEvents store;
    private final MeterRegistry registry;

    EventProcessorGauges(EventProcessingConfiguration processing, StoredEvents store, MeterRegistry registry) {
        this.processing = processing;
        this.store = store;
        this.registry = registry;
    }

    /** Once the application is ready: Axon builds its processors while the context starts. */
    @EventListener(ApplicationReadyEvent.class)
    void register() {
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                Gauge.builder("unionledger.processor.position", streaming, EventProcessorGauges::position)
                     .tag("processor", name).description("global position the processor has reached")
                     .register(registry);
                Gauge.builder("unionledger.processor.lag.events", streaming,
                             p -> Math.max(0, safeHead() - Math.max(0, position(p))))
                     .tag("processor", name).description("events stored after the processor's position (upper bound)")
                     .register(registry);
            }
        });
    }

    private double safeHead() {
        try {
            return store.headPosition();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private static double position(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream()
                        .mapToLong(status -> status.getCurrentPosition().orElse(-1)).min().orElse(-1);
    }
}
