package com.aiassistants.common.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The one {@link Clock} of a service: the system clock, or — when
 * {@code ai-assistants.clock.start-at} is set (tests, demos, golden dialogues) — a clock that
 * starts at that instant and then runs at normal speed, so holds still expire and logs still move.
 */
@AutoConfiguration
public class ClockAutoConfiguration {

    public static final String START_AT = "ai-assistants.clock.start-at";

    @Bean
    @ConditionalOnMissingBean
    Clock clock(Environment environment) {
        String startAt = environment.getProperty(START_AT);
        if (startAt == null || startAt.isBlank()) {
            return Clock.systemUTC();
        }
        Instant start = Instant.parse(startAt);
        LoggerFactory.getLogger(ClockAutoConfiguration.class).warn("clock starts at {} ({}), not the real time", start,
                START_AT);
        return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), start));
    }
}
