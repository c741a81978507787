package com.aiassistants.backend.conversation;

import com.aiassistants.backend.assistant.nlu.Intent;
import com.aiassistants.backend.assistant.nlu.IntentClassifier;
import com.aiassistants.backend.assistant.nlu.Utterance;

/**
 * Whether a patient's message asks for a person ("quiero hablar con una persona", "agent"), whatever
 * the assistant made of it: the console then shows the conversation as needing a human. Uses the
 * deterministic engine's vocabulary, so both engines flag the same messages.
 */
final class HumanRequests {

    private HumanRequests() {
    }

    static boolean asksForPerson(String text) {
        return text != null && !text.isBlank() && IntentClassifier.matches(Utterance.of(text), Intent.HUMAN);
    }
}
