package com.aiassistants.backend.reminder;

import java.util.Locale;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Reminder counters, never tagged with tenant ids: {@code reminders.planned{kind}}, {@code reminders.due{kind}}
 * (claimed to send), {@code reminders.sent{kind}}, {@code reminders.skipped{kind,reason}},
 * {@code reminders.failed{kind,reason}}, {@code reminders.retries{kind}}, {@code reminders.answered{outcome}},
 * {@code reminders.plan.failures}.
 */
@Component
public class ReminderMetrics {

    private final MeterRegistry meters;

    public ReminderMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void planned(Reminder.Kind kind) {
        meters.counter("reminders.planned", "kind", kind.column).increment();
    }

    void due(Reminder.Kind kind) {
        meters.counter("reminders.due", "kind", kind.column).increment();
    }

    void sent(Reminder.Kind kind) {
        meters.counter("reminders.sent", "kind", kind.column).increment();
    }

    void skipped(Reminder.Kind kind, String reason) {
        meters.counter("reminders.skipped", "kind", kind.column, "reason", reason).increment();
    }

    void failed(Reminder.Kind kind, String reason) {
        meters.counter("reminders.failed", "kind", kind.column, "reason", reason).increment();
    }

    void retried(Reminder.Kind kind) {
        meters.counter("reminders.retries", "kind", kind.column).increment();
    }

    void answered(String outcome) {
        meters.counter("reminders.answered", "outcome", outcome.toLowerCase(Locale.ROOT)).increment();
    }

    void planFailed() {
        meters.counter("reminders.plan.failures").increment();
    }
}
