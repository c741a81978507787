package com.aiassistants.backend.assistant.dialogue;

/** Where a conversation stands: what the assistant asked last and so how the next message is read. */
public enum Step {
    IDLE, ASK_NAME, ASK_SERVICE, ASK_PROFESSIONAL, ASK_DATE, OFFER_SLOTS, CONFIRM_HOLD, CHOOSE_BOOKING, CONFIRM_CANCEL,
    CONFIRM_RESCHEDULE, ASK_ORDER_NUMBER, ASK_CLAIM_TEXT, CONFIRM_CLAIM;

    public boolean collecting() {
        return this == ASK_NAME || this == ASK_SERVICE || this == ASK_PROFESSIONAL || this == ASK_DATE || this == OFFER_SLOTS;
    }

    public boolean confirming() {
        return this == CONFIRM_HOLD || this == CONFIRM_CANCEL || this == CONFIRM_RESCHEDULE || this == CONFIRM_CLAIM;
    }

    /** A question about an order or a claim (the shop's hook). */
    public boolean aboutOrders() {
        return this == ASK_ORDER_NUMBER || this == ASK_CLAIM_TEXT || this == CONFIRM_CLAIM;
    }
}
