package com.aiassistants.backend.assistant.dialogue;

/** The task the current steps serve: bookings, or (through the shop's hook) looking an order up and making a claim. */
public enum Flow {
    BOOK, CANCEL, RESCHEDULE, ORDER, CLAIM
}
