package org.unionledger.platform.axon;

import org.axonframework.actuator.axonserver.AxonServerHealthIndicator;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.config.ConfigurerModule;
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
     * Every event processor is a pooled streaming processor with few segments. Axon's default of 16 segments means
     * 16 token documents copied on each claim cycle, which costs more than it gains on small machines.
     */
    @Bean
    ConfigurerModule pooledStreamingProcessorDefaults(ProcessorProperties properties) {
        return configurer -> configurer.eventProcessing(processing -> processing.usingPooledStreamingEventProcessors(
                (configuration, builder) -> builder.initialSegmentCount(properties.initialSegmentCount())
                                                   .batchSize(properties.batchSize())
                                                   .maxClaimedSegments(properties.initialSegmentCount())));
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
