package com.aiassistants.backend.assistant.nlu;

/** What a message asks for, independent of the dialogue step it arrives in. */
public enum Intent {
    HUMAN, MENU, CLAIM, ORDER_STATUS, MY_ORDERS, CANCEL, RESCHEDULE, MY_BOOKINGS, PRICES, PROFESSIONALS, SERVICES, HOURS, BOOK, THANKS_BYE, GREET, UNKNOWN;

    /** About the shop's orders and claims, answered through the project's orders hook. */
    public boolean aboutOrders() {
        return this == CLAIM || this == ORDER_STATUS || this == MY_ORDERS;
    }

    /** Questions answered from the catalogue without leaving the current step. */
    public boolean informational() {
        return this == PRICES || this == PROFESSIONALS || this == SERVICES || this == HOURS;
    }
}
