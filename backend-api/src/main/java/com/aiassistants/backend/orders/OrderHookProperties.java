package com.aiassistants.backend.orders;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ai-assistants.backend.orders.*}: how the projects' orders and claims hooks are called (each project's URL
 * and secret are its own settings); backend-api's README lists them.
 *
 * @param timeout    to connect and to answer, per attempt (the patient is waiting for the reply)
 * @param retries    further attempts after a 5xx, a timeout or an I/O error (never after a 4xx)
 * @param backoff    wait before the first retry, doubled per retry
 * @param allowLocal also accept {@code http://localhost} / {@code http://127.0.0.1} hook URLs and hosts that resolve to
 *                   private addresses (the {@code local} profile and tests); otherwise only https to public hosts
 */
@Validated
@ConfigurationProperties("ai-assistants.backend.orders")
public record OrderHookProperties(@NotNull @DefaultValue("3s") Duration timeout,
        @Min(0) @Max(5) @DefaultValue("2") int retries,
        @NotNull @DefaultValue("200ms") Duration backoff,
        @DefaultValue("false") boolean allowLocal) {
}
