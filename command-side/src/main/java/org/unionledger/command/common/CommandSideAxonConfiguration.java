package org.unionledger.command.common;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** Request metadata on every command and its events; refusals translated the same way in both modes. */
@Configuration(proxyBeanMethods = false)
class CommandSideAxonConfiguration {

    @Bean
    static RequestMetadata requestMetadata(Clock clock) {
        return new RequestMetadata(clock);
    }

    /** Correlation and causation IDs (Axon's message origin). */
    @Bean
    static CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    /** Actor, request time and idempotency key travel from the command to its events. */
    @Bean
    static CorrelationDataProvider requestMetadataProvider() {
        return new SimpleCorrelationDataProvider(RequestMetadata.KEYS.toArray(String[]::new));
    }

    @Autowired
    void registerInterceptors(CommandGateway commandGateway, CommandBus commandBus, RequestMetadata requestMetadata) {
        commandGateway.registerDispatchInterceptor(requestMetadata);
        commandBus.registerHandlerInterceptor(new RuleViolationTranslator());
    }
}
