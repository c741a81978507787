package com.aiassistants.gateway.inbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import com.aiassistants.common.channel.PhoneNumbers;
import com.aiassistants.gateway.ops.GatewayEvents;
import com.aiassistants.gateway.ops.GatewayMetrics;
import com.aiassistants.gateway.provider.InboundMessage;
import com.aiassistants.gateway.provider.InboundSink;

/**
 * Entry point for every inbound message: filter, commit to the inbox (deduplicated), wake the
 * forwarder. When {@link #accept} returns, the message is durable and the provider may be acknowledged.
 */
@Service
public class InboxService implements InboundSink {

    private static final Logger log = LoggerFactory.getLogger(InboxService.class);

    private final InboxRepository inbox;
    private final AllowedNumbers allowedNumbers;
    private final InboxForwarder forwarder;
    private final GatewayMetrics metrics;
    private final GatewayEvents events;

    public InboxService(InboxRepository inbox, AllowedNumbers allowedNumbers, InboxForwarder forwarder,
            GatewayMetrics metrics, GatewayEvents events) {
        this.events = events;
        this.inbox = inbox;
        this.allowedNumbers = allowedNumbers;
        this.forwarder = forwarder;
        this.metrics = metrics;
    }

    @Override
    public Result accept(InboundMessage message) {
        if (!allowedNumbers.allows(message.tenantId(), message.fromNumber())) {
            log.info("ignoring message from {} (not in the allowed numbers of {})", PhoneNumbers.mask(message.fromNumber()),
                    message.tenantId());
            metrics.inbound(message.provider(), "not_allowed");
            return Result.NOT_ALLOWED;
        }
        if (message.kind() == InboundMessage.Kind.NUMBER_CHANGED) {
            return numberChanged(message);
        }
        Optional<Long> id = inbox.insert(message);
        if (id.isEmpty()) {
            metrics.inbound(message.provider(), "duplicate");
            return Result.DUPLICATE;
        }
        metrics.inbound(message.provider(), "accepted");
        forwarder.wake();
        return Result.ACCEPTED;
    }

    /**
     * A user now writes from another number: queued like a message (so it survives a crash and is retried) but, instead
     * of reaching the assistant, given to backend-api as a notice, which records it on both numbers' customer pages for
     * staff; logged and pushed on {@code /admin/ws}. The conversation, memory and bookings stay under the old number
     * (backend-api and mcp-calendar key them by it and offer no move); staff decide, e.g. by telling the user.
     */
    private Result numberChanged(InboundMessage message) {
        Optional<Long> id = inbox.insert(message);
        if (id.isEmpty()) {
            metrics.inbound(message.provider(), "duplicate");
            return Result.DUPLICATE;
        }
        log.warn("user {} changed their number to {} (inbox {}): their conversation, memory and bookings stay under the"
                + " old number; shown to staff on the customer's page and at /admin/tenants/{}/inbox/notices",
                PhoneNumbers.mask(message.fromNumber()), PhoneNumbers.mask(message.text()), id.get(), message.tenantId());
        metrics.inbound(message.provider(), "number_changed");
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "notice");
        event.put("kind", "number_changed");
        event.put("tenant_id", message.tenantId());
        event.put("inbox_id", id.get());
        event.put("from_number", message.fromNumber());
        event.put("new_number", message.text());
        events.publish(event);
        forwarder.wake();
        return Result.ACCEPTED;
    }
}
