package com.aiassistants.backend.assistant.nlu;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spanish and English date expressions, resolved against the tenant-local {@code today}.
 * <p>Rules (documented choices):
 * <ul>
 * <li>"hoy"/"today"/"esta tarde"/"tonight" → today; "mañana"/"tomorrow" → +1 (but "la mañana" is the
 * morning, see {@link TimeExpressionParser}); "pasado mañana"/"day after tomorrow" → +2.</li>
 * <li>A weekday, with or without "el", "este", "próximo", "next", "this", "on" → its first occurrence
 * <em>after</em> today (saying "el lunes" on a Monday means next Monday).</li>
 * <li>Weekday + "de la semana que viene"/"of next week" → that weekday in the next Monday-based week.</li>
 * <li>"la semana que viene"/"la próxima semana"/"next week" alone → next Monday to next Sunday;
 * "esta semana"/"this week" → today to Sunday.</li>
 * <li>"15/01", "15-01", "15/01/2026", "15 de enero", "January 15th", "15 Jan" → day first; in English
 * "01/15" is read month first only when day first is impossible. Without a year a date already past
 * this year means next year (15/01 said in December is next January).</li>
 * <li>"2026-01-15" ISO; "el 15"/"el día 15"/"the 15th" → this month if not past, else next month;
 * "en 3 días"/"in 3 days".</li>
 * </ul>
 */
public final class DateExpressionParser {

    private static final String MONTH_NAMES = "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre"
            + "|octubre|noviembre|diciembre|january|february|march|april|may|june|july|august|september|october"
            + "|november|december|ene|feb|mar|abr|jun|jul|ago|sep|sept|set|oct|nov|dic|jan|apr|aug|dec";
    private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("enero", 1), Map.entry("ene", 1),
            Map.entry("january", 1), Map.entry("jan", 1), Map.entry("febrero", 2), Map.entry("feb", 2),
            Map.entry("february", 2), Map.entry("marzo", 3), Map.entry("mar", 3), Map.entry("march", 3),
            Map.entry("abril", 4), Map.entry("abr", 4), Map.entry("april", 4), Map.entry("apr", 4),
            Map.entry("mayo", 5), Map.entry("may", 5), Map.entry("junio", 6), Map.entry("jun", 6),
            Map.entry("june", 6), Map.entry("julio", 7), Map.entry("jul", 7), Map.entry("july", 7),
            Map.entry("agosto", 8), Map.entry("ago", 8), Map.entry("august", 8), Map.entry("aug", 8),
            Map.entry("septiembre", 9), Map.entry("setiembre", 9), Map.entry("sep", 9), Map.entry("sept", 9),
            Map.entry("set", 9), Map.entry("september", 9), Map.entry("octubre", 10), Map.entry("oct", 10),
            Map.entry("october", 10), Map.entry("noviembre", 11), Map.entry("nov", 11), Map.entry("november", 11),
            Map.entry("diciembre", 12), Map.entry("dic", 12), Map.entry("december", 12), Map.entry("dec", 12));
    private static final Map<String, DayOfWeek> WEEKDAYS = Map.ofEntries(Map.entry("lunes", DayOfWeek.MONDAY),
            Map.entry("martes", DayOfWeek.TUESDAY), Map.entry("miercoles", DayOfWeek.WEDNESDAY),
            Map.entry("jueves", DayOfWeek.THURSDAY), Map.entry("viernes", DayOfWeek.FRIDAY),
            Map.entry("sabado", DayOfWeek.SATURDAY), Map.entry("domingo", DayOfWeek.SUNDAY),
            Map.entry("monday", DayOfWeek.MONDAY), Map.entry("tuesday", DayOfWeek.TUESDAY),
            Map.entry("wednesday", DayOfWeek.WEDNESDAY), Map.entry("thursday", DayOfWeek.THURSDAY),
            Map.entry("friday", DayOfWeek.FRIDAY), Map.entry("saturday", DayOfWeek.SATURDAY),
            Map.entry("sunday", DayOfWeek.SUNDAY), Map.entry("mon", DayOfWeek.MONDAY), Map.entry("tue", DayOfWeek.TUESDAY),
            Map.entry("tues", DayOfWeek.TUESDAY), Map.entry("wed", DayOfWeek.WEDNESDAY),
            Map.entry("thu", DayOfWeek.THURSDAY), Map.entry("thurs", DayOfWeek.THURSDAY), Map.entry("fri", DayOfWeek.FRIDAY));

    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{1,2})-(\\d{1,2})\\b");
    private static final Pattern NUMERIC = Pattern.compile("(?<![\\d:])(\\d{1,2})[/-](\\d{1,2})(?:[/-](\\d{4}|\\d{2}))?(?![\\d:])");
    private static final Pattern DAY_MONTH = Pattern.compile(
            "\\b(\\d{1,2})(?:st|nd|rd|th|ro)?\\s+(?:de\\s+|of\\s+)?(" + MONTH_NAMES + ")\\b(?:\\s+(?:de\\s+|del\\s+)?(\\d{4}))?");
    private static final Pattern MONTH_DAY = Pattern.compile(
            "\\b(" + MONTH_NAMES + ")\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4}))?");
    private static final Pattern DAY_OF_MONTH = Pattern.compile(
            "\\b(?:el|al|del|dia|the|on the)\\s+(?:dia\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\b(?!\\s*(?::|hs\\b|h\\b|hrs\\b|horas\\b|am\\b|pm\\b|a\\.m|p\\.m|/|-))");
    private static final Pattern IN_DAYS = Pattern.compile("\\b(?:en|in|dentro de)\\s+(\\d{1,2})\\s+(?:dias|days)\\b");
    private static final Pattern TOMORROW = Pattern.compile("(?<!\\bla |\\bpasado )\\bmanana\\b");

    private DateExpressionParser() {
    }

    public static Optional<DateQuery> parse(Utterance utterance, LocalDate today) {
        String text = utterance.normalized();
        Matcher m = ISO.matcher(text);
        if (m.find()) {
            return date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        }
        m = DAY_MONTH.matcher(text);
        if (m.find()) {
            return dayMonth(today, Integer.parseInt(m.group(1)), MONTHS.get(m.group(2)), m.group(3));
        }
        m = MONTH_DAY.matcher(text);
        if (m.find()) {
            return dayMonth(today, Integer.parseInt(m.group(2)), MONTHS.get(m.group(1)), m.group(3));
        }
        m = NUMERIC.matcher(text);
        if (m.find()) {
            Optional<DateQuery> numeric = numeric(today, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    m.group(3), utterance);
            if (numeric.isPresent()) {
                return numeric;
            }
        }
        if (utterance.hasAny(List.of("pasado manana", "day after tomorrow"))) {
            return Optional.of(DateQuery.day(today.plusDays(2)));
        }
        if (utterance.has("tomorrow") || TOMORROW.matcher(text).find()) {
            return Optional.of(DateQuery.day(today.plusDays(1)));
        }
        if (utterance.hasAny(List.of("hoy", "today", "tonight", "esta tarde", "esta noche", "this afternoon",
                "this evening", "this morning", "esta manana"))) {
            return Optional.of(DateQuery.day(today));
        }
        boolean nextWeek = utterance.hasAny(List.of("semana que viene", "proxima semana", "semana proxima",
                "next week", "siguiente semana"));
        DayOfWeek weekday = weekday(utterance);
        if (weekday != null) {
            if (nextWeek) {
                return Optional.of(DateQuery.day(nextMonday(today).with(TemporalAdjusters.nextOrSame(weekday))));
            }
            return Optional.of(DateQuery.day(today.with(TemporalAdjusters.next(weekday))));
        }
        if (nextWeek) {
            LocalDate monday = nextMonday(today);
            return Optional.of(new DateQuery(monday, monday.plusDays(6)));
        }
        if (utterance.hasAny(List.of("esta semana", "this week"))) {
            return Optional.of(new DateQuery(today, today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY))));
        }
        m = IN_DAYS.matcher(text);
        if (m.find()) {
            return Optional.of(DateQuery.day(today.plusDays(Integer.parseInt(m.group(1)))));
        }
        m = DAY_OF_MONTH.matcher(text);
        if (m.find()) {
            int day = Integer.parseInt(m.group(1));
            if (day >= 1 && day <= 31) {
                LocalDate candidate = safeDate(today.getYear(), today.getMonthValue(), day);
                if (candidate == null || candidate.isBefore(today)) {
                    LocalDate next = today.plusMonths(1);
                    candidate = safeDate(next.getYear(), next.getMonthValue(), day);
                }
                return Optional.ofNullable(candidate).map(DateQuery::day);
            }
        }
        return Optional.empty();
    }

    private static DayOfWeek weekday(Utterance utterance) {
        for (String token : utterance.tokens()) {
            DayOfWeek day = WEEKDAYS.get(token);
            if (day != null) {
                return day;
            }
        }
        return null;
    }

    private static LocalDate nextMonday(LocalDate today) {
        return today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    }

    private static Optional<DateQuery> numeric(LocalDate today, int first, int second, String year, Utterance utterance) {
        boolean english = LanguageDetector.detect(utterance, Language.ES) == Language.EN;
        int day = first;
        int month = second;
        if (english && month > 12 && first <= 12) {
            day = second;
            month = first;
        }
        if (month < 1 || month > 12) {
            return Optional.empty();
        }
        return dayMonth(today, day, month, year);
    }

    private static Optional<DateQuery> dayMonth(LocalDate today, int day, int month, String year) {
        if (year != null) {
            int y = Integer.parseInt(year);
            return date(y < 100 ? 2000 + y : y, month, day);
        }
        LocalDate candidate = safeDate(today.getYear(), month, day);
        if (candidate != null && candidate.isBefore(today)) {
            candidate = safeDate(today.getYear() + 1, month, day);
        }
        return Optional.ofNullable(candidate).map(DateQuery::day);
    }

    private static Optional<DateQuery> date(int year, int month, int day) {
        return Optional.ofNullable(safeDate(year, month, day)).map(DateQuery::day);
    }

    private static LocalDate safeDate(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
