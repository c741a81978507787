package com.aiassistants.gateway.inbox;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import com.aiassistants.common.channel.PhoneNumbers;
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

    public InboxService(InboxRepository inbox, AllowedNumbers allowedNumbers, InboxForwarder forwarder,
            GatewayMetrics metrics) {
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
        Optional<Long> id = inbox.insert(message);
        if (id.isEmpty()) {
            metrics.inbound(message.provider(), "duplicate");
            return Result.DUPLICATE;
        }
        metrics.inbound(message.provider(), "accepted");
        forwarder.wake();
        return Result.ACCEPTED;
    }
}
