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
import java.util.Map;

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

    /** The message that caused an event or command: the command for its events, the event for a saga's commands. */
    @Bean
    static CorrelationDataProvider causationProvider() {
        return message -> Map.of(RequestMetadata.CAUSATION_ID, message.getIdentifier());
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
