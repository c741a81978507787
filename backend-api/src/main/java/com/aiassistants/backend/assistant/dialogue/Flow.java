package com.aiassistants.backend.assistant.dialogue;

/** The task the current steps serve. */
public enum Flow {
    BOOK, CANCEL, RESCHEDULE
}
