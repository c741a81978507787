package com.aiassistants.backend.assistant.nlu;

/** What a message asks for, independent of the dialogue step it arrives in. */
public enum Intent {
    HUMAN, MENU, CANCEL, RESCHEDULE, MY_BOOKINGS, PRICES, PROFESSIONALS, SERVICES, HOURS, BOOK, THANKS_BYE, GREET, UNKNOWN;

    /** Questions answered from the catalogue without leaving the current step. */
    public boolean informational() {
        return this == PRICES || this == PROFESSIONALS || this == SERVICES || this == HOURS;
    }
}
