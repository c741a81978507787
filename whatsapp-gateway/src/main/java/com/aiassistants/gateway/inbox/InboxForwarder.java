package com.aiassistants.gateway.inbox;

import java.time.ZoneOffset;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

import com.aiassistants.common.channel.GatewayInbound;
import com.aiassistants.common.channel.PhoneNumbers;
import com.aiassistants.gateway.config.GatewayProperties;
import com.aiassistants.gateway.lease.LeaseManager;
import com.aiassistants.gateway.ops.FaultInjection;
import com.aiassistants.gateway.ops.GatewayMetrics;
import com.aiassistants.gateway.outbox.OutboxRepository;
import com.aiassistants.gateway.outbox.OutboxSender;
import com.aiassistants.gateway.provider.InboundMessage;
import com.aiassistants.gateway.provider.OutgoingMessage;
import com.aiassistants.gateway.queue.QueueWorker;

/**
 * Forwards each inbox row to backend-api and, in one statement, writes the reply to the outbox and
 * marks the row done. A crash before that commit leaves the row pending; its claim expires and it is
 * forwarded again, which is safe because the backend returns the first reply for a repeated message_id
 * and the outbox accepts one reply per inbox row.
 */
@Component
public class InboxForwarder extends QueueWorker<InboxRow> {

    private static final Logger log = LoggerFactory.getLogger(InboxForwarder.class);

    private final InboxRepository inbox;
    private final OutboxRepository outbox;
    private final OutboxSender sender;
    private final BackendClient backend;
    private final LeaseManager lease;
    private final FaultInjection faults;
    private final GatewayMetrics metrics;
    private final GatewayProperties properties;

    public InboxForwarder(InboxRepository inbox, OutboxRepository outbox, OutboxSender sender, BackendClient backend,
            LeaseManager lease, FaultInjection faults, GatewayMetrics metrics,
            GatewayProperties properties) {
        super("inbox-forwarder", properties.workers());
        this.inbox = inbox;
        this.outbox = outbox;
        this.sender = sender;
        this.backend = backend;
        this.lease = lease;
        this.faults = faults;
        this.metrics = metrics;
        this.properties = properties;
    }

    @Override
    protected List<InboxRow> claim(int limit) {
        return inbox.claim(lease.owner(), lease.name(), limit, settings.claimTimeout());
    }

    @Override
    protected void process(InboxRow row) {
        MDC.put("tenantId", row.tenantId());
        MDC.put("conversationId", "whatsapp:" + PhoneNumbers.mask(row.fromNumber()));
        try {
            faults.reached(FaultInjection.Point.AFTER_INBOX_CLAIM);
            OutgoingMessage reply = row.kind() == InboundMessage.Kind.MEDIA
                    ? OutgoingMessage.text(properties.mediaReplyText())
                    : OutgoingMessage.of(backend.forward(row.tenantId(), request(row)));
            boolean done = reply == null ? inbox.markDone(row.id(), lease.owner())
                    : outbox.insertReplyClosingInbound(row.id(), lease.owner(), reply);
            if (done) {
                if (reply != null) {
                    sender.wake();
                }
            } else {
                log.warn("inbox row {} was taken over by another worker; its reply was discarded", row.id());
            }
        } catch (BackendClient.BackendException e) {
            fail(row, e.getMessage(), e.retryable());
        } catch (RuntimeException e) {
            fail(row, e.toString(), true);
        } finally {
            MDC.remove("tenantId");
            MDC.remove("conversationId");
        }
    }

    private void fail(InboxRow row, String error, boolean retryable) {
        if (retryable && row.attempts() < settings.maxAttempts()) {
            metrics.retry("forward", "backend");
            log.warn("forwarding inbox row {} failed (attempt {}), retrying: {}", row.id(), row.attempts(), error);
            inbox.reschedule(row.id(), lease.owner(), settings.backoff(row.attempts()), error);
        } else {
            log.error("forwarding inbox row {} failed for good after {} attempts: {}", row.id(), row.attempts(), error);
            metrics.inbound(com.aiassistants.gateway.provider.ProviderType.valueOf(row.provider().toUpperCase()),
                    "forward_failed");
            inbox.markFailed(row.id(), lease.owner(), error);
        }
    }

    private GatewayInbound request(InboxRow row) {
        return GatewayInbound.of(row.providerMessageId(), row.fromNumber(), row.text(),
                row.sentAt().atOffset(ZoneOffset.UTC).toString(), row.customerName(),
                row.kind() == com.aiassistants.gateway.provider.InboundMessage.Kind.INTERACTIVE ? row.text() : null);
    }
}
