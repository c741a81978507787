package com.aiassistants.backend.assistant;

/**
 * What a patient answered to a reminder in a turn (a tap or words): confirmed attendance, cancelled or moved the
 * booking from it; or asked to stop ({@code OPT_OUT}, no booking) or to get reminders again ({@code OPT_IN}).
 */
public record ReminderAnswer(String bookingId, Outcome outcome) {

    /** Reply ids (and template quick-reply payloads) of a reminder's buttons: {@code reminder:<verb>:<booking id>}. */
    public static final String REPLY_PREFIX = "reminder:";

    /** A tap on a reminder's button: always read by the deterministic engine (one tap, one defined action). */
    public static boolean isTap(String replyId) {
        return replyId != null && replyId.startsWith(REPLY_PREFIX);
    }

    public enum Outcome { CONFIRMED, CANCELLED, RESCHEDULED, OPT_OUT, OPT_IN }

    /** Published (synchronously, inside the turn's transaction) when a turn's reply holds answers. */
    public record Given(String projectId, String customerId, java.util.List<ReminderAnswer> answers,
            java.time.Instant at) {
    }
}
