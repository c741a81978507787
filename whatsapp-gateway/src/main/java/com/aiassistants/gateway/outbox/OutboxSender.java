package com.aiassistants.gateway.outbox;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

import com.aiassistants.common.channel.PhoneNumbers;
import com.aiassistants.gateway.config.GatewayProperties;
import com.aiassistants.gateway.inbox.ProjectLanguages;
import com.aiassistants.gateway.lease.LeaseManager;
import com.aiassistants.gateway.ops.FaultInjection;
import com.aiassistants.gateway.ops.GatewayEvents;
import com.aiassistants.gateway.ops.GatewayMetrics;
import com.aiassistants.gateway.provider.OutboxMessage;
import com.aiassistants.gateway.provider.OutgoingMessage;
import com.aiassistants.gateway.provider.ProviderRegistry;
import com.aiassistants.gateway.provider.SendException;
import com.aiassistants.gateway.provider.SendResult;
import com.aiassistants.gateway.provider.WhatsAppLimits;
import com.aiassistants.gateway.provider.WhatsAppProvider;
import com.aiassistants.gateway.queue.QueueWorker;
import com.aiassistants.gateway.throttle.SendThrottle;
import com.aiassistants.gateway.throttle.ThrottleVerdict;

import io.micrometer.core.instrument.Timer;

/**
 * Drains the outbox: claim (status {@code sending}, committed) → provider → record the provider's
 * message id and {@code sent} in one statement. Retryable failures (429, 5xx, connection refused) are
 * rescheduled with exponential backoff; 4xx fail at once. A row found still {@code sending} after its
 * claim expired had an unknown outcome (crash or timeout mid-send): it is re-sent only when the
 * provider dedupes on our idempotency key, otherwise it is marked {@code unknown} (at-most-once).
 * Before the provider is called, {@link SendThrottle} may hold the message back: it is then rescheduled
 * for when the bucket refills, without counting an attempt and without blocking a worker; being its
 * user's oldest open row, it keeps the user's later messages behind it.
 */
@Component
public class OutboxSender extends QueueWorker<OutboxMessage> {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final OutboxRepository outbox;
    private final ProviderRegistry providers;
    private final LeaseManager lease;
    private final FaultInjection faults;
    private final GatewayMetrics metrics;
    private final GatewayEvents events;
    private final SendThrottle throttle;
    private final ProjectLanguages languages;
    /** {@link System#nanoTime()} of the next look for stale {@code sending} rows (the claim loop runs per message). */
    private long nextStaleCheck = System.nanoTime();

    public OutboxSender(OutboxRepository outbox, ProviderRegistry providers, LeaseManager lease, FaultInjection faults,
            GatewayMetrics metrics, GatewayEvents events, SendThrottle throttle, GatewayProperties properties,
            ProjectLanguages languages) {
        this.languages = languages;
        super("outbox-sender", properties.workers());
        this.outbox = outbox;
        this.providers = providers;
        this.lease = lease;
        this.faults = faults;
        this.metrics = metrics;
        this.events = events;
        this.throttle = throttle;
    }

    /** At most once per poll interval: a claim lasts {@code claim-timeout}, so stale rows cannot appear faster. */
    @Override
    protected void beforeClaim() {
        long now = System.nanoTime();
        if (now - nextStaleCheck < 0) {
            return;
        }
        nextStaleCheck = now + settings.pollInterval().toNanos();
        for (OutboxRepository.StaleRow stale : outbox.staleSending(100)) {
            long id = stale.id();
            WhatsAppProvider provider = providers.forTenant(stale.tenantId());
            if (provider.idempotentResend()) {
                if (outbox.requeueStale(id)) {
                    log.warn("outbox {}: outcome unknown, re-sending with the same idempotency key ({} dedupes)", id,
                            provider.type().id());
                    metrics.retry("send", "unknown_outcome");
                }
            } else if (outbox.abandonStale(id)) {
                log.warn("outbox {}: outcome unknown and {} cannot dedupe a re-send: not re-sent (at-most-once)", id,
                        provider.type().id());
                metrics.outbound(provider.type().id(), "unknown");
            }
        }
    }

    @Override
    protected List<OutboxMessage> claim(int limit) {
        return outbox.claim(lease.owner(), lease.name(), limit, settings.claimTimeout());
    }

    @Override
    protected void process(OutboxMessage message) {
        MDC.put("tenantId", message.tenantId());
        WhatsAppProvider provider = providers.forTenant(message.tenantId());
        String providerId = provider.type().id();
        Timer.Sample sample = Timer.start();
        try {
            faults.reached(FaultInjection.Point.AFTER_OUTBOX_CLAIM);
            if (throttled(message, providerId)) {
                return;
            }
            SendResult result = provider.send(fitted(message));
            faults.reached(FaultInjection.Point.AFTER_PROVIDER_SEND);
            outbox.markSent(message.id(), lease.owner(), result.providerMessageId(),
                    result.sentKind().name().toLowerCase());
            sample.stop(metrics.sendTimer(providerId, "sent"));
            metrics.outbound(providerId, "sent");
            publish(message, "sent", result.providerMessageId(), null);
        } catch (SendException e) {
            sample.stop(metrics.sendTimer(providerId, e.outcome().name().toLowerCase()));
            handleFailure(message, provider, e);
        } catch (RuntimeException e) {
            sample.stop(metrics.sendTimer(providerId, "error"));
            handleFailure(message, provider, SendException.retryable("internal", e.toString(), null));
        } finally {
            MDC.remove("tenantId");
        }
    }

    /** The message shortened by rule to WhatsApp's limits (the stored row keeps what the assistant wrote). */
    private OutboxMessage fitted(OutboxMessage message) {
        OutgoingMessage fit = WhatsAppLimits.fit(message.message(), () -> languages.of(message.tenantId()));
        return new OutboxMessage(message.id(), message.tenantId(), message.toNumber(), fit, message.idempotencyKey(),
                message.attempts(), message.lastInboundAt());
    }

    /** Asks the throttle; when a bucket is empty the row is rescheduled (no attempt counted). */
    private boolean throttled(OutboxMessage message, String providerId) {
        ThrottleVerdict verdict = throttle.tryAcquire(message.tenantId(), message.toNumber());
        if (verdict.granted()) {
            return false;
        }
        log.debug("outbox {} to {}: {} throttle, next try in {}", message.id(), PhoneNumbers.mask(message.toNumber()),
                verdict.refusedBy().tag(), verdict.retryIn());
        outbox.deferThrottled(message.id(), lease.owner(), verdict.retryIn());
        metrics.throttled(providerId, verdict.refusedBy().tag());
        return true;
    }

    private void handleFailure(OutboxMessage message, WhatsAppProvider provider, SendException e) {
        String providerId = provider.type().id();
        switch (e.outcome()) {
            case RETRYABLE -> {
                throttle.penalise(message.tenantId(), message.toNumber(), e.errorCode())
                        .ifPresent(reason -> metrics.throttlePenalty(reason.tag()));
                if (message.attempts() < settings.maxAttempts()) {
                    Duration delay = e.retryAfter() != null ? e.retryAfter() : settings.backoff(message.attempts());
                    log.warn("outbox {} to {}: {} (code {}), retry {} in {}", message.id(), PhoneNumbers.mask(message.toNumber()),
                            e.getMessage(), e.errorCode(), message.attempts(), delay);
                    metrics.retry("send", e.errorCode() == null ? "error" : e.errorCode());
                    outbox.reschedule(message.id(), lease.owner(), delay, e.errorCode(), e.getMessage());
                } else {
                    giveUp(message, providerId, "failed", e);
                }
            }
            case PERMANENT -> giveUp(message, providerId, "failed", e);
            case UNKNOWN -> {
                if (provider.idempotentResend()) {
                    metrics.retry("send", "unknown_outcome");
                    outbox.reschedule(message.id(), lease.owner(), settings.backoff(message.attempts()), e.errorCode(),
                            e.getMessage());
                } else {
                    log.warn("outbox {}: outcome unknown ({}) and {} cannot dedupe a re-send: not re-sent (at-most-once)",
                            message.id(), e.getMessage(), providerId);
                    giveUp(message, providerId, "unknown", e);
                }
            }
        }
    }

    private void giveUp(OutboxMessage message, String providerId, String status, SendException e) {
        log.error("outbox {} to {} {}: {} (code {})", message.id(), PhoneNumbers.mask(message.toNumber()), status,
                e.getMessage(), e.errorCode());
        outbox.markFinal(message.id(), lease.owner(), status, e.errorCode(), e.getMessage());
        metrics.outbound(providerId, status);
        publish(message, status, null, e.errorCode());
    }

    private void publish(OutboxMessage message, String status, String providerMessageId, String errorCode) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "status");
        event.put("tenant_id", message.tenantId());
        event.put("outbox_id", message.id());
        event.put("to", message.toNumber());
        event.put("status", status);
        if (providerMessageId != null) {
            event.put("provider_message_id", providerMessageId);
        }
        if (errorCode != null) {
            event.put("error_code", errorCode);
        }
        events.publish(event);
    }
}
