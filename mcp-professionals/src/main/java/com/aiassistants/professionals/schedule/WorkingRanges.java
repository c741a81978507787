package com.aiassistants.professionals.schedule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.aiassistants.common.scheduling.ProfessionalsTools.WorkingRange;
import com.aiassistants.professionals.support.Inputs;

/** Rules of a weekly schedule: complete ranges, start before end, no overlaps on the same day. */
final class WorkingRanges {

    static final Comparator<WorkingRange> ORDER = Comparator.comparing(WorkingRange::dayOfWeek)
            .thenComparing(WorkingRange::start);
    static final int MAX_RANGES = 100;

    private WorkingRanges() {
    }

    /** The ranges sorted by day and start, or an {@code invalid_request} naming the first problem. */
    static List<WorkingRange> validate(List<WorkingRange> ranges) {
        if (ranges == null) {
            throw Inputs.invalid("ranges is required (use [] for no working hours)");
        }
        if (ranges.size() > MAX_RANGES) {
            throw Inputs.invalid("at most " + MAX_RANGES + " ranges per week");
        }
        List<WorkingRange> sorted = new ArrayList<>();
        for (WorkingRange range : ranges) {
            if (range == null || range.dayOfWeek() == null || range.start() == null || range.end() == null) {
                throw Inputs.invalid("every range needs day_of_week, start and end");
            }
            if (!range.start().isBefore(range.end())) {
                throw Inputs.invalid("range " + describe(range) + ": start must be before end");
            }
            sorted.add(range);
        }
        sorted.sort(ORDER);
        for (int i = 1; i < sorted.size(); i++) {
            WorkingRange previous = sorted.get(i - 1);
            WorkingRange current = sorted.get(i);
            if (previous.dayOfWeek() == current.dayOfWeek() && current.start().isBefore(previous.end())) {
                throw Inputs.invalid("ranges " + describe(previous) + " and " + describe(current) + " overlap");
            }
        }
        return List.copyOf(sorted);
    }

    private static String describe(WorkingRange range) {
        return range.dayOfWeek() + " " + range.start() + "-" + range.end();
    }
}
