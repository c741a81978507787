package com.aiassistants.backend.support;

import java.util.regex.Pattern;

import com.aiassistants.common.channel.ChannelText;
import com.aiassistants.common.channel.OpaqueIds;
import com.aiassistants.common.channel.PhoneNumbers;
import com.aiassistants.common.web.ApiProblem;

/**
 * Checks for ids and values that arrive in paths and headers (bodies use bean validation). Ids the API
 * names itself (projects, conversations) follow {@link #ID_PATTERN}; ids that come from a channel or a
 * client (message ids, customer ids, reply ids) are opaque ({@link OpaqueIds}).
 */
public final class Inputs {

    public static final int MAX_TEXT = ChannelText.MAX_LENGTH;
    public static final String ID_PATTERN = "[A-Za-z0-9+][A-Za-z0-9:+._@-]{0,127}";
    public static final String PHONE_PATTERN = PhoneNumbers.E164_PATTERN;
    private static final Pattern ID = Pattern.compile(ID_PATTERN);
    private static final Pattern PHONE = Pattern.compile(PHONE_PATTERN);

    private Inputs() {
    }

    public static String id(String what, String value) {
        if (value == null || !ID.matcher(value).matches()) {
            throw ApiProblem.badRequest("invalid-" + what,
                    what + " must be 1-128 characters of letters, digits and :+._@-");
        }
        return value;
    }

    public static String optionalId(String what, String value) {
        return value == null || value.isBlank() ? null : id(what, value);
    }

    /** A message, customer or reply id: {@link OpaqueIds#RULE}. */
    public static String opaqueId(String what, String value) {
        if (!OpaqueIds.isValid(value)) {
            throw ApiProblem.badRequest("invalid-" + what, what + " must be " + OpaqueIds.RULE);
        }
        return value;
    }

    public static String optionalOpaqueId(String what, String value) {
        return value == null || value.isBlank() ? null : opaqueId(what, value);
    }

    /** Validates an E.164 number (the leading {@code +} may be missing) and returns it with the {@code +}. */
    public static String phone(String value) {
        if (value == null || !PHONE.matcher(value).matches()) {
            throw ApiProblem.badRequest("invalid-phone", "from_number must be an E.164 phone number, e.g. +5491122334455");
        }
        return value.startsWith("+") ? value : "+" + value;
    }

    public static String text(String value, boolean allowBlank) {
        if (value == null || (!allowBlank && value.isBlank())) {
            throw ApiProblem.badRequest("invalid-text", "text must not be blank");
        }
        if (value.length() > MAX_TEXT) {
            throw ApiProblem.badRequest("text-too-long", "text must be at most " + MAX_TEXT + " characters");
        }
        if (ChannelText.hasForbiddenCharacters(value)) {
            throw ApiProblem.badRequest("invalid-text", "text must not contain control characters (NUL and the like)")
                    .with("errors", java.util.List.of(java.util.Map.of("field", "text",
                            "message", "must not contain control characters (NUL and the like)")));
        }
        return value;
    }
}
