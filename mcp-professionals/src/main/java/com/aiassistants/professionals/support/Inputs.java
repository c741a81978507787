package com.aiassistants.professionals.support;

import java.util.Currency;
import java.util.Locale;
import java.util.regex.Pattern;

import com.aiassistants.common.mcp.server.ToolException;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

/** Checks on tool arguments; each failure is an {@code invalid_request} tool error naming the field. */
public final class Inputs {

    public static final String INVALID_REQUEST = "invalid_request";
    public static final String NOT_FOUND = "not_found";

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private Inputs() {
    }

    public static ToolException invalid(String message) {
        return new ToolException(INVALID_REQUEST, message);
    }

    public static ToolException notFound(String what, String id) {
        return new ToolException(NOT_FOUND, "No " + what + " with id '" + id + "' exists for this tenant");
    }

    /** A trimmed, non-blank string of at most {@code max} characters. */
    public static String required(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw invalid(field + " is required");
        }
        return bounded(value.trim(), field, max);
    }

    /** Null when absent; else trimmed and bounded. An empty string stays empty (meaning "clear it" on updates). */
    public static String optional(String value, String field, int max) {
        return value == null ? null : bounded(value.trim(), field, max);
    }

    private static String bounded(String value, String field, int max) {
        if (value.length() > max) {
            throw invalid(field + " must be at most " + max + " characters");
        }
        return value;
    }

    /** Null, empty (clear) or a valid e-mail address. */
    public static String email(String value) {
        String email = optional(value, "email", 254);
        if (email != null && !email.isEmpty() && !EMAIL.matcher(email).matches()) {
            throw invalid("email '" + email + "' is not a valid e-mail address");
        }
        return email;
    }

    /** Null, empty (clear) or a phone in international form, returned as E.164 (e.g. +5491155550101). */
    public static String phone(String value) {
        String phone = optional(value, "phone", 32);
        if (phone == null || phone.isEmpty()) {
            return phone;
        }
        if (!phone.startsWith("+")) {
            throw invalid("phone must be in E.164 form with country code, e.g. +5491155550101");
        }
        try {
            Phonenumber.PhoneNumber parsed = PHONES.parse(phone, null);
            if (!PHONES.isPossibleNumber(parsed)) {
                throw invalid("phone '" + phone + "' is not a possible phone number");
            }
            return PHONES.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw invalid("phone must be in E.164 form with country code, e.g. +5491155550101");
        }
    }

    /** An ISO 4217 code in upper case, or null. */
    public static String currency(String value) {
        String code = optional(value, "currency", 3);
        if (code == null || code.isEmpty()) {
            return null;
        }
        code = code.toUpperCase(Locale.ROOT);
        try {
            Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw invalid("currency '" + code + "' is not an ISO 4217 code such as ARS or USD");
        }
        return code;
    }

    public static int between(int value, int min, int max, String field) {
        if (value < min || value > max) {
            throw invalid(field + " must be between " + min + " and " + max + " (got " + value + ")");
        }
        return value;
    }
}
