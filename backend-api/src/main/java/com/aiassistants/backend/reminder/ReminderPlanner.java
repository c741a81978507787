package com.aiassistants.backend.reminder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.aiassistants.backend.mcp.McpClients;
import com.aiassistants.backend.memory.CustomerMemory;
import com.aiassistants.backend.tenant.Project;
import com.aiassistants.backend.tenant.Projects;
import com.aiassistants.backend.tenant.ReminderSettings;
import com.aiassistants.common.channel.PhoneNumbers;
import com.aiassistants.common.scheduling.CalendarTools;
import com.aiassistants.common.scheduling.CalendarTools.Booking;
import com.aiassistants.common.scheduling.CalendarTools.BookingList;
import com.aiassistants.common.scheduling.CalendarTools.BookingStatus;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;

/**
 * Reads each project's confirmed bookings of the coming days from mcp-calendar and plans their reminders (and
 * follow-ups) as rows: {@code insert … on conflict do nothing} on (booking, kind, lead time, start), so planning
 * again — every {@code plan-interval}, on any instance, after a restart — never plans twice, and a moved booking
 * gets rows for its new start. Runs on one instance at a time (ShedLock), since every run reads every project.
 */
@Component
public class ReminderPlanner {

    private static final Logger log = LoggerFactory.getLogger(ReminderPlanner.class);
    static final String LOCK = "reminder-planner";
    /** Customer-memory key of a patient's own IANA time zone. */
    public static final String PATIENT_ZONE_KEY = "time_zone";
    private static final Duration MAX_RANGE = Duration.ofDays(62);

    private final Projects projects;
    private final McpClients mcp;
    private final ReminderRepository reminders;
    private final ReminderProperties properties;
    private final ReminderMetrics metrics;
    private final LockingTaskExecutor locks;
    private final CustomerMemory memory;
    private final Clock clock;

    public ReminderPlanner(Projects projects, McpClients mcp, ReminderRepository reminders, ReminderProperties properties,
            ReminderMetrics metrics, LockingTaskExecutor locks, CustomerMemory memory, ObjectProvider<Clock> clock) {
        this.memory = memory;
        this.projects = projects;
        this.mcp = mcp;
        this.reminders = reminders;
        this.properties = properties;
        this.metrics = metrics;
        this.locks = locks;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Scheduled(fixedDelayString = "${ai-assistants.backend.reminders.plan-interval:60s}", initialDelayString = "PT5S")
    void scheduled() {
        if (properties.enabled()) {
            locks.executeWithLock((Runnable) this::planAll, new LockConfiguration(clock.instant(), LOCK,
                    properties.planInterval().multipliedBy(5), properties.planInterval().dividedBy(2)));
        }
    }

    /** Plans every project; returns how many rows were added. */
    public int planAll() {
        int planned = 0;
        for (Project project : projects.all()) {
            try {
                planned += plan(project);
            } catch (RuntimeException e) {
                // mcp-calendar down or one project's data unreadable: the next run plans it (rows are idempotent)
                log.warn("could not plan reminders of project {}: {}", project.id(), e.toString());
                metrics.planFailed();
            }
        }
        return planned;
    }

    int plan(Project project) {
        ReminderSettings.Effective settings = project.settings().remindersOrDefault();
        if (!settings.enabled() && !settings.followUpEnabled()) {
            return 0;
        }
        Instant now = clock.instant();
        Instant from = settings.followUpEnabled()
                ? now.minus(Duration.ofMinutes(settings.followUpDelayMinutes())).minus(Duration.ofDays(1)) : now;
        Instant to = now.plus(Duration.ofMinutes(settings.maxLeadMinutes())).plus(properties.horizon());
        if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            to = from.plus(MAX_RANGE);
        }
        List<Booking> bookings = mcp.calendar().call(project.id(), CalendarTools.LIST_BOOKINGS,
                new CalendarTools.ListBookingsInput(from, to, null, List.of(BookingStatus.CONFIRMED)), BookingList.class)
                .bookings();
        int planned = 0;
        for (Booking b : bookings == null ? List.<Booking>of() : bookings) {
            if (!whatsapp(b.customerId())) {
                continue;
            }
            ZoneId zone = patientZone(project, b.customerId(), now);
            if (settings.enabled() && b.start().isAfter(now)) {
                for (int lead : settings.leadMinutes()) {
                    Optional<Instant> due = ReminderSchedule.reminderDue(b.start(), lead, b.createdAt(), zone, settings);
                    if (due.isPresent() && reminders.plan(project.id(), b.id(), Reminder.Kind.REMINDER, lead, b.start(),
                            due.get(), b.customerId())) {
                        planned++;
                        metrics.planned(Reminder.Kind.REMINDER);
                    }
                }
            }
            if (settings.followUpEnabled() && b.end() != null) {
                Instant due = ReminderSchedule.followUpDue(b.end(), settings.followUpDelayMinutes(), zone, settings);
                if (!due.isBefore(now.minus(Duration.ofDays(1))) && reminders.plan(project.id(), b.id(),
                        Reminder.Kind.FOLLOW_UP, 0, b.start(), due, b.customerId())) {
                    planned++;
                    metrics.planned(Reminder.Kind.FOLLOW_UP);
                }
            }
        }
        return planned;
    }

    /**
     * The zone the patient's quiet hours are in: the customer memory's {@code time_zone} (an IANA id staff or an
     * integration set for a patient living elsewhere), else the clinic's.
     */
    ZoneId patientZone(Project project, String customerId, Instant now) {
        String own = memory.read(project.id(), customerId, now).get(PATIENT_ZONE_KEY);
        if (own != null) {
            try {
                return ZoneId.of(own.strip());
            } catch (java.time.DateTimeException e) {
                log.debug("customer memory time_zone {} is not a zone id; the clinic's is used", own);
            }
        }
        return project.zone();
    }

    /** Only WhatsApp patients (an E.164 customer id) can be reminded; web visitors have no phone. */
    static boolean whatsapp(String customerId) {
        return customerId != null && customerId.matches(PhoneNumbers.E164_PATTERN);
    }
}
