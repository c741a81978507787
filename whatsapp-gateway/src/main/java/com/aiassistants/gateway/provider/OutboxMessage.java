package com.aiassistants.gateway.provider;

import java.time.Instant;
import java.util.UUID;

/**
 * One claimed outbox row handed to a provider. {@code lastInboundAt} is the user's latest inbound message
 * (read with the claim, for the Cloud API's 24-hour window), null when the user never wrote.
 */
public record OutboxMessage(long id, String tenantId, String toNumber, OutgoingMessage message, UUID idempotencyKey,
        int attempts, Instant lastInboundAt) {
}
