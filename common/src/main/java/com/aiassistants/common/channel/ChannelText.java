package com.aiassistants.common.channel;

/**
 * What a message text may hold: at most {@value #MAX_LENGTH} characters (a WhatsApp text message's
 * limit and the assistant's) and no control characters other than tab, line feed and carriage return
 * (PostgreSQL refuses NUL, and none of them means anything in a chat).
 */
public final class ChannelText {

    public static final int MAX_LENGTH = 4096;

    private ChannelText() {
    }

    /** Whether {@code codePoint} is a control character a text may not hold. */
    public static boolean forbidden(int codePoint) {
        return Character.isISOControl(codePoint) && codePoint != '\t' && codePoint != '\n' && codePoint != '\r';
    }

    public static boolean hasForbiddenCharacters(String text) {
        return text != null && text.codePoints().anyMatch(ChannelText::forbidden);
    }

    /** The text without its forbidden control characters (null stays null). */
    public static String clean(String text) {
        if (text == null || !hasForbiddenCharacters(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(c -> !forbidden(c)).forEach(out::appendCodePoint);
        return out.toString();
    }

    /**
     * At most {@code max} characters, cut at the last word boundary in the final fifth when there is one and
     * never inside a surrogate pair; {@code ellipsis} (may be empty) is appended to a cut text and counted.
     */
    public static String shorten(String text, int max, String ellipsis) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int room = Math.max(0, max - ellipsis.length());
        int cut = room;
        if (cut > 0 && Character.isLowSurrogate(text.charAt(cut)) && Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        int space = text.lastIndexOf(' ', cut);
        if (space > room - room / 5 && space > 0) {
            cut = space;
        }
        return text.substring(0, cut).stripTrailing() + ellipsis;
    }
}
