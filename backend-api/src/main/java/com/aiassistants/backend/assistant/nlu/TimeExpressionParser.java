package com.aiassistants.backend.assistant.nlu;

import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spanish and English time expressions.
 * <p>Rules (documented choices):
 * <ul>
 * <li>"4 pm", "4:30pm", "10 a.m." → 12-hour clock; "10:30", "16 hs", "16h", "a las 16" → 24-hour.</li>
 * <li>A bare hour 1–7 without am/pm ("a las 4", "at 5") is read as afternoon (16:00, 17:00): nobody books
 * at 4 in the morning.</li>
 * <li>"y media"/"y cuarto" add 30/15 minutes; "mediodía"/"noon" → 12:00.</li>
 * <li>"por/a/de/en la mañana", "in the morning" → starts up to 11:59; "por la tarde", "afternoon" → from
 * 13:00 (after the Argentine lunch) to 19:59; "noche"/"evening" → from 18:00. "buenas tardes"/"good morning" are greetings, not times.</li>
 * <li>"después de las 15"/"after 3 pm" → from 15:00; "antes de las 11"/"before 11" → up to 10:59.</li>
 * </ul>
 * An hour needs a marker (a las, at, :, hs, am/pm): a bare "2" is a choice, not a time.
 */
public final class TimeExpressionParser {

    private static final String HOUR = "(\\d{1,2})(?::(\\d{2}))?";
    private static final String FRACTION = "(?:\\s+y\\s+(media|cuarto))?";
    private static final Pattern MERIDIEM = Pattern.compile("(?<![\\d/:-])" + HOUR + "\\s*(am|pm|a\\.\\s?m\\.?|p\\.\\s?m\\.?)(?![a-z])");
    private static final Pattern CLOCK = Pattern.compile("(?<![\\d/:-])(\\d{1,2}):(\\d{2})(?![\\d/-])");
    private static final Pattern HOURS_SUFFIX = Pattern.compile("(?<![\\d/:-])(\\d{1,2})\\s*(?:hs|h|hrs|horas)\\b");
    private static final Pattern PREFIXED = Pattern.compile(
            "\\b(?:a las|a la|las|para las|tipo|at|around|about)\\s+" + HOUR + FRACTION + "(?![\\d/-])");
    private static final Pattern AFTER = Pattern.compile("\\b(?:despues de las|despues de la|desde las|desde la|after|from)\\s+"
            + HOUR + "\\s*(am|pm)?(?:\\s*(?:hs|h)\\b)?");
    private static final Pattern BEFORE = Pattern.compile("\\b(?:antes de las|antes de la|hasta las|hasta la|before|until)\\s+"
            + HOUR + "\\s*(am|pm)?(?:\\s*(?:hs|h)\\b)?");

    private static final List<String> MORNING = List.of("por la manana", "a la manana", "de la manana", "en la manana",
            "esta manana", "temprano", "in the morning", "this morning", "morning");
    private static final List<String> AFTERNOON = List.of("por la tarde", "a la tarde", "de la tarde", "en la tarde",
            "esta tarde", "tarde", "in the afternoon", "this afternoon", "afternoon");
    private static final List<String> EVENING = List.of("por la noche", "a la noche", "de la noche", "esta noche",
            "in the evening", "this evening", "evening", "tonight");
    private static final List<String> GREETINGS = List.of("buenas tardes", "buenas noches", "good morning",
            "good afternoon", "good evening", "buenos dias");

    private TimeExpressionParser() {
    }

    public static Optional<TimeQuery> parse(Utterance utterance) {
        String text = utterance.normalized();
        Matcher m = AFTER.matcher(text);
        if (m.find()) {
            return hour(m.group(1), m.group(2), m.group(3)).map(t -> TimeQuery.between(t, null));
        }
        m = BEFORE.matcher(text);
        if (m.find()) {
            return hour(m.group(1), m.group(2), m.group(3)).map(t -> TimeQuery.between(null, t.minusMinutes(1)));
        }
        m = MERIDIEM.matcher(text);
        if (m.find()) {
            return hour(m.group(1), m.group(2), m.group(3)).map(TimeQuery::at);
        }
        m = CLOCK.matcher(text);
        if (m.find()) {
            return exact24(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        m = HOURS_SUFFIX.matcher(text);
        if (m.find()) {
            return exact24(Integer.parseInt(m.group(1)), 0);
        }
        Utterance plain = withoutGreetings(utterance);
        m = PREFIXED.matcher(text);
        if (m.find()) {
            int minutes = m.group(2) != null ? Integer.parseInt(m.group(2))
                    : "media".equals(m.group(3)) ? 30 : "cuarto".equals(m.group(3)) ? 15 : 0;
            Optional<TimeQuery> exact = exact24(Integer.parseInt(m.group(1)), minutes);
            if (exact.isPresent()) {
                LocalTime time = exact.get().exact();
                boolean later = plain.hasAny(AFTERNOON) || plain.hasAny(EVENING);
                return Optional.of(later && time.getHour() < 12 ? TimeQuery.at(time.plusHours(12)) : exact.get());
            }
        }
        if (utterance.hasAny(List.of("mediodia", "medio dia", "noon", "midday"))) {
            return Optional.of(TimeQuery.at(LocalTime.NOON));
        }
        if (plain.hasAny(MORNING)) {
            return Optional.of(TimeQuery.between(null, LocalTime.of(11, 59)));
        }
        if (plain.hasAny(EVENING)) {
            return Optional.of(TimeQuery.between(LocalTime.of(18, 0), null));
        }
        if (plain.hasAny(AFTERNOON)) {
            return Optional.of(TimeQuery.between(LocalTime.of(13, 0), LocalTime.of(19, 59)));
        }
        return Optional.empty();
    }

    private static Utterance withoutGreetings(Utterance utterance) {
        if (!utterance.hasAny(GREETINGS)) {
            return utterance;
        }
        String joined = utterance.joined();
        for (String greeting : GREETINGS) {
            joined = joined.replace(" " + greeting + " ", " ");
        }
        return Utterance.of(joined);
    }

    /** Bare hours 1..7 are afternoon; 8..23 as said. */
    private static Optional<TimeQuery> exact24(int hour, int minute) {
        if (hour > 23 || minute > 59) {
            return Optional.empty();
        }
        int h = hour >= 1 && hour <= 7 ? hour + 12 : hour;
        return Optional.of(TimeQuery.at(LocalTime.of(h, minute)));
    }

    private static Optional<LocalTime> hour(String hourText, String minuteText, String meridiem) {
        int hour = Integer.parseInt(hourText);
        int minute = minuteText == null ? 0 : Integer.parseInt(minuteText);
        if (minute > 59) {
            return Optional.empty();
        }
        if (meridiem == null) {
            return hour > 23 ? Optional.empty() : Optional.of(LocalTime.of(hour >= 1 && hour <= 7 ? hour + 12 : hour, minute));
        }
        if (hour < 1 || hour > 12) {
            return Optional.empty();
        }
        boolean pm = meridiem.startsWith("p");
        int h = hour % 12 + (pm ? 12 : 0);
        return Optional.of(LocalTime.of(h, minute));
    }
}
