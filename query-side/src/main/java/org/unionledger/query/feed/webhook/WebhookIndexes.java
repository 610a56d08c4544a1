package org.unionledger.query.feed.webhook;

import com.mongodb.client.model.Indexes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.unionledger.platform.mongo.IndexDeclaration;

/** Due subscriptions are found by status and time, parked deliveries by subscription (the embedded server scans). */
@Configuration(proxyBeanMethods = false)
class WebhookIndexes {

    @Bean
    IndexDeclaration dueSubscriptions() {
        return IndexDeclaration.of(WebhookStore.SUBSCRIPTIONS, Indexes.ascending("status", "nextAttemptAt"));
    }

    @Bean
    IndexDeclaration parkedBySubscription() {
        return IndexDeclaration.of(WebhookStore.PARKED, Indexes.ascending("subscriptionId", "position"));
    }
}
