package com.aiassistants.infra.migration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Target keys derived only from the old keys (and the tenant), so a second run computes the same
 * ids and finds the rows of the first: that is what makes the migration idempotent.
 */
final class LegacyIds {

    /** mcp-calendar's short-code alphabet and length (ShortCodes): no 0/O, 1/I/L, 5/S, 2/Z look-alikes. */
    static final String SHORT_CODE_ALPHABET = "ABCDEFGHJKMNPQRTUVWXY346789";
    static final int SHORT_CODE_LENGTH = 6;
    /** The service id of migrated bookings whose old service matches no service of mcp-professionals. */
    static final String UNMATCHED_SERVICE = "svc-legacy";

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");

    private LegacyIds() {
    }

    static String area(String oldId) {
        return "area-legacy-" + oldId;
    }

    static String specialty(String oldId) {
        return "spc-legacy-" + oldId;
    }

    static String professional(String oldId) {
        return "pro-legacy-" + oldId;
    }

    static UUID booking(String tenant, String oldId) {
        return UUID.nameUUIDFromBytes(("ai-assistants/legacy-booking/" + tenant + "/" + oldId).getBytes(StandardCharsets.UTF_8));
    }

    static String bookingIdempotencyKey(String oldId) {
        return "legacy:" + oldId;
    }

    /** A short code in mcp-calendar's format; {@code attempt} > 0 gives another one after a collision. */
    static String shortCode(String tenant, String oldId, int attempt) {
        byte[] digest = sha256(tenant + "\u0000" + oldId + "\u0000" + attempt);
        char[] code = new char[SHORT_CODE_LENGTH];
        for (int i = 0; i < code.length; i++) {
            code[i] = SHORT_CODE_ALPHABET.charAt(Byte.toUnsignedInt(digest[i]) % SHORT_CODE_ALPHABET.length());
        }
        return new String(code);
    }

    static String bookingEvent(String oldLogId) {
        return "legacy-" + oldLogId;
    }

    static String message(int index) {
        return "legacy-" + index;
    }

    /**
     * mcp-professionals' comparable form of a name (its SearchText): accents removed, lower case,
     * punctuation as single spaces, so "Dra. María Pérez" → "dra maria perez". Must stay identical,
     * because the (tenant, search_name) unique keys of areas and specialties compare it.
     */
    static String searchName(String text) {
        if (text == null) {
            return "";
        }
        String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
        return NON_ALNUM.matcher(plain).replaceAll(" ").trim();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
