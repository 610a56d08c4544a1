package org.unionledger.platform.mongo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How long the MongoDB driver waits before it gives up on an unreachable server. The driver's own default (30 s)
 * would make health checks and startup hang; a few seconds lets {@code /actuator/health} say DOWN promptly.
 *
 * @param serverSelectionTimeout how long an operation waits for a usable server
 * @param connectTimeout         how long opening a socket may take
 */
@ConfigurationProperties("unionledger.mongo")
public record UnionLedgerMongoProperties(@DefaultValue("3s") Duration serverSelectionTimeout,
                                         @DefaultValue("3s") Duration connectTimeout) {
}
