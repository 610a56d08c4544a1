package org.unionledger.command.common;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
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

    /**
     * Correlation and causation, named as auditors expect: {@code correlationId} is the request that started the
     * whole chain (kept through sagas), {@code causationId} the message that directly caused this one. Replaces
     * Axon's default provider, whose {@code correlationId} is the parent message and {@code traceId} the root.
     */
    @Bean
    static CorrelationDataProvider correlationAndCausation() {
        return message -> Map.of(
                RequestMetadata.CORRELATION_ID,
                message.getMetaData().getOrDefault(RequestMetadata.CORRELATION_ID, message.getIdentifier()),
                RequestMetadata.CAUSATION_ID, message.getIdentifier());
    }

    /** Actor and request time travel on, from the command to its events and on to whatever those cause. */
    @Bean
    static CorrelationDataProvider requestMetadataProvider() {
        return new SimpleCorrelationDataProvider(RequestMetadata.ACTOR, RequestMetadata.REQUESTED_AT);
    }

    /**
     * The idempotency key goes only onto the events of the command that carried it, not onto commands a saga sends
     * in reaction, which are other requests.
     */
    @Bean
    static CorrelationDataProvider idempotencyKeyProvider() {
        return message -> message instanceof CommandMessage<?> && message.getMetaData().containsKey(RequestMetadata.IDEMPOTENCY_KEY)
                ? Map.of(RequestMetadata.IDEMPOTENCY_KEY, message.getMetaData().get(RequestMetadata.IDEMPOTENCY_KEY))
                : Map.of();
    }

    @Autowired
    void registerInterceptors(CommandGateway commandGateway, CommandBus commandBus, RequestMetadata requestMetadata) {
        commandGateway.registerDispatchInterceptor(requestMetadata);
        commandBus.registerHandlerInterceptor(new RuleViolationTranslator());
    }
}
