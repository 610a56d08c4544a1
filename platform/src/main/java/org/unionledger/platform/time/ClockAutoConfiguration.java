package org.unionledger.platform.time;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.time.Duration;

/**
 * The one source of "now" for handlers, so tests can replace it and move time. {@code unionledger.clock.offset}
 * (for drills and tests only, default zero) shifts it, for example to see time limits pass after a restart.
 */
@AutoConfiguration
public class ClockAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock(@Value("${unionledger.clock.offset:PT0S}") Duration offset) {
        return offset.isZero() ? Clock.systemUTC() : Clock.offset(Clock.systemUTC(), offset);
    }
}
