package com.aiassistants.backend.assistant;

/**
 * What a patient answered to a reminder in a turn (a tap or words): confirmed attendance, cancelled or moved the
 * booking from it; or asked to stop ({@code OPT_OUT}, no booking) or to get reminders again ({@code OPT_IN}).
 */
public record ReminderAnswer(String bookingId, Outcome outcome) {

    public enum Outcome { CONFIRMED, CANCELLED, RESCHEDULED, OPT_OUT, OPT_IN }

    /** Published (synchronously, inside the turn's transaction) when a turn's reply holds answers. */
    public record Given(String projectId, String customerId, java.util.List<ReminderAnswer> answers,
            java.time.Instant at) {
    }
}
