package com.aiassistants.backend.assistant.replies;

import java.time.LocalDateTime;

/** Appointment reminders, their buttons and answers, follow-ups and notices of staff changes (sent by the {@code reminder} package, answered in the dialogue). See {@link Replies}. */
public final class ReminderSentences {

    private final Bundle b;

    ReminderSentences(Bundle bundle) {
        this.b = bundle;
    }

    public String reminder(String service, String professional, LocalDateTime at) {
        return b.m("reminder.text", service, professional, b.day(at), Bundle.time(at));
    }

    public String reminderConfirmButton() {
        return b.m("reminder.button.confirm");
    }

    public String reminderCancelButton() {
        return b.m("reminder.button.cancel");
    }

    public String reminderRescheduleButton() {
        return b.m("reminder.button.reschedule");
    }

    public String reminderConfirmed(String service, LocalDateTime at) {
        return b.m("reminder.confirmed", service, b.day(at), Bundle.time(at));
    }

    public String reminderGone() {
        return b.m("reminder.gone");
    }

    public String optedOut() {
        return b.m("reminder.opted-out");
    }

    public String optedIn() {
        return b.m("reminder.opted-in");
    }

    public String followUp(String service, String professional) {
        return b.m("follow-up.text", service, professional);
    }

    public String noticeCreated(String service, String professional, LocalDateTime at, String code) {
        return b.m("notice.created", service, professional, b.day(at), Bundle.time(at), code);
    }

    public String noticeMoved(String service, String professional, LocalDateTime at, String code) {
        return b.m("notice.moved", service, professional, b.day(at), Bundle.time(at), code);
    }

    public String noticeCancelled(String service, LocalDateTime at) {
        return b.m("notice.cancelled", service, b.day(at), Bundle.time(at));
    }

    /** "jueves 5 de marzo" / "Thursday, March 5": a date as a template parameter. */
    public String dayOf(LocalDateTime at) {
        return b.day(at);
    }
}
