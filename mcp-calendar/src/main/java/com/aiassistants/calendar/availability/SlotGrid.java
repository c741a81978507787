package com.aiassistants.calendar.availability;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.aiassistants.common.scheduling.ProfessionalsTools.DateOverride;
import com.aiassistants.common.scheduling.ProfessionalsTools.HoursRange;
import com.aiassistants.common.scheduling.ProfessionalsTools.WorkingRange;

/**
 * Candidate appointment times from a weekly schedule. Each working range is turned into real
 * instants in the tenant's zone (a start inside a DST gap moves forward, an ambiguous time takes
 * the earlier offset) and the grid is walked in real elapsed time from the range start, one step
 * (service duration + buffer) at a time, while the appointment still ends inside the range. So a
 * range spanning a DST change yields exactly as many slots as real hours allow, never a duplicate
 * or a non-existent local time. A range ending at 00:00 means "until midnight". A date override
 * replaces the weekly ranges of its date (no ranges: no candidates that day).
 */
public final class SlotGrid {

    /** One candidate appointment [start, end). */
    public record Candidate(Instant start, Instant end) {
    }

    private final Map<DayOfWeek, List<WorkingRange>> rangesByDay = new EnumMap<>(DayOfWeek.class);
    private final Map<LocalDate, List<WorkingRange>> rangesByDate = new HashMap<>();
    private final ZoneId zone;

    public SlotGrid(List<WorkingRange> ranges, ZoneId zone) {
        this(ranges, List.of(), zone);
    }

    public SlotGrid(List<WorkingRange> ranges, List<DateOverride> overrides, ZoneId zone) {
        this.zone = zone;
        for (DateOverride override : overrides == null ? List.<DateOverride>of() : overrides) {
            rangesByDate.put(override.date(), (override.ranges() == null ? List.<HoursRange>of() : override.ranges())
                    .stream().map(r -> new WorkingRange(override.date().getDayOfWeek(), r.start(), r.end()))
                    .sorted(Comparator.comparing(WorkingRange::start)).toList());
        }
        for (WorkingRange range : ranges == null ? List.<WorkingRange>of() : ranges) {
            rangesByDay.computeIfAbsent(range.dayOfWeek(), d -> new ArrayList<>()).add(range);
        }
        rangesByDay.values().forEach(list -> list.sort(Comparator.comparing(WorkingRange::start)));
    }

    /** Candidates on the local dates [from, to], in start order. */
    public List<Candidate> candidates(LocalDate from, LocalDate to, Duration duration, Duration step) {
        if (duration.isZero() || duration.isNegative() || step.isZero() || step.isNegative()) {
            throw new IllegalArgumentException("duration and step must be positive");
        }
        List<Candidate> result = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            List<WorkingRange> day = rangesByDate.containsKey(date) ? rangesByDate.get(date)
                    : rangesByDay.getOrDefault(date.getDayOfWeek(), List.of());
            for (WorkingRange range : day) {
                Instant rangeStart = ZonedDateTime.of(date, range.start(), zone).toInstant();
                Instant rangeEnd = range.end().equals(LocalTime.MIDNIGHT)
                        ? date.plusDays(1).atStartOfDay(zone).toInstant()
                        : ZonedDateTime.of(date, range.end(), zone).toInstant();
                for (Instant start = rangeStart; !start.plus(duration).isAfter(rangeEnd); start = start.plus(step)) {
                    result.add(new Candidate(start, start.plus(duration)));
                }
            }
        }
        if (hasOverlappingRanges()) {
            result.sort(Comparator.comparing(Candidate::start));
        }
        return result;
    }

    private boolean hasOverlappingRanges() {
        return rangesByDay.values().stream().anyMatch(list -> list.size() > 1)
                || rangesByDate.values().stream().anyMatch(list -> list.size() > 1);
    }

    public ZoneId zone() {
        return zone;
    }
}
