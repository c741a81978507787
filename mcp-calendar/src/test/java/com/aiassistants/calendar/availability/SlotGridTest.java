package com.aiassistants.calendar.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.aiassistants.common.scheduling.ProfessionalsTools.WorkingRange;

class SlotGridTest {

    static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    static final ZoneId SANTIAGO = ZoneId.of("America/Santiago");
    static final Duration HOUR = Duration.ofHours(1);

    static WorkingRange range(DayOfWeek day, String start, String end) {
        return new WorkingRange(day, LocalTime.parse(start), LocalTime.parse(end));
    }

    static List<String> local(List<SlotGrid.Candidate> candidates, ZoneId zone) {
        return candidates.stream().map(c -> c.start().atZone(zone).toOffsetDateTime().toString()).toList();
    }

    @Test
    void severalRangesPerDayAreWalkedSeparatelyFromTheirOwnStart() {
        SlotGrid grid = new SlotGrid(List.of(range(DayOfWeek.TUESDAY, "14:00", "15:30"),
                range(DayOfWeek.TUESDAY, "09:00", "10:15")), MADRID);
        var candidates = grid.candidates(LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 3), Duration.ofMinutes(30),
                Duration.ofMinutes(30));
        assertThat(local(candidates, MADRID)).containsExactly("2026-03-03T09:00+01:00", "2026-03-03T09:30+01:00",
                "2026-03-03T14:00+01:00", "2026-03-03T14:30+01:00", "2026-03-03T15:00+01:00");
    }

    @Test
    void aServiceLongerThanARangeGetsNoSlotThere() {
        SlotGrid grid = new SlotGrid(List.of(range(DayOfWeek.TUESDAY, "09:00", "10:00"),
                range(DayOfWeek.TUESDAY, "11:00", "14:00")), MADRID);
        var candidates = grid.candidates(LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 3), Duration.ofMinutes(90),
                Duration.ofMinutes(90));
        assertThat(local(candidates, MADRID)).containsExactly("2026-03-03T11:00+01:00", "2026-03-03T12:30+01:00");
    }

    @Test
    void bufferWidensTheStep() {
        SlotGrid grid = new SlotGrid(List.of(range(DayOfWeek.TUESDAY, "09:00", "11:00")), MADRID);
        var candidates = grid.candidates(LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 3), Duration.ofMinutes(30),
                Duration.ofMinutes(40));
        assertThat(local(candidates, MADRID)).containsExactly("2026-03-03T09:00+01:00", "2026-03-03T09:40+01:00",
                "2026-03-03T10:20+01:00");
    }

    @Test
    void madridSpringForwardSkipsTheMissingHour() {
        // 2026-03-29 02:00 → 03:00: a 01:00–05:00 range has three real hours
        SlotGrid grid = new SlotGrid(List.of(range(DayOfWeek.SUNDAY, "01:00", "05:00"),
                range(DayOfWeek.SUNDAY, "09:00", "11:00")), MADRID);
        var candidates = grid.candidates(LocalDate.of(2026, 3, 29), LocalDate.of(2026, 3, 29), HOUR, HOUR);
        assertThat(local(candidates, MADRID)).containsExactly("2026-03-29T01:00+01:00", "2026-03-29T03:00+02:00",
                "2026-03-29T04:00+02:00", "2026-03-29T09:00+02:00", "2026-03-29T10:00+02:00");
        assertThat(candidates.get(3).start()).isEqualTo(Instant.parse("2026-03-29T07:00:00Z"));
    }

    @Test
    void madridFallBackOffersTheRepeatedHourTwiceWithDistinctInstants() {
        // 2026-10-25 03:00 → 02:00: a 01:00–05:00 range has five real hours
        SlotGrid grid = new SlotGrid(List.of(range(DayOfWeek.SUNDAY, "01:00", "05:00")), MADRID);
        var candidates = grid.candidates(LocalDate.of(2026, 10, 25), LocalDate.of(2026, 10, 25), HOUR, HOUR);
        assertThat(local(candidates, MADRID)).containsExactly("2026-10-25T01:00+02:00", "2026-10-25T02:00+02:00",
                "2026-10-25T02:00+01:00", "2026-10-25T03:00+01:00", "2026-10-25T04:00+01:00");
        assertThat(candidates).extracting(SlotGrid.Candidate::start).doesNotHaveDuplicates();
    }

    @Test
    void santiagoMidnightGapMovesTheRangeStartForward() {
        // 2026-09-06 00:00 → 01:00 (-04 → -03): local midnight does not exist
        SlotGrid grid = new SlotGrid(List.of(range(DayOfWeek.SUNDAY, "00:00", "03:00")), SANTIAGO);
        var candidates = grid.candidates(LocalDate.of(2026, 9, 6), LocalDate.of(2026, 9, 6), HOUR, HOUR);
        assertThat(local(candidates, SANTIAGO)).containsExactly("2026-09-06T01:00-03:00", "2026-09-06T02:00-03:00");
    }

    @Test
    void santiagoFallBackBeforeMidnightAndARangeUntilMidnight() {
        // 2026-04-05 00:00 -03 → 2026-04-04 23:00 -04: Saturday 22:00–24:00 has three real hours
        SlotGrid grid = new SlotGrid(List.of(range(DayOfWeek.SATURDAY, "22:00", "00:00"),
                range(DayOfWeek.SUNDAY, "09:00", "10:00")), SANTIAGO);
        var candidates = grid.candidates(LocalDate.of(2026, 4, 4), LocalDate.of(2026, 4, 5), HOUR, HOUR);
        assertThat(local(candidates, SANTIAGO)).containsExactly("2026-04-04T22:00-03:00", "2026-04-04T23:00-03:00",
                "2026-04-04T23:00-04:00", "2026-04-05T09:00-04:00");
    }

    @Test
    void busyIntervalsMergeAndDetectEdgeTouchingAsFree() {
        Instant t = Instant.parse("2026-03-03T12:00:00Z");
        BusyIntervals busy = BusyIntervals.of(List.of(new Instant[] {t, t.plusSeconds(1800)},
                new Instant[] {t.plusSeconds(1200), t.plusSeconds(3600)},
                new Instant[] {t.plusSeconds(7200), t.plusSeconds(9000)}));
        assertThat(busy.size()).isEqualTo(2);
        assertThat(busy.overlaps(t.minusSeconds(1800), t)).isFalse();
        assertThat(busy.overlaps(t.minusSeconds(1800), t.plusSeconds(1))).isTrue();
        assertThat(busy.overlaps(t.plusSeconds(3600), t.plusSeconds(7200))).isFalse();
        assertThat(busy.overlaps(t.plusSeconds(3000), t.plusSeconds(3100))).isTrue();
        assertThat(busy.overlaps(t.plusSeconds(8000), t.plusSeconds(10000))).isTrue();
        assertThat(busy.overlaps(t.plusSeconds(9000), t.plusSeconds(10000))).isFalse();
    }
}
