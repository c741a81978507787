package com.aiassistants.backend.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The times, dates and booking codes a reply text states, and whether it claims a booking was confirmed or
 * cancelled. Spanish and English forms: {@code 10:30}, {@code 10h30}, {@code 16 hs}, {@code 4 pm},
 * {@code a las 10}, {@code 10 y media}, {@code 2026-01-15}, {@code 15/01}, {@code 15 de enero},
 * {@code January 15th}, {@code el martes 15}, UUIDs and six-character codes.
 * Each pattern blanks what it matched so that one piece of text counts once.
 */
record Mentions(List<Time> times, List<Date> dates, List<String> codes, boolean claimsConfirmation,
        boolean claimsCancellation) {

    /** A wall-clock time; {@code twelveHour} when it could also mean {@code hour + 12} (e.g. "a las 4"). */
    record Time(int hour, int minute, boolean twelveHour) {

        @Override
        public String toString() {
            return "%02d:%02d".formatted(hour, minute);
        }
    }

    /**
     * A calendar date as written: {@code month} 0 when only the day of month is known ("el martes 15"),
     * {@code year} null when not written, {@code swappable} when day and month may be the other way round (1/2).
     */
    record Date(Integer year, int month, int day, boolean swappable) {

        @Override
        public String toString() {
            return (year == null ? "" : year + "-") + (month == 0 ? "?" : month) + "-" + day;
        }
    }

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
    private static final String MONTH_NAMES = "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|"
            + "octubre|noviembre|diciembre|january|february|march|april|may|june|july|august|september|october|"
            + "november|december|ene|jan|feb|mar|abr|apr|jun|jul|ago|aug|sept|sep|oct|nov|dic|dec";
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("enero", 1), Map.entry("febrero", 2), Map.entry("marzo", 3), Map.entry("abril", 4),
            Map.entry("mayo", 5), Map.entry("junio", 6), Map.entry("julio", 7), Map.entry("agosto", 8),
            Map.entry("septiembre", 9), Map.entry("setiembre", 9), Map.entry("octubre", 10),
            Map.entry("noviembre", 11), Map.entry("diciembre", 12), Map.entry("january", 1), Map.entry("february", 2),
            Map.entry("march", 3), Map.entry("april", 4), Map.entry("may", 5), Map.entry("june", 6),
            Map.entry("july", 7), Map.entry("august", 8), Map.entry("september", 9), Map.entry("october", 10),
            Map.entry("november", 11), Map.entry("december", 12), Map.entry("ene", 1), Map.entry("jan", 1),
            Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("abr", 4), Map.entry("apr", 4), Map.entry("jun", 6),
            Map.entry("jul", 7), Map.entry("ago", 8), Map.entry("aug", 8), Map.entry("sept", 9), Map.entry("sep", 9),
            Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dic", 12), Map.entry("dec", 12));
    private static final String WEEKDAYS = "lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo|"
            + "monday|tuesday|wednesday|thursday|friday|saturday|sunday";

    private static final Pattern UUID = Pattern.compile(
            "\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b", FLAGS);
    private static final Pattern ISO_DATE = Pattern.compile("(?<!\\d)(\\d{4})-(\\d{2})-(\\d{2})(?!\\d)");
    private static final Pattern DAY_MONTH_NAME = Pattern.compile("(?<![\\d:])(\\d{1,2})(?:st|nd|rd|th|º|°)?\\s+"
            + "(?:de\\s+|of\\s+)?(" + MONTH_NAMES + ")\\b\\.?(?:,?\\s+(?:de\\s+|del\\s+)?(\\d{4}))?", FLAGS);
    private static final Pattern MONTH_NAME_DAY = Pattern.compile("\\b(" + MONTH_NAMES + ")\\.?\\s+(\\d{1,2})"
            + "(?:st|nd|rd|th)?(?![\\d:])(?:,?\\s+(\\d{4}))?", FLAGS);
    private static final Pattern NUMERIC_DATE = Pattern.compile(
            "(?<![\\d/])(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}|\\d{2}))?(?![\\d/])");
    private static final Pattern AM_PM = Pattern.compile(
            "(?<![\\d:])(\\d{1,2})(?:[:.]([0-5]\\d))?\\s*([ap])\\.?\\s?m\\b\\.?", FLAGS);
    private static final Pattern CLOCK = Pattern.compile("(?<![\\d:])(\\d{1,2})[:h]([0-5]\\d)(?![\\d])", FLAGS);
    private static final Pattern HALF_QUARTER = Pattern.compile(
            "(?<![\\d:])(\\d{1,2})\\s+y\\s+(media|cuarto)\\b", FLAGS);
    private static final Pattern HOURS_SUFFIX = Pattern.compile("(?<![\\d:])(\\d{1,2})\\s*(?:hs|hrs)\\b\\.?", FLAGS);
    private static final Pattern AT_HOUR = Pattern.compile("\\b(?:a\\s+las|a\\s+la|las|at)\\s+(\\d{1,2})(?![\\d:/])"
            + "(?:\\s+(?:de\\s+la|in\\s+the)\\s+(mañana|manana|tarde|noche|morning|afternoon|evening))?", FLAGS);
    private static final Pattern WEEKDAY_DAY = Pattern.compile(
            "\\b(?:" + WEEKDAYS + ")\\s+(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?(?![\\d:])", FLAGS);
    private static final Pattern CODE = Pattern.compile("(?<![A-Za-z0-9-])([A-Z0-9]{6})(?![A-Za-z0-9-])");
    private static final Pattern CONFIRMED = Pattern.compile(
            "\\b(confirmad[oa]s?|confirmé|confirmed|booked|agendad[oa]s?|qued[oó] reservad[oa])\\b", FLAGS);
    private static final Pattern CANCELLED = Pattern.compile(
            "\\b(cancelad[oa]s?|cancelé|cancell?ed|anulad[oa]s?)\\b", FLAGS);
    private static final Pattern NEGATION = Pattern.compile(
            "\\b(no|not|sin|aún no|aun no|todavía no|todavia no|yet to be|isn't|is not|wasn't|n't)\\s+(?:\\S+\\s+){0,2}$",
            FLAGS);

    static Mentions of(String text) {
        StringBuilder rest = new StringBuilder(text == null ? "" : text);
        List<Time> times = new ArrayList<>();
        List<Date> dates = new ArrayList<>();
        List<String> codes = new ArrayList<>();

        each(UUID, rest, m -> codes.add(m.group().toLowerCase(Locale.ROOT)));
        each(ISO_DATE, rest, m -> addDate(dates, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), false));
        each(DAY_MONTH_NAME, rest, m -> addDate(dates, year(m.group(3)), MONTHS.get(m.group(2).toLowerCase(Locale.ROOT)),
                Integer.parseInt(m.group(1)), false));
        each(MONTH_NAME_DAY, rest, m -> addDate(dates, year(m.group(3)), MONTHS.get(m.group(1).toLowerCase(Locale.ROOT)),
                Integer.parseInt(m.group(2)), false));
        each(NUMERIC_DATE, rest, m -> addDate(dates, year(m.group(3)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(1)), true));
        each(AM_PM, rest, m -> {
            int hour = Integer.parseInt(m.group(1));
            int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
            if (hour >= 1 && hour <= 12) {
                boolean pm = m.group(3).equalsIgnoreCase("p");
                times.add(new Time(pm ? (hour % 12) + 12 : hour % 12, minute, false));
            }
        });
        each(CLOCK, rest, m -> addTime(times, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                m.group(1).length() == 1));
        each(HALF_QUARTER, rest, m -> addTime(times, Integer.parseInt(m.group(1)),
                m.group(2).equalsIgnoreCase("media") ? 30 : 15, true));
        each(HOURS_SUFFIX, rest, m -> addTime(times, Integer.parseInt(m.group(1)), 0, true));
        each(AT_HOUR, rest, m -> {
            int hour = Integer.parseInt(m.group(1));
            String part = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
            boolean afternoon = part.equals("tarde") || part.equals("noche") || part.equals("afternoon")
                    || part.equals("evening");
            if (afternoon && hour >= 1 && hour < 12) {
                addTime(times, hour + 12, 0, false);
            } else {
                addTime(times, hour, 0, part.isEmpty());
            }
        });
        each(WEEKDAY_DAY, rest, m -> addDate(dates, null, 0, Integer.parseInt(m.group(1)), false));
        each(CODE, rest, m -> {
            if (m.group(1).chars().anyMatch(Character::isLetter)) {
                codes.add(m.group(1));
            }
        });
        String original = text == null ? "" : text;
        return new Mentions(List.copyOf(times), List.copyOf(dates), List.copyOf(codes),
                claims(CONFIRMED, original), claims(CANCELLED, original));
    }

    private static boolean claims(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            String before = text.substring(Math.max(0, m.start() - 30), m.start());
            if (!NEGATION.matcher(before).find()) {
                return true;
            }
        }
        return false;
    }

    private static void addTime(List<Time> times, int hour, int minute, boolean twelveHour) {
        if (hour >= 0 && hour <= 24 && minute < 60) {
            times.add(new Time(hour % 24, minute, twelveHour && hour >= 1 && hour < 12));
        }
    }

    private static void addDate(List<Date> dates, Integer year, Integer month, int day, boolean swappable) {
        if (month == null || month < 0 || month > 12 || day < 1 || day > 31) {
            if (swappable && month != null && day >= 1 && day <= 12 && month >= 1 && month <= 31) {
                dates.add(new Date(year, day, month, false));
            }
            return;
        }
        dates.add(new Date(year, month, day, swappable && day <= 12));
    }

    private static Integer year(String text) {
        if (text == null) {
            return null;
        }
        int year = Integer.parseInt(text);
        return text.length() == 2 ? 2000 + year : year;
    }

    private static void each(Pattern pattern, StringBuilder text, java.util.function.Consumer<Matcher> action) {
        Matcher m = pattern.matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            action.accept(m);
            spans.add(new int[] {m.start(), m.end()});
        }
        for (int[] span : spans) {
            for (int i = span[0]; i < span[1]; i++) {
                text.setCharAt(i, ' ');
            }
        }
    }
}
