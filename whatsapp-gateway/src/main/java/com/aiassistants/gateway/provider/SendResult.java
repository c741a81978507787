package com.aiassistants.gateway.provider;

/** A provider accepted the message; {@code sentKind} differs from the requested kind when e.g. a template replaced it. */
public record SendResult(String providerMessageId, OutgoingMessage.Kind sentKind) {
}
