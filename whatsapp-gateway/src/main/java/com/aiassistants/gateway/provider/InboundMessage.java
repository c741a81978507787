package com.aiassistants.gateway.provider;

import java.time.Instant;

/** A message a user sent, as any provider reports it. {@code text} holds the body or the interactive reply. */
public record InboundMessage(String tenantId, ProviderType provider, String providerMessageId, String fromNumber,
        String customerName, Kind kind, String text, Instant sentAt) {

    public enum Kind { TEXT, INTERACTIVE, MEDIA }
}
