package com.aiassistants.common.channel;

/** Phone numbers as the channel handles them, and as they may appear in logs (never in full). */
public final class PhoneNumbers {

    /** An E.164 number; the leading {@code +} may be missing (WhatsApp ids have none). */
    public static final String E164_PATTERN = "\\+?[1-9][0-9]{6,14}";

    private PhoneNumbers() {
    }

    /** Digits only ({@code "+34 600-11 22 33"} → {@code "34600112233"}). */
    public static String digits(String number) {
        return number == null ? "" : number.replaceAll("[^0-9]", "");
    }

    /**
     * {@code +5491122334455} → {@code ***4455}: only the last four characters, and not the length.
     * Anything shorter than five characters is fully masked.
     */
    public static String mask(String value) {
        if (value == null) {
            return null;
        }
        return value.length() < 5 ? "***" : "***" + value.substring(value.length() - 4);
    }

    /** A conversation id with its phone number masked: {@code whatsapp:+5491122334455} → {@code whatsapp:***4455}. */
    public static String maskConversation(String conversationId) {
        if (conversationId == null) {
            return null;
        }
        int colon = conversationId.indexOf(':');
        if (colon > 0 && conversationId.startsWith("whatsapp:")) {
            return conversationId.substring(0, colon + 1) + mask(conversationId.substring(colon + 1));
        }
        return conversationId;
    }
}
