package com.aiassistants.backend.linkaccess;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ai-assistants.backend.link-accesses.*}: delivering activation-link accesses to mcp-booking-log (backend-api's
 * README lists them).
 *
 * @param relayEnabled run the relay in this instance (tests switch it off and drive it)
 * @param pollInterval how often the outbox is looked at for due accesses
 * @param batchSize    accesses claimed per round
 * @param retryInitial first delay after a failed delivery, doubled per attempt
 * @param retryMax     longest delay between attempts
 */
@Validated
@ConfigurationProperties("ai-assistants.backend.link-accesses")
public record LinkAccessProperties(@DefaultValue("true") boolean relayEnabled,
        @NotNull @DefaultValue("1s") Duration pollInterval,
        @Min(1) @DefaultValue("50") int batchSize,
        @NotNull @DefaultValue("1s") Duration retryInitial,
        @NotNull @DefaultValue("1m") Duration retryMax) {
}
