package com.aiassistants.gateway.inbox;

import java.time.Instant;

import com.aiassistants.gateway.provider.InboundMessage;

/** A claimed inbox row; {@code traceParent} is the W3C traceparent of the request that stored it (null when none). */
public record InboxRow(long id, String tenantId, String provider, String providerMessageId, String fromNumber,
        String customerName, InboundMessage.Kind kind, String text, Instant sentAt, int attempts, boolean textTruncated,
        String traceParent) {

    /** The saved trace headers, for {@link com.aiassistants.common.tracing.Traces#continueFrom}. */
    public java.util.Map<String, String> traceHeaders() {
        return traceParent == null ? java.util.Map.of()
                : java.util.Map.of(com.aiassistants.common.tracing.Traces.TRACEPARENT, traceParent);
    }
}
