package com.aiassistants.backend.reminder;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.aiassistants.backend.BackendProperties;
import com.aiassistants.backend.assistant.dialogue.BookingRef;
import com.aiassistants.backend.assistant.dialogue.DialogueState;
import com.aiassistants.backend.conversation.TurnService;
import com.aiassistants.backend.handoff.GatewayClient;
import com.aiassistants.backend.mcp.McpClients;
import com.aiassistants.backend.tenant.Project;
import com.aiassistants.backend.tenant.Projects;
import com.aiassistants.backend.tenant.ReminderSettings;
import com.aiassistants.common.channel.PhoneNumbers;
import com.aiassistants.common.mcp.client.McpToolError;
import com.aiassistants.common.mcp.client.McpUnavailableException;
import com.aiassistants.common.scheduling.CalendarTools;
import com.aiassistants.common.scheduling.CalendarTools.Booking;
import com.aiassistants.common.scheduling.CalendarTools.BookingStatus;
import com.aiassistants.common.web.ApiProblem;

/**
 * Sends what fell due, on every instance: claims rows ({@code FOR UPDATE SKIP LOCKED}, a lease), checks the booking
 * again in mcp-calendar (cancelled or moved → skipped; a newer reminder also due → superseded; too close to the
 * appointment → too late), then queues the message in the gateway with the row's id as idempotency key and marks
 * the row sent. A crash after the gateway took the message and before the row was marked leaves the claim to
 * expire; the next claim sends again with the same key, which the gateway answers with the first outbox row:
 * exactly one WhatsApp message. The reminder is also written into the conversation with the booking as the
 * dialogue's context, so "sí", "no voy a poder ir" or a tap are read as answers to it.
 */
@Component
public class ReminderSender {

    private static final Logger log = LoggerFactory.getLogger(ReminderSender.class);

    private final ReminderRepository reminders;
    private final Projects projects;
    private final McpClients mcp;
    private final GatewayClient gateway;
    private final ReminderMessages messages;
    private final TurnService conversations;
    private final ReminderMetrics metrics;
    private final ReminderProperties properties;
    private final BackendProperties.Simulator tenants;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final String owner;

    public ReminderSender(ReminderRepository reminders, Projects projects, McpClients mcp, GatewayClient gateway,
            ReminderMessages messages, TurnService conversations, ReminderMetrics metrics, ReminderProperties properties,
            BackendProperties backend, ObjectProvider<Clock> clock, TransactionTemplate transactions) {
        this.reminders = reminders;
        this.projects = projects;
        this.mcp = mcp;
        this.gateway = gateway;
        this.messages = messages;
        this.conversations = conversations;
        this.metrics = metrics;
        this.properties = properties;
        this.tenants = backend.simulator();
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.transactions = transactions;
        this.owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Scheduled(fixedDelayString = "${ai-assistants.backend.reminders.poll-interval:5s}", initialDelayString = "PT10S")
    void scheduled() {
        if (properties.enabled()) {
            sendDue();
        }
    }

    /** Claims and handles what is due now; returns how many rows were claimed. */
    public int sendDue() {
        Instant now = clock.instant();
        List<Reminder> due = reminders.claimDue(owner, now, now.plus(properties.lease()), properties.batchSize());
        for (Reminder r : due) {
            MDC.put("tenantId", r.projectId());
            try {
                handle(r, now);
            } catch (RuntimeException e) {
                log.error("reminder {} of booking {}: unexpected failure", r.id(), r.bookingId(), e);
                retryOrFail(r, now, e.toString());
            } finally {
                MDC.remove("tenantId");
            }
        }
        return due.size();
    }

    /** The instance name written into claims (tests run two senders on one database). */
    String owner() {
        return owner;
    }

    private void handle(Reminder r, Instant now) {
        metrics.due(r.kind());
        Optional<Project> found = projects.find(r.projectId());
        if (found.isEmpty()) {
            skip(r, "project_gone");
            return;
        }
        Project project = found.get();
        ReminderSettings.Effective settings = project.settings().remindersOrDefault();
        if (!ReminderPlanner.whatsapp(r.customerId())) {
            skip(r, "no_whatsapp");
            return;
        }
        if (reminders.optedOut(r.projectId(), r.customerId())) {
            skip(r, "opted_out");
            return;
        }
        Booking booking;
        try {
            booking = mcp.calendar().call(r.projectId(), CalendarTools.GET_BOOKING,
                    new CalendarTools.BookingIdInput(r.bookingId()), Booking.class);
        } catch (McpToolError e) {
            skip(r, CalendarTools.NOT_FOUND.equals(e.code()) ? "booking_gone" : "booking_unreadable");
            return;
        } catch (McpUnavailableException e) {
            log.warn("reminder {}: mcp-calendar unavailable, retried later: {}", r.id(), e.getMessage());
            retryOrFail(r, now, e.toString());
            return;
        }
        String why = stale(r, booking, settings, now);
        if (why != null) {
            skip(r, why);
            return;
        }
        String to = r.customerId().startsWith("+") ? r.customerId() : "+" + r.customerId();
        GatewayClient.Message message = messages.build(r, project, settings, booking, tenants.gatewayTenant(project.id()), to);
        long outboxId;
        try {
            outboxId = gateway.send(message);
        } catch (ApiProblem e) {
            if ("gateway-rejected".equals(e.slug())) {
                log.warn("reminder {}: the gateway refused it: {}", r.id(), e.getMessage());
                reminders.fail(r.id(), owner, e.getMessage());
                metrics.failed(r.kind(), "rejected");
            } else {
                retryOrFail(r, now, e.getMessage());
            }
            return;
        }
        BookingRef ref = BookingRef.of(booking);
        // the row is marked and the message written into the chat in one transaction: a crash between the two can
        // neither leave a sent reminder missing from the chat (its answers would not be read as answers) nor write
        // it twice; failing here, the row is retried and the gateway answers the same key with the first message
        boolean marked = Boolean.TRUE.equals(transactions.execute(tx -> {
            if (!reminders.sent(r.id(), owner, clock.instant(), outboxId)) {
                return false;
            }
            conversations.recordOutbound(project.id(), "whatsapp:" + to, r.customerId(), message.text(),
                    r.kind() == Reminder.Kind.REMINDER ? state -> DialogueState.remind(state, ref) : null);
            return true;
        }));
        if (!marked) {
            // our lease ran out and another instance took the row: it sends with the same key, the gateway dedupes
            log.info("reminder {}: claim lost after the gateway took it (same idempotency key)", r.id());
            return;
        }
        metrics.sent(r.kind());
        log.info("{} {} sent for booking {} to {} (outbox {})", r.kind().column, r.id(), r.bookingId(),
                PhoneNumbers.mask(to), outboxId);
    }

    /** Why the message no longer fits the booking, or null. */
    private String stale(Reminder r, Booking b, ReminderSettings.Effective settings, Instant now) {
        return switch (r.kind()) {
            case REMINDER -> {
                if (!settings.enabled()) {
                    yield "disabled";
                }
                if (b.status() != BookingStatus.CONFIRMED) {
                    yield "not_confirmed";
                }
                if (!b.start().equals(r.startsAt())) {
                    yield "moved";
                }
                if (ReminderSchedule.tooLate(now, b.start(), r.leadMinutes())) {
                    yield "too_late";
                }
                yield reminders.superseded(r, now) ? "superseded" : null;
            }
            case FOLLOW_UP -> {
                if (!settings.followUpEnabled()) {
                    yield "disabled";
                }
                if (b.status() != BookingStatus.CONFIRMED && b.status() != BookingStatus.COMPLETED) {
                    yield "not_attended";
                }
                yield b.end().isAfter(now) ? "not_over" : null;
            }
            case NOTICE_CREATED, NOTICE_MOVED -> !settings.noticesEnabled() ? "disabled"
                    : b.status() != BookingStatus.CONFIRMED ? "not_confirmed"
                    : !b.start().isAfter(now) ? "past" : null;
            case NOTICE_CANCELLED -> !settings.noticesEnabled() ? "disabled"
                    : b.status() != BookingStatus.CANCELLED ? "not_cancelled" : null;
        };
    }

    private void skip(Reminder r, String reason) {
        log.info("{} {} of booking {} skipped: {}", r.kind().column, r.id(), r.bookingId(), reason);
        reminders.skip(r.id(), owner, reason);
        metrics.skipped(r.kind(), reason);
    }

    private void retryOrFail(Reminder r, Instant now, String error) {
        if (r.attempts() >= properties.maxAttempts()) {
            log.warn("{} {} of booking {} failed after {} attempts: {}", r.kind().column, r.id(), r.bookingId(),
                    r.attempts(), error);
            reminders.fail(r.id(), owner, error);
            metrics.failed(r.kind(), "attempts");
            return;
        }
        Duration delay = com.aiassistants.common.retry.Backoffs.delay(properties.backoff(),
                properties.backoff().multipliedBy(1024), r.attempts());
        reminders.retry(r.id(), owner, now.plus(delay), error);
        metrics.retried(r.kind());
    }
}
