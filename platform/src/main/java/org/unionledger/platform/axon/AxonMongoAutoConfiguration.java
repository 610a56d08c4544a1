package org.unionledger.platform.axon;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.EventProcessorProperties;
import org.axonframework.springboot.TokenStoreProperties;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.axonframework.springboot.util.DeadLetterQueueProviderConfigurerModule;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.unionledger.platform.mongo.IndexDeclaration;
import org.unionledger.platform.mongo.MongoIndexes;

import java.time.Clock;

/**
 * Axon's tracking tokens, sagas and dead letters in MongoDB, through the axon-mongo extension. The extension's
 * own Spring Boot starter is not published for 4.12.0, so this is the small part of it the project needs.
 * Events never go to MongoDB: the event store is Axon Server or the JDBC engine.
 * <p>
 * Indexes are not created while building these components, because that would block startup (and fail it)
 * whenever MongoDB is unreachable; they are declared for {@link MongoIndexes}, which creates them once MongoDB
 * answers, and each
 * dead-letter queue (whose constructor insists on creating its indexes) is built on first use.
 */
@AutoConfiguration(after = MongoAutoConfiguration.class,
        before = {JdbcAutoConfiguration.class, AxonAutoConfiguration.class})
@ConditionalOnClass({MongoTokenStore.class, MongoClient.class})
@ConditionalOnBean(MongoClient.class)
@EnableConfigurationProperties({TokenStoreProperties.class, EventProcessorProperties.class})
public class AxonMongoAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(MongoTemplate.class)
    MongoTemplate axonMongoTemplate(MongoClient client, MongoProperties properties) {
        return DefaultMongoTemplate.builder()
                                   .mongoDatabase(client, properties.getMongoClientDatabase())
                                   .build();
    }

    @Bean
    @ConditionalOnMissingBean(TokenStore.class)
    TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer, TokenStoreProperties properties) {
        return new FreshClaimTokenStore(MongoTokenStore.builder()
                                                       .mongoTemplate(axonMongoTemplate)
                                                       .serializer(serializer)
                                                       .claimTimeout(properties.getClaimTimeout())
                                                       .ensureIndexes(false)
                                                       .build(),
                properties.getClaimTimeout(), Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean(SagaStore.class)
    SagaStore<Object> sagaStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return MongoSagaStore.builder()
                             .mongoTemplate(axonMongoTemplate)
                             .serializer(serializer)
                             .build();
    }

    /** A Mongo dead-letter queue for each processing group whose {@code dlq.enabled} property is true. */
    @Bean
    @ConditionalOnMissingBean(DeadLetterQueueProviderConfigurerModule.class)
    DeadLetterQueueProviderConfigurerModule mongoDeadLetterQueueProvider(
            EventProcessorProperties eventProcessorProperties,
            MongoTemplate axonMongoTemplate,
            @Qualifier("eventSerializer") Serializer eventSerializer) {
        return new DeadLetterQueueProviderConfigurerModule(
                eventProcessorProperties,
                processingGroup -> configuration -> new LazyDeadLetterQueue<>(
                        () -> MongoSequencedDeadLetterQueue.builder()
                                                           .processingGroup(processingGroup)
                                                           .mongoTemplate(axonMongoTemplate)
                                                           .serializer(eventSerializer)
                                                           .build()));
    }

    /** The unique token index keeps two nodes from claiming the same segment twice. */
    @Bean
    IndexDeclaration axonTokenIndex() {
        return new IndexDeclaration("trackingtokens", Indexes.ascending("processorName", "segment"),
                new IndexOptions().unique(true));
    }

    @Bean
    IndexDeclaration axonSagaIndex() {
        return IndexDeclaration.of("sagas", Indexes.ascending("sagaType", "associations.key", "associations.value"));
    }

    @Bean
    IndexDeclaration axonDeadLetterIndex() {
        return IndexDeclaration.of("deadletters", Indexes.ascending("processingGroup", "sequenceIdentifier", "index"));
    }
}
