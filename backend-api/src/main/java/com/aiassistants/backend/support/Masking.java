package com.aiassistants.backend.support;

/** Keeps personal data out of logs. */
public final class Masking {

    private Masking() {
    }

    /** {@code +5491122334455} → {@code ***4455}; anything shorter than 5 characters is fully masked. */
    public static String phone(String value) {
        if (value == null) {
            return null;
        }
        return value.length() < 5 ? "***" : "***" + value.substring(value.length() - 4);
    }

    /** A conversation id with any phone number in it masked, e.g. {@code whatsapp:***4455}. */
    public static String conversation(String conversationId) {
        if (conversationId == null) {
            return null;
        }
        int colon = conversationId.indexOf(':');
        if (colon > 0 && conversationId.startsWith("whatsapp:")) {
            return conversationId.substring(0, colon + 1) + phone(conversationId.substring(colon + 1));
        }
        return conversationId;
    }
}
