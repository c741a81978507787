package com.aiassistants.infra.migration;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.regex.Pattern;

/**
 * Customer ids as the new system writes them. The old Baileys gateway sent the WhatsApp number
 * without {@code +} ({@code whatsapp:56959263366}); whatsapp-gateway and backend-api key a
 * WhatsApp customer by E.164 with {@code +} ({@code whatsapp:+56959263366}, customer
 * {@code +56959263366}). Numbers are re-written to that form (spaces, dashes, dots and brackets
 * dropped, a {@code 00} international prefix read as {@code +}); ids that are not phone numbers
 * ({@code web-…}, e-mails) stay as they are. libphonenumber judges whether the result is a number
 * that exists, for a warning only: the gateway keys by whatever WhatsApp sends.
 */
final class LegacyPhones {

    private static final Pattern PHONE_LIKE = Pattern.compile("^\\+?[0-9][0-9 ().\\-]{5,24}$");
    private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{6,14}$");
    private static final String WHATSAPP = "whatsapp:";

    private LegacyPhones() {
    }

    /** The E.164 form ({@code +…}) of a phone-like id, or the id unchanged when it is not a phone number. */
    static String customer(String id) {
        if (id == null) {
            return null;
        }
        String trimmed = id.trim();
        if (trimmed.startsWith(WHATSAPP)) {
            return customer(trimmed.substring(WHATSAPP.length()));
        }
        if (!PHONE_LIKE.matcher(trimmed).matches()) {
            return trimmed;
        }
        String digits = trimmed.replaceAll("[^0-9]", "");
        if (!trimmed.startsWith("+") && digits.startsWith("00")) {
            digits = digits.substring(2);
        }
        String e164 = "+" + digits;
        return E164.matcher(e164).matches() ? e164 : trimmed;
    }

    /**
     * A number typed by staff (a professional's phone): E.164 only when written internationally
     * ({@code +54 9 11 …}, {@code 0054 …}); a local form ({@code 11 5555-0102}) gives null.
     */
    static String typed(String raw) {
        if (raw == null) {
            return null;
        }
        String trimmed = raw.trim();
        if (!trimmed.startsWith("+") && !trimmed.startsWith("00")) {
            return null;
        }
        String e164 = customer(trimmed);
        return isE164(e164) ? e164 : null;
    }

    /** A conversation id with its WhatsApp number in E.164 ({@code whatsapp:+…}); other ids unchanged. */
    static String conversation(String id) {
        if (id == null || !id.trim().startsWith(WHATSAPP)) {
            return id == null ? null : id.trim();
        }
        return WHATSAPP + customer(id.trim().substring(WHATSAPP.length()));
    }

    static boolean isE164(String id) {
        return id != null && E164.matcher(id).matches();
    }

    /** Whether libphonenumber knows {@code e164} as a valid number of its country. */
    static boolean valid(String e164) {
        try {
            PhoneNumberUtil util = PhoneNumberUtil.getInstance();
            return util.isValidNumber(util.parse(e164, null));
        } catch (NumberParseException e) {
            return false;
        }
    }
}
