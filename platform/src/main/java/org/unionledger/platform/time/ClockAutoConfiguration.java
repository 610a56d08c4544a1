package org.unionledger.platform.time;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

/**
 * The one source of "now" for handlers, so tests can replace it and move time. Its zone
 * ({@code unionledger.clock.zone}, default {@code Asia/Ho_Chi_Minh}) decides what "today" and "this month" are, so
 * a member joining at 06:00 in Hanoi joins today, not tomorrow in UTC; instants are unaffected. {@code unionledger.clock.offset}
 * (for drills and tests only, default zero) shifts it, for example to see time limits pass after a restart.
 */
@AutoConfiguration
public class ClockAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock(@Value("${unionledger.clock.offset:PT0S}") Duration offset,
                @Value("${unionledger.clock.zone:Asia/Ho_Chi_Minh}") ZoneId zone) {
        Clock system = Clock.system(zone);
        return offset.isZero() ? system : Clock.offset(system, offset);
    }
}
