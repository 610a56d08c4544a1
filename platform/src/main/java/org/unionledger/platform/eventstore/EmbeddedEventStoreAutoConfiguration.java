package org.unionledger.platform.eventstore;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;

/**
 * The embedded mode's event store: Axon's JDBC storage engine on the configured DataSource (an H2 file by
 * default), tables created on first start, appends kept in commit order ({@link CommitOrderedJdbcEventStorageEngine}). Active only when Axon Server is switched off; with Axon Server the
 * connector supplies the event store and this steps aside.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class,
        before = {JdbcAutoConfiguration.class, AxonAutoConfiguration.class})
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(EmbeddedEventStoreProperties.class)
public class EmbeddedEventStoreAutoConfiguration {

    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          Configuration configuration,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager,
                                          EmbeddedEventStoreProperties properties) {
        CommitOrderedJdbcEventStorageEngine engine = CommitOrderedJdbcEventStorageEngine.of(JdbcEventStorageEngine.builder()
                                                              .snapshotSerializer(defaultSerializer)
                                                              .upcasterChain(configuration.upcasterChain())
                                                              .persistenceExceptionResolver(new JdbcSQLErrorCodesResolver())
                                                              .eventSerializer(eventSerializer)
                                                              .snapshotFilter(configuration.snapshotFilter())
                                                              .connectionProvider(connectionProvider)
                                                              .transactionManager(transactionManager)
                                                              .schema(new EventSchema())
                                                              .batchSize(properties.batchSize()));
        // Idempotent (CREATE TABLE IF NOT EXISTS): both sides run it against the same database.
        engine.createSchema(H2EventTableFactory.INSTANCE);
        engine.createLockTable();
        return engine;
    }

    @Bean
    EventStore eventStore(EventStorageEngine storageEngine, Configuration configuration,
                          EmbeddedEventStoreProperties properties) {
        return EmbeddedEventStore.builder()
                                 .storageEngine(storageEngine)
                                 .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                                 .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                                 .fetchDelay(properties.fetchDelay().toMillis())
                                 .cachedEvents(properties.cachedEvents())
                                 .build();
    }
}
