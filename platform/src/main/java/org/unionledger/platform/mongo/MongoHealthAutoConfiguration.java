package org.unionledger.platform.mongo;

import com.mongodb.client.MongoClient;
import org.springframework.boot.actuate.autoconfigure.data.mongo.MongoHealthContributorAutoConfiguration;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.context.annotation.Bean;

import java.util.List;

/** MongoDB health by {@code ping} (replacing Spring Boot's indicator of the same name), and declared indexes. */
@AutoConfiguration(after = MongoAutoConfiguration.class, before = MongoHealthContributorAutoConfiguration.class)
@ConditionalOnClass({HealthIndicator.class, MongoClient.class})
@ConditionalOnBean(MongoClient.class)
public class MongoHealthAutoConfiguration {

    @Bean
    MongoIndexes mongoIndexes(MongoClient client, MongoProperties properties, List<IndexDeclaration> declarations) {
        return new MongoIndexes(client.getDatabase(properties.getMongoClientDatabase()), declarations);
    }

    @Bean
    HealthIndicator mongoHealthIndicator(MongoClient client, MongoProperties properties) {
        return new MongoPingHealthIndicator(client, properties.getMongoClientDatabase());
    }
}
