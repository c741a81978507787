package com.aiassistants.backend.reminder;

import java.time.Clock;
import java.time.Instant;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import com.aiassistants.backend.tenant.Projects;
import com.aiassistants.backend.tenant.ReminderSettings;
import com.aiassistants.common.scheduling.CalendarTools.Booking;

/**
 * Tells a patient on WhatsApp that staff created, moved or cancelled their booking, through the reminder rows (so
 * it is sent once, by one instance, outside quiet hours, as the notice template outside the 24-hour window). Staff
 * booking routes call it after the calendar answered. A move or cancellation also skips the booking's pending
 * reminders for its old time (the planner plans the new ones).
 */
@Service
public class PatientNotices {

    public enum Change { CREATED, MOVED, CANCELLED }

    private final ReminderRepository reminders;
    private final Projects projects;
    private final ReminderPlanner planner;
    private final Clock clock;

    public PatientNotices(ReminderRepository reminders, Projects projects, ReminderPlanner planner,
            ObjectProvider<Clock> clock) {
        this.planner = planner;
        this.reminders = reminders;
        this.projects = projects;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Plans the notice; false when the project sends none, the patient has no WhatsApp number, or it was planned. */
    public boolean notify(String projectId, Booking booking, Change change) {
        if (change != Change.CREATED) {
            reminders.skipPending(projectId, booking.id(), change == Change.MOVED ? "moved" : "not_confirmed");
        }
        ReminderSettings.Effective settings = projects.require(projectId).settings().remindersOrDefault();
        if (!settings.noticesEnabled() || !ReminderPlanner.whatsapp(booking.customerId())) {
            return false;
        }
        Reminder.Kind kind = switch (change) {
            case CREATED -> Reminder.Kind.NOTICE_CREATED;
            case MOVED -> Reminder.Kind.NOTICE_MOVED;
            case CANCELLED -> Reminder.Kind.NOTICE_CANCELLED;
        };
        Instant now = clock.instant();
        Instant due = ReminderSchedule.outOfQuietHours(now, planner.patientZone(projects.require(projectId),
                booking.customerId(), now), settings);
        return reminders.plan(projectId, booking.id(), kind, 0, booking.start(), due, booking.customerId());
    }
}
