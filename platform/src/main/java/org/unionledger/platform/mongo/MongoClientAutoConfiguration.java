package org.unionledger.platform.mongo;

import com.mongodb.MongoClientSettings;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.util.concurrent.TimeUnit;

/** Bounds the MongoDB driver's waits so that an unreachable server shows as DOWN instead of a hang. */
@AutoConfiguration(before = MongoAutoConfiguration.class)
@ConditionalOnClass(MongoClientSettings.class)
@EnableConfigurationProperties(UnionLedgerMongoProperties.class)
public class MongoClientAutoConfiguration {

    @Bean
    MongoClientSettingsBuilderCustomizer unionLedgerMongoTimeouts(UnionLedgerMongoProperties properties) {
        return settings -> settings
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(
                        properties.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(
                        (int) properties.connectTimeout().toMillis(), TimeUnit.MILLISECONDS));
    }
}
