package com.aiassistants.professionals.schedule;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.aiassistants.common.scheduling.ProfessionalsTools.HoursRange;
import com.aiassistants.professionals.support.Inputs;

/** Rules of one date's hours: complete ranges, start before end (00:00 as end = midnight), no overlaps. */
final class DateOverrides {

    static final int MAX_RANGES = 24;

    private DateOverrides() {
    }

    /** The ranges sorted by start, or an {@code invalid_request} naming the first problem. */
    static List<HoursRange> validate(List<HoursRange> ranges) {
        if (ranges == null) {
            throw Inputs.invalid("ranges is required (use [] for closed all day)");
        }
        if (ranges.size() > MAX_RANGES) {
            throw Inputs.invalid("at most " + MAX_RANGES + " ranges per date");
        }
        List<HoursRange> sorted = new ArrayList<>();
        for (HoursRange range : ranges) {
            if (range == null || range.start() == null || range.end() == null) {
                throw Inputs.invalid("every range needs start and end");
            }
            if (!before(range.start(), range.end())) {
                throw Inputs.invalid("range " + range.start() + "-" + range.end() + ": start must be before end");
            }
            sorted.add(range);
        }
        sorted.sort(Comparator.comparing(HoursRange::start));
        for (int i = 1; i < sorted.size(); i++) {
            HoursRange previous = sorted.get(i - 1);
            HoursRange current = sorted.get(i);
            if (previous.end().equals(LocalTime.MIDNIGHT) || current.start().isBefore(previous.end())) {
                throw Inputs.invalid("ranges " + previous.start() + "-" + previous.end() + " and " + current.start()
                        + "-" + current.end() + " overlap");
            }
        }
        return List.copyOf(sorted);
    }

    private static boolean before(LocalTime start, LocalTime end) {
        return end.equals(LocalTime.MIDNIGHT) ? !start.equals(LocalTime.MIDNIGHT) : start.isBefore(end);
    }
}
