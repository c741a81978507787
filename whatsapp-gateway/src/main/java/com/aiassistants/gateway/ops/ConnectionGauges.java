package com.aiassistants.gateway.ops;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.aiassistants.gateway.inbox.InboxRepository;
import com.aiassistants.gateway.lease.LeaseManager;
import com.aiassistants.gateway.outbox.OutboxRepository;
import com.aiassistants.gateway.provider.ProviderRegistry;

import io.micrometer.core.instrument.Gauge;

/**
 * Alarm-ready gauges: {@code whatsapp.connection.up} (1 when this instance is active and every
 * connection is up), {@code whatsapp.connection.disconnected} (connections down on the active
 * instance), {@code gateway.lease.active}; and the queue depths, refreshed every 5 s.
 */
@Component
public class ConnectionGauges {

    private final InboxRepository inbox;
    private final OutboxRepository outbox;
    private final GatewayMetrics metrics;
    private final LeaseManager lease;

    public ConnectionGauges(ProviderRegistry providers, LeaseManager lease, InboxRepository inbox,
            OutboxRepository outbox, GatewayMetrics metrics) {
        this.inbox = inbox;
        this.outbox = outbox;
        this.metrics = metrics;
        this.lease = lease;
        Gauge.builder("whatsapp.connection.up", providers,
                p -> p.active() && p.all().values().stream().allMatch(x -> x.status().up()) ? 1 : 0)
                .description("1 when the active gateway has every WhatsApp connection up").register(metrics.registry());
        Gauge.builder("whatsapp.connection.disconnected", providers,
                p -> p.active() ? p.all().values().stream().filter(x -> !x.status().up()).count() : 0)
                .description("WhatsApp connections down on the active gateway (alarm when > 0)")
                .register(metrics.registry());
        Gauge.builder("gateway.lease.active", lease, l -> l.isActive() ? 1 : 0)
                .description("1 on the instance holding the single-writer lease").register(metrics.registry());
    }

    @Scheduled(fixedDelayString = "5s", initialDelayString = "1s")
    void refreshQueueDepths() {
        if (lease.isActive()) {
            metrics.queueDepths(inbox.pendingCount(), outbox.openCount());
        }
    }
}
