package com.aiassistants.backend.linkaccess;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.aiassistants.backend.mcp.McpClients;
import com.aiassistants.common.mcp.client.McpToolError;
import com.aiassistants.common.mcp.client.McpUnavailableException;
import com.aiassistants.common.retry.Backoffs;
import com.aiassistants.common.scheduling.BookingLogTools;
import com.aiassistants.common.scheduling.BookingLogTools.AppendBookingEventInput;
import com.aiassistants.common.scheduling.BookingLogTools.AppendResult;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Delivers noted link accesses to mcp-booking-log as {@code link_accessed} events ({@code append_booking_event},
 * idempotent by event id = the outbox row's id), oldest first, on every instance (rows are leased, never sent twice
 * at once). A refused event is retried later with backoff ({@code retry-initial} doubling to {@code retry-max}); while
 * the log is unreachable the round stops and every claimed row is rescheduled, so an outage loses nothing. Each call
 * has the booking-log client's timeout. Metrics {@code backend.link_accesses.delivered}, {@code .failures},
 * {@code .pending}.
 */
@Component
public class LinkAccessRelay {

    private static final Logger log = LoggerFactory.getLogger(LinkAccessRelay.class);

    private final LinkAccessOutbox outbox;
    private final McpClients mcp;
    private final LinkAccessProperties settings;
    private final Clock clock;
    private final Counter delivered;
    private final Counter failures;

    public LinkAccessRelay(LinkAccessOutbox outbox, McpClients mcp, LinkAccessProperties settings,
            ObjectProvider<Clock> clock, MeterRegistry meters) {
        this.outbox = outbox;
        this.mcp = mcp;
        this.settings = settings;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.delivered = Counter.builder("backend.link_accesses.delivered")
                .description("link accesses delivered to the booking log").register(meters);
        this.failures = Counter.builder("backend.link_accesses.failures")
                .description("failed deliveries of link accesses").register(meters);
        Gauge.builder("backend.link_accesses.pending", outbox, LinkAccessOutbox::pending)
                .description("link accesses waiting for the booking log").register(meters);
    }

    @Scheduled(fixedDelayString = "${ai-assistants.backend.link-accesses.poll-interval:1s}")
    void scheduled() {
        if (!settings.relayEnabled()) {
            return;
        }
        try {
            deliverDue();
        } catch (RuntimeException e) {
            // e.g. the database is down: the next round tries again
            log.warn("link access relay round failed: {}", e.toString());
        }
    }

    /** One delivery round; returns how many accesses were delivered. */
    public int deliverDue() {
        int total = 0;
        Duration lease = Duration.ofSeconds(30).plus(settings.retryMax());
        while (true) {
            List<LinkAccessOutbox.PendingAccess> batch = outbox.claimDue(clock.instant(), lease, settings.batchSize());
            if (batch.isEmpty()) {
                return total;
            }
            for (int i = 0; i < batch.size(); i++) {
                LinkAccessOutbox.PendingAccess access = batch.get(i);
                try {
                    append(access);
                    outbox.delivered(access.id());
                    delivered.increment();
                    total++;
                } catch (McpToolError e) {
                    failures.increment();
                    log.warn("booking log refused link access {} (attempt {}): {} {}", access.id(),
                            access.attempts() + 1, e.code(), e.getMessage());
                    outbox.failed(access.id(), next(access), e.code() + ": " + e.getMessage());
                } catch (McpUnavailableException e) {
                    failures.increment();
                    log.warn("booking log unavailable, {} link accesses rescheduled (attempt {}): {}", batch.size() - i,
                            access.attempts() + 1, e.getMessage());
                    for (LinkAccessOutbox.PendingAccess unsent : batch.subList(i, batch.size())) {
                        outbox.failed(unsent.id(), next(unsent), e.getMessage());
                    }
                    return total;
                }
            }
            if (batch.size() < settings.batchSize()) {
                return total;
            }
        }
    }

    private Instant next(LinkAccessOutbox.PendingAccess access) {
        return clock.instant().plus(Backoffs.delay(settings.retryInitial(), settings.retryMax(), access.attempts() + 1));
    }

    private void append(LinkAccessOutbox.PendingAccess access) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("code", access.code());
        after.put("action", access.action());
        after.put("channel", access.channel());
        mcp.bookingLog().call(access.projectId(), BookingLogTools.APPEND_BOOKING_EVENT, new AppendBookingEventInput(
                "link:" + access.id(), null, BookingLogTools.LINK_ACCESSED, "customer:" + access.customerId(),
                access.customerId(), null, access.accessedAt(), null, after), AppendResult.class, true);
    }
}
