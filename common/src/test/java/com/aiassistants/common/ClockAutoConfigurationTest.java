package com.aiassistants.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import com.aiassistants.common.time.ClockAutoConfiguration;

class ClockAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ClockAutoConfiguration.class));

    @Test
    void systemClockByDefault() {
        runner.run(context -> assertThat(Duration.between(context.getBean(Clock.class).instant(), Instant.now()).abs())
                .isLessThan(Duration.ofSeconds(5)));
    }

    @Test
    void startsAtTheConfiguredInstantAndRunsOn() {
        runner.withPropertyValues("ai-assistants.clock.start-at=2026-01-12T12:00:00Z").run(context -> {
            Instant now = context.getBean(Clock.class).instant();
            assertThat(now).isBetween(Instant.parse("2026-01-12T12:00:00Z"), Instant.parse("2026-01-12T12:01:00Z"));
        });
    }
}
