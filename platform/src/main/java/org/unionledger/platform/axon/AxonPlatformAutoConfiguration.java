package org.unionledger.platform.axon;

import org.axonframework.actuator.axonserver.AxonServerHealthIndicator;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.springboot.autoconfig.AxonServerActuatorAutoConfiguration;
import org.axonframework.springboot.autoconfig.AxonServerAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Project-wide Axon defaults: event processor shape, and Axon Server health that does not over-report. */
@AutoConfiguration(after = AxonServerAutoConfiguration.class, before = AxonServerActuatorAutoConfiguration.class)
@EnableConfigurationProperties(ProcessorProperties.class)
public class AxonPlatformAutoConfiguration {

    /**
     * Every event processor is a tracking processor with one segment and one thread unless configured otherwise.
     * Tracking rather than pooled streaming: a pooled streaming processor initialises its token store inside
     * {@code start()} and fails the application's startup when MongoDB is unreachable, whereas a tracking processor
     * claims its segments in its own thread and retries, so the service comes up and reports MongoDB DOWN.
     */
    @Bean
    ConfigurerModule trackingProcessorDefaults(ProcessorProperties properties) {
        return configurer -> configurer.eventProcessing(processing -> processing
                // A failing handler stops its processor's progress and is retried, instead of being logged and
                // skipped (Axon's default), so no effect is silently dropped. Groups with a dead-letter queue
                // park the failing event instead and go on with other aggregates.
                .registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance())
                // Tokens (MongoDB) and the read models (MongoDB) share no transaction. Given a transaction manager
                // (Spring's, for the JDBC data source), a tracking processor stores a batch's token *before*
                // handling it, assuming the store rolls back with a failure; here the token would stay, and a
                // batch that failed, or was cut short by a crash, would be skipped on retry. Without one, it
                // stores the token after the batch: every event is handled at least once, which the idempotent
                // handlers make exactly once in effect.
                .registerDefaultTransactionManager(configuration -> NoTransactionManager.instance())
                .usingTrackingEventProcessors()
                .registerTrackingEventProcessorConfiguration(configuration -> TrackingEventProcessorConfiguration
                        .forParallelProcessing(properties.threadCount())
                        .andInitialSegmentsCount(properties.initialSegmentCount())
                        .andBatchSize(properties.batchSize())));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({AxonServerConnectionManager.class, AxonServerHealthIndicator.class})
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true", matchIfMissing = true)
    static class AxonServerHealth {

        @Bean
        @ConditionalOnBean(AxonServerConnectionManager.class)
        AxonServerHealthIndicator axonServerHealthIndicator(AxonServerConnectionManager connectionManager) {
            return new StrictAxonServerHealthIndicator(connectionManager);
        }
    }
}
