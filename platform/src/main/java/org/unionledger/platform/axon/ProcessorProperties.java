package org.unionledger.platform.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Defaults for every event processor that its own {@code axon.eventhandling.processors.<name>.*} settings leave
 * open.
 *
 * @param initialSegmentCount segments a processor's token is split into when it first starts
 * @param threadCount         threads per processor (each claims segments)
 * @param batchSize           events handled in one unit of work (and one token update)
 */
@ConfigurationProperties("unionledger.processors")
public record ProcessorProperties(@DefaultValue("1") int initialSegmentCount,
                                  @DefaultValue("1") int threadCount,
                                  @DefaultValue("100") int batchSize) {
}
