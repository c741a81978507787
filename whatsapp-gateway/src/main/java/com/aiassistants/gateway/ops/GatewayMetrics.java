package com.aiassistants.gateway.ops;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

import com.aiassistants.gateway.provider.ProviderType;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The gateway's meters. Tags are low-cardinality only (provider, result, stage): never tenant ids or
 * phone numbers.
 */
@Component
public class GatewayMetrics {

    private final MeterRegistry registry;
    private final AtomicLong inboxDepth = new AtomicLong();
    private final AtomicLong outboxDepth = new AtomicLong();

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("gateway.queue.depth", inboxDepth, AtomicLong::get).tag("queue", "inbox")
                .description("Inbound messages not yet answered").register(registry);
        Gauge.builder("gateway.queue.depth", outboxDepth, AtomicLong::get).tag("queue", "outbox")
                .description("Outbound messages not yet handed to WhatsApp").register(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    public void inbound(ProviderType provider, String result) {
        Counter.builder("gateway.inbound").tag("provider", provider.id()).tag("result", result).register(registry)
                .increment();
    }

    public void outbound(String provider, String result) {
        Counter.builder("gateway.outbound").tag("provider", provider).tag("result", result).register(registry)
                .increment();
    }

    /** A send held back by the proactive throttle (reason {@code number} or {@code pair}); not an attempt. */
    public void throttled(String provider, String reason) {
        Counter.builder("gateway.outbound.throttled").tag("provider", provider).tag("reason", reason)
                .description("Sends rescheduled because a throttle bucket was empty").register(registry).increment();
    }

    /** Meta still answered 130429 / 131056: the matching bucket was emptied. */
    public void throttlePenalty(String reason) {
        Counter.builder("gateway.throttle.penalties").tag("reason", reason)
                .description("Throttle buckets drained after a throughput / pair-rate error from Meta").register(registry)
                .increment();
    }

    /** An answer the gateway wrote itself (reason media, unreadable, failed, stale). */
    public void politeReply(String reason) {
        Counter.builder("gateway.polite.replies").tag("reason", reason)
                .description("Answers written by the gateway instead of the assistant").register(registry).increment();
    }

    public void retry(String stage, String reason) {
        Counter.builder("gateway.retries").tag("stage", stage).tag("reason", reason).register(registry).increment();
    }

    public Timer sendTimer(String provider, String result) {
        return Timer.builder("gateway.send.latency").tag("provider", provider).tag("result", result)
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    public Timer backendTimer(String outcome) {
        return Timer.builder("gateway.backend.calls").tag("outcome", outcome).register(registry);
    }

    public void queueDepths(long inbox, long outbox) {
        inboxDepth.set(inbox);
        outboxDepth.set(outbox);
    }
}
