package com.aiassistants.backend.reminder;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ai-assistants.backend.reminders.*}: how the reminder machinery runs (what a project sends is in its
 * settings, {@link com.aiassistants.backend.tenant.ReminderSettings}); backend-api's README lists them.
 *
 * @param enabled      run the planner and the sender in this instance (tests switch them off and drive them)
 * @param planInterval how often the planner reads upcoming bookings from mcp-calendar (one instance at a time)
 * @param pollInterval how often each instance claims reminders that fell due
 * @param batchSize    reminders claimed per poll
 * @param lease        a claimed reminder not finished within it (crashed instance) is taken again
 * @param maxAttempts  attempts before a reminder fails for good (the gateway refusing it fails it at once)
 * @param backoff      first retry delay after the gateway could not be reached, doubled per attempt
 * @param horizon      how far past the longest lead time bookings are planned ahead
 */
@Validated
@ConfigurationProperties("ai-assistants.backend.reminders")
public record ReminderProperties(@DefaultValue("true") boolean enabled,
        @NotNull @DefaultValue("60s") Duration planInterval,
        @NotNull @DefaultValue("5s") Duration pollInterval,
        @Min(1) @DefaultValue("20") int batchSize,
        @NotNull @DefaultValue("2m") Duration lease,
        @Min(1) @DefaultValue("6") int maxAttempts,
        @NotNull @DefaultValue("30s") Duration backoff,
        @NotNull @DefaultValue("1d") Duration horizon) {
}
