package com.aiassistants.infra.migration;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;

/**
 * Reads the old system's string dates and times. Dates: {@code 2025-03-14} or {@code 14/03/2025}.
 * Times: {@code 9:30}, {@code 09:30}, {@code 09:30:00}, or a whole date-time. Date-times: ISO with an
 * offset ({@code …-03:00}, {@code …Z}) are exact; without one ({@code 2025-03-14T09:30},
 * {@code 2025-03-14 09:30:00}) they are wall-clock times in the given zone (a time skipped by a DST
 * change moves forward, as {@link ZonedDateTime#of} does). Numbers are epoch seconds (or
 * milliseconds when too large for seconds). Anything else is an {@link IllegalArgumentException}
 * whose message names the bad value.
 */
final class LegacyTimes {

    private static final List<DateTimeFormatter> DATES =
            List.of(strict("uuuu-MM-dd"), strict("d/M/uuuu"));
    private static final List<DateTimeFormatter> TIMES =
            List.of(strict("H:mm"), strict("H:mm:ss"), DateTimeFormatter.ISO_LOCAL_TIME);
    private static final long MAX_EPOCH_SECONDS = 100_000_000_000L;

    private LegacyTimes() {
    }

    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
    }

    private static final java.util.regex.Pattern SHOWN = java.util.regex.Pattern.compile(
            "^(\\d{4}-\\d{2}-\\d{2})[T ](\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?)(Z|[+-]\\d{2}:?\\d{2})?$");

    /**
     * A booking time as the old system showed it to the patient. The old calendar wrote its slots as
     * {@code 2025-03-14T09:00:00Z} (and the old dialogue as {@code …T09:00:00-03:00}) and told the
     * patient "09:00" by cutting the string after the {@code T}, whatever the suffix: so the digits are
     * the appointment, a wall-clock time in the business's zone, and the {@code Z} or offset is ignored.
     * {@code time} may also be a bare {@code 09:00} on {@code date}. An impossible date or time is an
     * {@link IllegalArgumentException} naming the value.
     */
    static Instant shown(String date, String time, ZoneId zone, String field) {
        if (time == null) {
            throw new IllegalArgumentException("missing " + field);
        }
        LocalDate day = date == null ? null : date(date);
        java.util.regex.Matcher m = SHOWN.matcher(time.trim());
        if (m.matches()) {
            LocalDate own;
            try {
                own = LocalDate.parse(m.group(1), DateTimeFormatter.ISO_LOCAL_DATE.withResolverStyle(ResolverStyle.STRICT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("bad " + field + " '" + time + "' (no such date)");
            }
            try {
                return ZonedDateTime.of(own, time(m.group(2), field), zone).toInstant();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("bad " + field + " '" + time + "'");
            }
        }
        if (day == null) {
            throw new IllegalArgumentException("missing date_iso for " + field + " '" + time + "'");
        }
        return ZonedDateTime.of(day, time(time, field), zone).toInstant();
    }

    /** A timestamp (string or epoch number) as an instant; naive strings are wall-clock in {@code zone}. */
    static Instant instant(Object value, ZoneId zone, String field) {
        if (value instanceof Number number) {
            long n = number.longValue();
            return Math.abs(n) >= MAX_EPOCH_SECONDS ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
        }
        String text = value == null ? null : value.toString().trim();
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("missing " + field);
        }
        String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + "T" + text.substring(11) : text;
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(iso).atZone(zone).toInstant();
            } catch (DateTimeParseException notLocal) {
                if (iso.matches("-?\\d{1,15}")) {
                    return instant(Long.parseLong(iso), zone, field);
                }
                throw new IllegalArgumentException("bad " + field + " '" + text + "'");
            }
        }
    }

    static LocalDate date(String text) {
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(text.trim(), format);
            } catch (DateTimeParseException next) {
                // try the next format
            }
        }
        throw new IllegalArgumentException("bad date_iso '" + text + "'");
    }

    private static LocalTime time(String text, String field) {
        for (DateTimeFormatter format : TIMES) {
            try {
                return LocalTime.parse(text.trim(), format);
            } catch (DateTimeParseException next) {
                // try the next format
            }
        }
        throw new IllegalArgumentException("bad " + field + " '" + text + "'");
    }
}
