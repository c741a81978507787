package com.aiassistants.calendar.booking;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.regex.Pattern;

/** Six-character booking codes people can read aloud: no 0/O, 1/I/L, 5/S or 2/Z look-alikes. */
final class ShortCodes {

    static final String ALPHABET = "ABCDEFGHJKMNPQRTUVWXY346789";
    static final int LENGTH = 6;
    private static final Pattern SHAPE = Pattern.compile("[" + ALPHABET + "]{" + LENGTH + "}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ShortCodes() {
    }

    static String next() {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(code);
    }

    /** The canonical form of something a person typed, or null when it cannot be a code. */
    static String normalize(String input) {
        String code = input.trim().toUpperCase(Locale.ROOT).replace("-", "").replace(" ", "");
        return SHAPE.matcher(code).matches() ? code : null;
    }
}
