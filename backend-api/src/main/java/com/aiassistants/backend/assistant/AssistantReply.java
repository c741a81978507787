package com.aiassistants.backend.assistant;

import java.util.List;
import java.util.Map;

/**
 * The assistant's answer to one turn.
 *
 * @param text          the reply text (never null; empty means "send nothing")
 * @param interactive   optional WhatsApp buttons (≤3) or list (≤10)
 * @param state         new dialogue state (JSON) to persist for the conversation
 * @param memoryUpdates customer memory to set (a null value removes the key)
 * @param handoff       true when the user asked for a human: the conversation is paused for the bot
 * @param bookingIds    ids of bookings created or changed in this turn (for live console events)
 * @param reminderAnswers what the patient answered to a reminder in this turn (recorded on the reminder and booking)
 */
public record AssistantReply(String text, Interactive interactive, String state, Map<String, String> memoryUpdates,
        boolean handoff, List<String> bookingIds, List<ReminderAnswer> reminderAnswers) {

    public AssistantReply(String text, Interactive interactive, String state, Map<String, String> memoryUpdates,
            boolean handoff, List<String> bookingIds) {
        this(text, interactive, state, memoryUpdates, handoff, bookingIds, List.of());
    }

    public static AssistantReply text(String text, String state) {
        return new AssistantReply(text, null, state, Map.of(), false, List.of());
    }

    /** WhatsApp interactive content, mapped to the gateway response fields of BRIEF §3. */
    public record Interactive(Type type, String title, List<Option> options) {

        public enum Type { BUTTONS, LIST }

        public record Option(String id, String title, String description) {
        }
    }
}
