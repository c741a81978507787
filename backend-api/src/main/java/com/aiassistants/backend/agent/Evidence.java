package com.aiassistants.backend.agent;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the tools returned during one turn, normalised for the reply check: local dates, wall-clock
 * times (minute of day), identifiers (upper case, no dashes) and booking states. Instants are read in
 * the tenant's zone; local date-times as written by the tools.
 */
final class Evidence {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern LOCAL_DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?");
    private static final Pattern OFFSET_DATE_TIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})");
    private static final Pattern TIME = Pattern.compile("\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?");

    private final ZoneId zone;
    private final Set<LocalDate> dates = new HashSet<>();
    private final Set<Integer> minutesOfDay = new HashSet<>();
    private final Set<String> identifiers = new HashSet<>();
    private boolean confirmSucceeded;
    private boolean cancelSucceeded;
    private boolean holdAttempted;
    private boolean confirmedBookingSeen;
    private boolean cancelledBookingSeen;

    Evidence(ZoneId zone) {
        this.zone = zone;
    }

    /** A date the agent itself vouches for (today, from the clock). */
    void trustDate(LocalDate date) {
        dates.add(date);
    }

    /**
     * Records a tool's answer (a result, or the body of a refusal such as slot_taken with its alternatives). An order
     * tool's answer vouches for dates, times and identifiers, never for a booking's state (an order's status is the
     * shop's text).
     */
    void record(AgentTool tool, boolean succeeded, Map<String, Object> body) {
        if (tool == AgentTool.HOLD_SLOT) {
            holdAttempted = true;
        }
        if (succeeded && tool == AgentTool.CONFIRM_BOOKING) {
            confirmSucceeded = true;
        }
        if (succeeded && tool == AgentTool.CANCEL_BOOKING) {
            cancelSucceeded = true;
        }
        walk(body, null, !tool.ordersHook());
    }

    private void walk(Object node, String key, boolean bookings) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, String.valueOf(k), bookings));
        } else if (node instanceof List<?> list) {
            list.forEach(item -> walk(item, key, bookings));
        } else if (node instanceof String text) {
            value(key, text, bookings);
        }
    }

    private void value(String key, String text, boolean bookings) {
        if (bookings && "status".equals(key)) {
            confirmedBookingSeen |= text.equals("CONFIRMED");
            cancelledBookingSeen |= text.equals("CANCELLED");
        }
        try {
            if (OFFSET_DATE_TIME.matcher(text).matches()) {
                ZonedDateTime local = OffsetDateTime.parse(text).atZoneSameInstant(zone);
                dates.add(local.toLocalDate());
                minutesOfDay.add(local.getHour() * 60 + local.getMinute());
                return;
            }
            if (LOCAL_DATE_TIME.matcher(text).matches()) {
                LocalDateTime local = LocalDateTime.parse(text);
                dates.add(local.toLocalDate());
                minutesOfDay.add(local.getHour() * 60 + local.getMinute());
                return;
            }
            if (DATE.matcher(text).matches()) {
                dates.add(LocalDate.parse(text));
                return;
            }
            if (TIME.matcher(text).matches()) {
                LocalTime time = LocalTime.parse(text);
                minutesOfDay.add(time.getHour() * 60 + time.getMinute());
                return;
            }
        } catch (DateTimeException e) {
            // not a date after all: kept as an identifier below
        }
        if (text.length() <= 64) {
            identifiers.add(normaliseId(text));
        }
    }

    static String normaliseId(String id) {
        return id.toUpperCase(Locale.ROOT).replace("-", "");
    }

    boolean hasTime(Mentions.Time time) {
        int minute = time.hour() * 60 + time.minute();
        return minutesOfDay.contains(minute) || (time.twelveHour() && minutesOfDay.contains(minute + 12 * 60));
    }

    boolean hasDate(Mentions.Date date) {
        for (LocalDate d : dates) {
            if (matches(d, date.year(), date.month(), date.day())
                    || (date.swappable() && matches(d, date.year(), date.day(), date.month()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(LocalDate d, Integer year, int month, int day) {
        return d.getDayOfMonth() == day && (month == 0 || d.getMonthValue() == month)
                && (year == null || d.getYear() == year);
    }

    boolean hasIdentifier(String code) {
        return identifiers.contains(normaliseId(code));
    }

    /** A confirmation may be stated after confirm_booking succeeded, or when describing bookings a tool showed as CONFIRMED while nothing was held this turn. */
    boolean mayClaimConfirmation() {
        return confirmSucceeded || (!holdAttempted && confirmedBookingSeen);
    }

    boolean mayClaimCancellation() {
        return cancelSucceeded || cancelledBookingSeen;
    }
}
