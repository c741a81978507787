package com.aiassistants.gateway.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.aiassistants.common.tracing.Traces;
import com.aiassistants.common.channel.GatewayInbound;
import com.aiassistants.common.channel.GatewayNotice;
import com.aiassistants.common.channel.OpaqueIds;
import com.aiassistants.common.channel.PhoneNumbers;
import com.aiassistants.gateway.config.GatewayProperties;
import com.aiassistants.gateway.lease.LeaseManager;
import com.aiassistants.gateway.ops.FaultInjection;
import com.aiassistants.gateway.ops.GatewayMetrics;
import com.aiassistants.gateway.outbox.OutboxRepository;
import com.aiassistants.gateway.outbox.OutboxSender;
import com.aiassistants.gateway.provider.InboundMessage;
import com.aiassistants.gateway.provider.OutgoingMessage;
import com.aiassistants.gateway.provider.ProviderType;
import com.aiassistants.gateway.queue.QueueWorker;

/**
 * Forwards each inbox row to backend-api and, in one statement, writes the reply to the outbox and
 * marks the row done. A crash before that commit leaves the row pending; its claim expires and it is
 * forwarded again, which is safe because the backend returns the first reply for a repeated message_id
 * and the outbox accepts one reply per inbox row.
 * <p>
 * No message is left unanswered in silence: media and unreadable messages get a polite answer without the
 * assistant; a message older than {@code inbound.max-message-age} gets "sorry for the delay" (or nothing, as
 * configured); a message that fails for good — the backend refuses it (4xx), or transient failures outlast
 * {@code workers.max-attempts} — gets a polite "could not process it", a log line and
 * {@code gateway.polite.replies{reason=failed}}. Only transient failures are retried.
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
    private final PoliteReplies polite;
    private final ProjectLanguages languages;
    private final Clock clock;
    private final Traces traces;

    public InboxForwarder(InboxRepository inbox, OutboxRepository outbox, OutboxSender sender, BackendClient backend,
            LeaseManager lease, FaultInjection faults, GatewayMetrics metrics, GatewayProperties properties,
            PoliteReplies polite, ProjectLanguages languages, ObjectProvider<Clock> clock, Traces traces) {
        super("inbox-forwarder", properties.workers());
        this.traces = traces;
        this.inbox = inbox;
        this.outbox = outbox;
        this.sender = sender;
        this.backend = backend;
        this.lease = lease;
        this.faults = faults;
        this.metrics = metrics;
        this.properties = properties;
        this.polite = polite;
        this.languages = languages;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Override
    protected List<InboxRow> claim(int limit) {
        return inbox.claim(lease.owner(), lease.name(), limit, settings.claimTimeout());
    }

    @Override
    protected void process(InboxRow row) {
        traces.continueFrom(row.traceHeaders(), "inbox forward", () -> {
            forward(row);
            return null;
        });
    }

    private void forward(InboxRow row) {
        MDC.put("tenantId", row.tenantId());
        MDC.put("conversationId", "whatsapp:" + PhoneNumbers.mask(row.fromNumber()));
        try {
            faults.reached(FaultInjection.Point.AFTER_INBOX_CLAIM);
            if (row.kind() == InboundMessage.Kind.NUMBER_CHANGED) {
                notice(row);
                return;
            }
            Duration age = Duration.between(row.sentAt(), clock.instant());
            if (age.compareTo(properties.inbound().maxMessageAge()) > 0) {
                stale(row, age);
                return;
            }
            boolean forAssistant = row.kind() == InboundMessage.Kind.TEXT || row.kind() == InboundMessage.Kind.INTERACTIVE;
            if (forAssistant && !forwardable(row)) {
                failForGood(row, "message id or reply id is not an opaque id (" + OpaqueIds.RULE + ")", "invalid_ids");
                return;
            }
            OutgoingMessage reply = switch (row.kind()) {
                case MEDIA -> politely(row, PoliteReplies.Reason.MEDIA);
                case UNREADABLE -> politely(row, PoliteReplies.Reason.UNREADABLE);
                case NUMBER_CHANGED -> throw new IllegalStateException("a notice is not answered");
                case TEXT, INTERACTIVE -> assistant(row);
            };
            close(row, reply);
        } catch (BackendClient.BackendException e) {
            fail(row, e.getMessage(), e.retryable());
        } catch (RuntimeException e) {
            fail(row, e.toString(), true);
        } finally {
            MDC.remove("tenantId");
            MDC.remove("conversationId");
        }
    }

    /**
     * A changed number goes to backend-api as a notice (staff see it on the customer's page), whatever its age; nothing
     * is sent to the user. Transient failures are retried like a message's; a refused notice fails without a reply.
     */
    private void notice(InboxRow row) {
        try {
            backend.notice(row.tenantId(), GatewayNotice.numberChanged(row.providerMessageId(), row.fromNumber(),
                    row.text(), row.sentAt().atOffset(ZoneOffset.UTC).toString()));
            close(row, null);
        } catch (BackendClient.BackendException e) {
            if (e.retryable() && row.attempts() < settings.maxAttempts()) {
                metrics.retry("forward", "backend");
                log.warn("notice inbox row {} failed (attempt {}), retrying: {}", row.id(), row.attempts(), e.getMessage());
                inbox.reschedule(row.id(), lease.owner(), settings.backoff(row.attempts()), e.getMessage());
            } else {
                log.error("notice inbox row {} ({}: {} changed their number to {}) failed for good after {} attempts: {};"
                        + " still listed at /admin/tenants/{}/inbox/notices", row.id(), row.providerMessageId(),
                        PhoneNumbers.mask(row.fromNumber()), PhoneNumbers.mask(row.text()), row.attempts(), e.getMessage(),
                        row.tenantId());
                metrics.inbound(provider(row), "forward_failed");
                inbox.markFailed(row.id(), lease.owner(), e.getMessage());
            }
        }
    }

    /** The assistant's reply (null = it stays silent, e.g. during a human take-over), with the long-text note. */
    private OutgoingMessage assistant(InboxRow row) throws BackendClient.BackendException {
        OutgoingMessage reply = OutgoingMessage.of(backend.forward(row.tenantId(), request(row)));
        if (reply != null && row.textTruncated()) {
            reply = reply.withText(polite.truncatedNote(languages.of(row.tenantId())) + "\n\n" + reply.text());
        }
        return reply;
    }

    private static boolean forwardable(InboxRow row) {
        return OpaqueIds.isValid(row.providerMessageId())
                && (row.kind() != InboundMessage.Kind.INTERACTIVE || OpaqueIds.isValid(row.text()));
    }

    private OutgoingMessage politely(InboxRow row, PoliteReplies.Reason reason) {
        metrics.politeReply(reason.name().toLowerCase());
        return OutgoingMessage.text(polite.text(reason, languages.of(row.tenantId())));
    }

    private void stale(InboxRow row, Duration age) {
        log.warn("inbox row {} ({}) was sent {} ago, more than inbound.max-message-age {}: not given to the assistant ({})",
                row.id(), row.providerMessageId(), age.withNanos(0), properties.inbound().maxMessageAge(),
                properties.inbound().staleMessages() == GatewayProperties.Inbound.StalePolicy.APOLOGIZE
                        ? "apologising" : "no answer");
        metrics.inbound(provider(row), "stale");
        OutgoingMessage reply = properties.inbound().staleMessages() == GatewayProperties.Inbound.StalePolicy.APOLOGIZE
                ? politely(row, PoliteReplies.Reason.STALE) : null;
        close(row, reply);
    }

    private void close(InboxRow row, OutgoingMessage reply) {
        boolean done = reply == null ? inbox.markDone(row.id(), lease.owner())
                : outbox.insertReplyClosingInbound(row.id(), lease.owner(), reply);
        if (done) {
            if (reply != null) {
                sender.wake();
            }
        } else {
            log.warn("inbox row {} was taken over by another worker; its reply was discarded", row.id());
        }
    }

    private void fail(InboxRow row, String error, boolean retryable) {
        if (retryable && row.attempts() < settings.maxAttempts()) {
            metrics.retry("forward", "backend");
            log.warn("forwarding inbox row {} failed (attempt {}), retrying: {}", row.id(), row.attempts(), error);
            inbox.reschedule(row.id(), lease.owner(), settings.backoff(row.attempts()), error);
        } else {
            failForGood(row, error, retryable ? "attempts_exhausted" : "refused");
        }
    }

    /** The end of a message that can never be answered by the assistant: a polite reply, a metric, a log line. */
    private void failForGood(InboxRow row, String error, String cause) {
        log.error("inbox row {} ({}) from {} failed for good after {} attempts ({}): {}; answering politely", row.id(),
                row.providerMessageId(), PhoneNumbers.mask(row.fromNumber()), row.attempts(), cause, error);
        metrics.inbound(provider(row), "forward_failed");
        metrics.politeReply("failed");
        OutgoingMessage reply = OutgoingMessage.text(polite.text(PoliteReplies.Reason.FAILED, languages.of(row.tenantId())));
        if (outbox.insertReplyFailingInbound(row.id(), lease.owner(), reply, error)) {
            sender.wake();
        }
    }

    private static ProviderType provider(InboxRow row) {
        return ProviderType.valueOf(row.provider().toUpperCase());
    }

    private GatewayInbound request(InboxRow row) {
        return GatewayInbound.of(row.providerMessageId(), row.fromNumber(), row.text(),
                row.sentAt().atOffset(ZoneOffset.UTC).toString(), row.customerName(),
                row.kind() == InboundMessage.Kind.INTERACTIVE ? row.text() : null);
    }
}
