package com.aiassistants.gateway.outbox;

import java.time.Instant;
import java.util.UUID;

/** An outbox row as the console sees it. */
public record OutboxRow(long id, String tenantId, Long inboxId, String toNumber, String kind, String status,
        String providerMessageId, String deliveryStatus, String errorCode, String lastError, int attempts,
        UUID idempotencyKey, Instant createdAt, Instant sentAt) {
}
