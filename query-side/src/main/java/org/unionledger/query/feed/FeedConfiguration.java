package org.unionledger.query.feed;

import com.fasterxml.jackson.databind.Module;
import io.cloudevents.jackson.JsonFormat;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The feed's settings, and CloudEvents JSON (structured mode) on the application's ObjectMapper. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FeedProperties.class)
class FeedConfiguration {

    @Bean
    Module cloudEventsJsonModule() {
        return JsonFormat.getCloudEventJacksonModule();
    }
}
