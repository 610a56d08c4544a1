package org.unionledger.query.audit.checkpoint;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.unionledger.platform.audit.CheckpointStore;

/** Scheduling for the checkpoint job, and the checkpoints' store in the read-model database. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CheckpointConfiguration {

    @Bean
    CheckpointStore checkpointStore(MongoTemplate mongo) {
        return new CheckpointStore(mongo.getDb());
    }
}
