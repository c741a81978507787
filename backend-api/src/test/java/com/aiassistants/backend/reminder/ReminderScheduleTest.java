package com.aiassistants.backend.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.aiassistants.backend.tenant.ProjectSettings;
import com.aiassistants.backend.tenant.ReminderSettings;

/** When reminders fall due: lead times, quiet hours in the patient's zone, late bookings, too late after downtime. */
class ReminderScheduleTest {

    static final ZoneId ZONE = ZoneId.of("America/Argentina/Buenos_Aires");
    static final ReminderSettings.Effective DEFAULTS = ProjectSettings.empty().remindersOrDefault();

    static Instant local(String at) {
        return LocalDateTime.parse(at).atZone(ZONE).toInstant();
    }

    @Test
    void defaultsAreOneReminderADayAheadQuietAtNightTemplateNamedFollowUpOffNoticesOn() {
        assertThat(DEFAULTS.enabled()).isTrue();
        assertThat(DEFAULTS.leadMinutes()).containsExactly(1440);
        assertThat(DEFAULTS.quietStart()).hasToString("21:00");
        assertThat(DEFAULTS.quietEnd()).hasToString("08:00");
        assertThat(DEFAULTS.templateName()).isEqualTo("appointment_reminder");
        assertThat(DEFAULTS.templateLanguage()).as("the project's language").isNull();
        assertThat(DEFAULTS.followUpEnabled()).isFalse();
        assertThat(DEFAULTS.noticesEnabled()).isTrue();
        // the older single setting still works: 0 = off, n = one lead time
        assertThat(new ProjectSettings(null, null, 0, null, null).remindersOrDefault().enabled()).isFalse();
        assertThat(new ProjectSettings(null, null, 120, null, null).remindersOrDefault().leadMinutes()).containsExactly(120);
        ReminderSettings several = new ReminderSettings(null, List.of(120, 1440, 120), null, null, null, null);
        assertThat(new ProjectSettings(null, null, 0, null, several).remindersOrDefault().leadMinutes())
                .containsExactly(120, 1440);
    }

    @Test
    void aReminderIsDueItsLeadTimeBeforeTheAppointment() {
        assertThat(ReminderSchedule.reminderDue(local("2026-03-05T10:00"), 1440, local("2026-03-01T09:00"), ZONE, DEFAULTS))
                .contains(local("2026-03-04T10:00"));
    }

    @Test
    void aBookingMadeAfterItsReminderWouldHaveBeenDueGetsNone() {
        assertThat(ReminderSchedule.reminderDue(local("2026-03-05T10:00"), 1440, local("2026-03-04T12:00"), ZONE, DEFAULTS))
                .isEmpty();
    }

    @Test
    void dueInTheQuietHoursItMovesToTheirEndOrBeforeThemWhenTheEndIsTooLate() {
        // 2 h before 09:30 is 07:30, quiet: 08:00 still leaves 1.5 h
        assertThat(ReminderSchedule.reminderDue(local("2026-03-05T09:30"), 120, local("2026-03-01T09:00"), ZONE, DEFAULTS))
                .contains(local("2026-03-05T08:00"));
        // 2 h before 08:30 is 06:30: 08:00 would leave 30 min (< 1 h), so the evening before, just before 21:00
        assertThat(ReminderSchedule.reminderDue(local("2026-03-05T08:30"), 120, local("2026-03-01T09:00"), ZONE, DEFAULTS))
                .contains(local("2026-03-04T20:59"));
        // 24 h before 22:00 is 22:00 the day before: moved to 08:00 that morning of the appointment's day
        assertThat(ReminderSchedule.reminderDue(local("2026-03-05T22:00"), 1440, local("2026-03-01T09:00"), ZONE, DEFAULTS))
                .contains(local("2026-03-05T08:00"));
    }

    @Test
    void quietHoursFollowThePatientsZone() {
        ZoneId madrid = ZoneId.of("Europe/Madrid");
        Instant start = local("2026-03-05T14:00");  // 18:00 in Madrid
        Optional<Instant> inMadrid = ReminderSchedule.reminderDue(start, 720, local("2026-03-01T09:00"), madrid, DEFAULTS);
        // 12 h before is 02:00 the night before in Buenos Aires (06:00 in Madrid): quiet in both; 08:00 in Madrid
        assertThat(inMadrid).contains(LocalDateTime.parse("2026-03-05T08:00").atZone(madrid).toInstant());
    }

    @Test
    void afterDowntimeItIsTooLateOnceLessThanHalfTheLeadOrAnHourIsLeft() {
        Instant start = local("2026-03-05T10:00");
        assertThat(ReminderSchedule.tooLate(local("2026-03-05T08:30"), start, 1440)).isFalse();
        assertThat(ReminderSchedule.tooLate(local("2026-03-05T09:01"), start, 1440)).isTrue();
        assertThat(ReminderSchedule.tooLate(local("2026-03-05T09:30"), start, 60)).isFalse();
        assertThat(ReminderSchedule.tooLate(local("2026-03-05T09:31"), start, 60)).isTrue();
    }

    @Test
    void quietHoursMaySpanMidnightOrBeOff() {
        assertThat(DEFAULTS.quiet(java.time.LocalTime.of(23, 0))).isTrue();
        assertThat(DEFAULTS.quiet(java.time.LocalTime.of(7, 59))).isTrue();
        assertThat(DEFAULTS.quiet(java.time.LocalTime.of(8, 0))).isFalse();
        ReminderSettings off = new ReminderSettings(null, null, new ReminderSettings.QuietHours("00:00", "00:00"), null,
                null, null);
        assertThat(new ProjectSettings(null, null, null, null, off).remindersOrDefault().quiet(java.time.LocalTime.of(3, 0)))
                .isFalse();
    }
}
