package org.unionledger.platform.audit;

import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.autoconfig.AxonServerAutoConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.unionledger.platform.eventstore.EmbeddedEventStoreAutoConfiguration;

import javax.sql.DataSource;

/**
 * The audit trail's plumbing in both storage modes: the interceptor that chains every appended event's hash, raw
 * read access to the stored events, and the verifier over them.
 */
@AutoConfiguration(after = {EmbeddedEventStoreAutoConfiguration.class, AxonServerAutoConfiguration.class})
public class AuditAutoConfiguration {

    static final int SCAN_BATCH = 1_000;

    /** Registered on the event store itself: aggregates publish there directly, not through the event gateway. */
    @Bean
    @ConditionalOnBean(EventStore.class)
    EventChainInterceptor eventChainInterceptor(EventStore eventStore,
                                                @Qualifier("eventSerializer") Serializer eventSerializer) {
        EventChainInterceptor interceptor = new EventChainInterceptor(eventStore, eventSerializer);
        eventStore.registerDispatchInterceptor(interceptor);
        return interceptor;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
    static class Embedded {
        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnBean(DataSource.class)
        StoredEvents storedEvents(DataSource dataSource) {
            return new JdbcStoredEvents(dataSource, SCAN_BATCH);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true", matchIfMissing = true)
    static class OnAxonServer {
        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnBean(AxonServerConnectionManager.class)
        StoredEvents storedEvents(AxonServerConnectionManager connections) {
            return new AxonServerStoredEvents(connections, SCAN_BATCH);
        }
    }

    @Bean
    @ConditionalOnBean(StoredEvents.class)
    ChainVerifier chainVerifier(StoredEvents storedEvents) {
        return new ChainVerifier(storedEvents);
    }
}
