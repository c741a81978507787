package com.aiassistants.backend.assistant.nlu;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request to move a booking, split into the part that says which booking ("el turno del martes")
 * and the part that says where to ("al jueves a las 10"), at the first "al", "para", "a", "to" or
 * "for" after which a day or time follows. Without such a split both parts are the whole message.
 *
 * @param which    names the booking to move (its day, if any)
 * @param to       the new day and/or time
 * @param sameTime "a la misma hora", "same time": keep the booking's time of day
 */
public record MoveRequest(Utterance which, Utterance to, boolean sameTime) {

    private static final Pattern MARKER = Pattern.compile("\\b(?:al|para|a|to|for|hasta)\\b");
    private static final List<String> SAME_TIME = List.of("misma hora", "mismo horario", "mismo horaro", "igual horario",
            "la misma", "same time", "same hour", "same slot");

    public static MoveRequest of(Utterance utterance, LocalDate today) {
        boolean same = sameTime(utterance);
        String text = utterance.normalized();
        Matcher m = MARKER.matcher(text);
        while (m.find()) {
            Utterance rest = Utterance.of(text.substring(m.start()));
            if (DateExpressionParser.parse(rest, today).isPresent() || TimeExpressionParser.parse(rest).isPresent()
                    || sameTime(rest)) {
                return new MoveRequest(Utterance.of(text.substring(0, m.start())), rest, same);
            }
        }
        return new MoveRequest(utterance, utterance, same);
    }

    public static boolean sameTime(Utterance utterance) {
        return utterance.hasAny(SAME_TIME);
    }
}
