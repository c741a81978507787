package com.aiassistants.backend.assistant.nlu;

import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pick from a numbered list: "1", "opción 2", "#3", "el primero", "the second one", "el último".
 * Returns a 1-based index; {@code -1} stands for "the last one".
 */
public final class ChoiceParser {

    public static final int LAST = -1;
    private static final Pattern NUMBER = Pattern.compile(
            "^(?:(?:dale|ok|okey|okay|bueno|bien|si|listo|perfecto|genial|joya|buenisimo|yes|yeah|sure|great|alright|fine)[\\s,]+)*"
            + "(?:(?:mejor|prefiero|quiero|dame|elijo|me quedo con|better|i want|i ll take|take|give me|make it)\\s+)?(?:(?:el|la|the)\\s+)?(?:(?:opcion|option|numero|nro|number|no|#)\\s*)?#?(\\d{1,2})(?:\\s*,?\\s*(?:por favor|porfa|x fa|xfa|please|pls|gracias|thanks))?$");
    private static final Map<String, Integer> ORDINALS = Map.ofEntries(Map.entry("primero", 1), Map.entry("primera", 1),
            Map.entry("primer", 1), Map.entry("first", 1), Map.entry("1ro", 1), Map.entry("1ra", 1), Map.entry("1st", 1),
            Map.entry("segundo", 2), Map.entry("segunda", 2), Map.entry("second", 2), Map.entry("2do", 2),
            Map.entry("2da", 2), Map.entry("2nd", 2), Map.entry("tercero", 3), Map.entry("tercera", 3),
            Map.entry("tercer", 3), Map.entry("third", 3), Map.entry("3ro", 3), Map.entry("3rd", 3),
            Map.entry("cuarto", 4), Map.entry("cuarta", 4), Map.entry("fourth", 4), Map.entry("4th", 4),
            Map.entry("quinto", 5), Map.entry("quinta", 5), Map.entry("fifth", 5), Map.entry("5th", 5),
            Map.entry("ultimo", LAST), Map.entry("ultima", LAST), Map.entry("last", LAST));

    private ChoiceParser() {
    }

    /**
     * Whether the whole message is a numbered pick ("2", "el 2", "dale, la 2 por favor"), which then says nothing
     * else: not the 2nd of the month, not a time.
     */
    public static boolean isOnlyANumber(Utterance utterance) {
        return NUMBER.matcher(utterance.normalized().replaceAll("[.!?,)]+$", "").strip()).matches();
    }

    public static OptionalInt parse(Utterance utterance) {
        String text = utterance.normalized().replaceAll("[.!?,)]+$", "").strip();
        Matcher number = NUMBER.matcher(text);
        if (number.matches()) {
            return OptionalInt.of(Integer.parseInt(number.group(1)));
        }
        if (utterance.tokens().size() <= 5) {
            for (String token : utterance.tokens()) {
                Integer ordinal = ORDINALS.get(token);
                if (ordinal != null) {
                    return OptionalInt.of(ordinal);
                }
            }
        }
        return OptionalInt.empty();
    }
}
