package com.aiassistants.common.channel;

/**
 * What a message id, a customer id or a tapped button's id/payload may be. They come from WhatsApp
 * (base64 wamids ending in {@code =}, {@code /} and {@code +} inside, template button payloads that are
 * the button's label with spaces and accents) or from API clients, so they are opaque: any text of 1 to
 * {@value #MAX_LENGTH} characters that is not blank and holds no control character.
 */
public final class OpaqueIds {

    public static final int MAX_LENGTH = 256;
    public static final String RULE = "1-" + MAX_LENGTH + " characters, not blank, no control characters";

    private OpaqueIds() {
    }

    public static boolean isValid(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH || value.isBlank()) {
            return false;
        }
        return value.codePoints().noneMatch(Character::isISOControl);
    }
}
