package com.aiassistants.gateway.provider;

import java.util.UUID;

/** One claimed outbox row handed to a provider. */
public record OutboxMessage(long id, String tenantId, String toNumber, OutgoingMessage message, UUID idempotencyKey,
        int attempts) {
}
