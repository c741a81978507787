package com.aiassistants.calendar.availability;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A set of busy [start, end) intervals, merged and sorted so an overlap test is a binary search. */
public final class BusyIntervals {

    private final long[] starts;
    private final long[] ends;

    private BusyIntervals(long[] starts, long[] ends) {
        this.starts = starts;
        this.ends = ends;
    }

    public static BusyIntervals of(List<Instant[]> intervals) {
        long[][] sorted = intervals.stream()
                .map(i -> new long[] {micros(i[0]), micros(i[1])})
                .filter(i -> i[1] > i[0])
                .sorted((a, b) -> Long.compare(a[0], b[0]))
                .toArray(long[][]::new);
        List<long[]> merged = new ArrayList<>();
        for (long[] interval : sorted) {
            long[] last = merged.isEmpty() ? null : merged.getLast();
            if (last != null && interval[0] <= last[1]) {
                last[1] = Math.max(last[1], interval[1]);
            } else {
                merged.add(interval.clone());
            }
        }
        return new BusyIntervals(merged.stream().mapToLong(i -> i[0]).toArray(),
                merged.stream().mapToLong(i -> i[1]).toArray());
    }

    /** True if [start, end) intersects any busy interval. */
    public boolean overlaps(Instant start, Instant end) {
        long s = micros(start);
        long e = micros(end);
        int index = Arrays.binarySearch(starts, e);
        // merged intervals have strictly increasing starts: take the last one starting before e
        int candidate = index >= 0 ? index - 1 : -index - 2;
        return candidate >= 0 && ends[candidate] > s;
    }

    public int size() {
        return starts.length;
    }

    private static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000L);
    }
}
