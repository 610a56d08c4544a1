package org.unionledger.command.dues;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the dues rate table from {@code unionledger.dues.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DuesSchedule.class)
class DuesConfiguration {
}
