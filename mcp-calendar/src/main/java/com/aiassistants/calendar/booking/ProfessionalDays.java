package com.aiassistants.calendar.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * What a write to one professional's calendar is serialised by: the UTC days its range {@code [from, to)} touches,
 * in ascending order (usually one; two when the range crosses midnight UTC). Two overlapping ranges always share a
 * day (the day of any instant in both), so writes that could collide wait for each other, while writes of the same
 * professional on other days go on at once. Taking the days in ascending order keeps two multi-day writes from
 * waiting for each other in a cycle.
 *
 * @param tenantId       the tenant
 * @param professionalId the professional whose calendar is written
 * @param days           the UTC days, ascending, without repeats
 */
record ProfessionalDays(String tenantId, String professionalId, List<LocalDate> days) {

    ProfessionalDays {
        days = List.copyOf(days);
        if (days.isEmpty()) {
            throw new IllegalArgumentException("a calendar write touches at least one day");
        }
    }

    /** The days of the range {@code [from, to)}; an empty range ({@code to <= from}) counts as the day of {@code from}. */
    static ProfessionalDays of(String tenantId, String professionalId, Instant from, Instant to) {
        LocalDate first = LocalDate.ofInstant(from, ZoneOffset.UTC);
        LocalDate last = to.isAfter(from) ? LocalDate.ofInstant(to.minusNanos(1), ZoneOffset.UTC) : first;
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            days.add(day);
        }
        return new ProfessionalDays(tenantId, professionalId, days);
    }

    /** One key per day, in the days' order: the in-memory queue and the advisory locks both use these. */
    List<String> keys() {
        return days.stream().map(day -> tenantId + "/" + professionalId + "/" + day).toList();
    }
}
