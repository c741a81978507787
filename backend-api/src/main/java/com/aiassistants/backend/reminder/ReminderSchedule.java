package com.aiassistants.backend.reminder;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

import com.aiassistants.backend.tenant.ReminderSettings;

/**
 * When a message is due, as pure functions of the appointment, the settings and the patient's zone:
 * <ul>
 * <li>a reminder is due {@code lead} before the start, and only if the booking existed by then (a booking made
 * later got its confirmation in the chat);</li>
 * <li>due in the quiet hours (in the patient's zone), it moves to the end of them when that is still early enough
 * (see {@link #tooLate}); otherwise to just before they began;</li>
 * <li>it is too late once less than {@code min(lead / 2, 1 h)} is left before the appointment: after downtime a due
 * reminder is still sent while the appointment is far enough ahead, and skipped after that.</li>
 * </ul>
 */
public final class ReminderSchedule {

    private static final Duration MAX_CUTOFF = Duration.ofHours(1);

    private ReminderSchedule() {
    }

    public static Optional<Instant> reminderDue(Instant start, int leadMinutes, Instant bookedAt, ZoneId zone,
            ReminderSettings.Effective settings) {
        Instant due = start.minus(Duration.ofMinutes(leadMinutes));
        if (bookedAt != null && !bookedAt.isBefore(due)) {
            return Optional.empty();
        }
        ZonedDateTime local = due.atZone(zone);
        if (!settings.quiet(local.toLocalTime())) {
            return Optional.of(due);
        }
        Instant quietEnd = quietEndAfter(local, settings);
        if (quietEnd.isBefore(start.minus(cutoff(leadMinutes)))) {
            return Optional.of(quietEnd);
        }
        Instant beforeQuiet = quietStartBefore(local, settings).minus(Duration.ofMinutes(1));
        if (bookedAt != null && !bookedAt.isBefore(beforeQuiet)) {
            return Optional.empty();
        }
        return Optional.of(beforeQuiet);
    }

    /** A follow-up is due {@code delay} after the end, moved past the quiet hours. */
    public static Instant followUpDue(Instant end, int delayMinutes, ZoneId zone, ReminderSettings.Effective settings) {
        return outOfQuietHours(end.plus(Duration.ofMinutes(delayMinutes)), zone, settings);
    }

    /** The instant itself, or the end of the quiet hours it falls in (notices and follow-ups wait for the morning). */
    public static Instant outOfQuietHours(Instant at, ZoneId zone, ReminderSettings.Effective settings) {
        ZonedDateTime local = at.atZone(zone);
        return settings.quiet(local.toLocalTime()) ? quietEndAfter(local, settings) : at;
    }

    public static Duration cutoff(int leadMinutes) {
        Duration half = Duration.ofMinutes(leadMinutes).dividedBy(2);
        return half.compareTo(MAX_CUTOFF) < 0 ? half : MAX_CUTOFF;
    }

    /** Less than {@link #cutoff} is left before the appointment: the reminder would come too late to help. */
    public static boolean tooLate(Instant now, Instant start, int leadMinutes) {
        return now.isAfter(start.minus(cutoff(leadMinutes)));
    }

    private static Instant quietEndAfter(ZonedDateTime local, ReminderSettings.Effective settings) {
        LocalDateTime end = local.toLocalDate().atTime(settings.quietEnd());
        if (!end.isAfter(local.toLocalDateTime())) {
            end = end.plusDays(1);
        }
        return end.atZone(local.getZone()).toInstant();
    }

    private static Instant quietStartBefore(ZonedDateTime local, ReminderSettings.Effective settings) {
        LocalDateTime start = local.toLocalDate().atTime(settings.quietStart());
        if (start.isAfter(local.toLocalDateTime())) {
            start = start.minusDays(1);
        }
        return start.atZone(local.getZone()).toInstant();
    }
}
