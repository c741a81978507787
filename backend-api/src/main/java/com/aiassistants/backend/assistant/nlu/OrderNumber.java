package com.aiassistants.backend.assistant.nlu;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An order number in a message: "pedido 1234", "#1234", "nro. A-5531", "order no. 88120". A run of at least three
 * digits, optionally after up to four letters and a dash ("AB-1234"); dates ("15/01"), times ("10:30") and phone
 * numbers (more than twelve digits, or written with a leading +) are not order numbers.
 */
public final class OrderNumber {

    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\w+/:.-])#?\\s?((?:[A-Za-z]{1,4}-?)?\\d{3,12})(?![\\w/:]|[.,]\\d)");

    private OrderNumber() {
    }

    public static Optional<String> of(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        Matcher m = NUMBER.matcher(raw);
        return m.find() ? Optional.of(m.group(1).toUpperCase(Locale.ROOT)) : Optional.empty();
    }

    public static Optional<String> of(Utterance utterance) {
        return of(utterance.raw());
    }
}
