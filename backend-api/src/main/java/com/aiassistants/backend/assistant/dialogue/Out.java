package com.aiassistants.backend.assistant.dialogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.aiassistants.backend.assistant.AssistantReply;
import com.aiassistants.backend.assistant.AssistantReply.Interactive;
import com.aiassistants.backend.assistant.AssistantReply.Interactive.Option;
import com.aiassistants.backend.assistant.ReminderAnswer;

/** What one turn answers, built up while the turn is handled. */
final class Out {

    private final List<String> lines = new ArrayList<>();
    private Interactive interactive;
    private final Map<String, String> memory = new LinkedHashMap<>();
    private boolean handoff;
    private final List<String> bookingIds = new ArrayList<>();
    private final List<ReminderAnswer> reminderAnswers = new ArrayList<>();

    void say(String line) {
        if (line != null && !line.isBlank()) {
            lines.add(line);
        }
    }

    void list(String title, List<Option> options) {
        interactive = new Interactive(Interactive.Type.LIST, title, List.copyOf(options.subList(0, Math.min(10, options.size()))));
    }

    void buttons(List<Option> options) {
        interactive = new Interactive(Interactive.Type.BUTTONS, null, List.copyOf(options.subList(0, Math.min(3, options.size()))));
    }

    void remember(String key, String value) {
        memory.put(key, value);
    }

    void handOff() {
        handoff = true;
    }

    void touched(String bookingId) {
        bookingIds.add(bookingId);
    }

    void answered(String bookingId, ReminderAnswer.Outcome outcome) {
        reminderAnswers.add(new ReminderAnswer(bookingId, outcome));
    }

    /** Nothing said so far this turn. */
    boolean silent() {
        return lines.isEmpty();
    }

    void clear() {
        lines.clear();
        interactive = null;
        bookingIds.clear();
        reminderAnswers.clear();
        handoff = false;
    }

    AssistantReply reply(String state) {
        return new AssistantReply(String.join("\n", lines), interactive, state, Map.copyOf(memory), handoff,
                List.copyOf(bookingIds), List.copyOf(reminderAnswers));
    }
}
