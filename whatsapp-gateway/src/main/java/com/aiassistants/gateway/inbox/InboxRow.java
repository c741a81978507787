package com.aiassistants.gateway.inbox;

import java.time.Instant;

import com.aiassistants.gateway.provider.InboundMessage;

/** A claimed inbox row. */
public record InboxRow(long id, String tenantId, String provider, String providerMessageId, String fromNumber,
        String customerName, InboundMessage.Kind kind, String text, Instant sentAt, int attempts, boolean textTruncated) {
}
