package com.aiassistants.calendar.availability;

import static com.aiassistants.calendar.support.FakeProfessionals.range;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.aiassistants.calendar.support.CalendarIntegrationTest;
import com.aiassistants.calendar.support.StatementCounter;
import com.aiassistants.common.mcp.client.McpToolError;
import com.aiassistants.common.scheduling.CalendarTools;
import com.aiassistants.common.scheduling.CalendarTools.Booking;
import com.aiassistants.common.scheduling.CalendarTools.FindAvailableSlotsInput;
import com.aiassistants.common.scheduling.CalendarTools.Slot;
import com.aiassistants.common.scheduling.CalendarTools.SlotList;
import com.aiassistants.common.scheduling.ProfessionalsTools;

/** Slot search over MCP against the fake directory and real PostgreSQL. */
class AvailabilityTest extends CalendarIntegrationTest {

    @Autowired
    AvailabilityService availability;

    static final LocalDate TUESDAY = LocalDate.of(2026, 3, 3);

    SlotList find(String tenant, String service, String professional, LocalDate from, LocalDate to, LocalTime earliest,
            LocalTime latest, Integer limit) {
        return calendar.call(tenant, CalendarTools.FIND_AVAILABLE_SLOTS,
                new FindAvailableSlotsInput(service, professional, from, to, earliest, latest, limit), SlotList.class);
    }

    static List<String> times(SlotList list) {
        return list.slots().stream().map(s -> s.localStart().toLocalTime().toString()).toList();
    }

    @Test
    void multipleRangesPerDayWithTheUtcInstantAndTheLocalTime() {
        String tenant = standardTenant();
        SlotList slots = find(tenant, "cut", "ana", TUESDAY, null, null, null, 100);
        assertThat(times(slots)).containsExactly("09:00", "09:30", "10:00", "10:30", "11:00", "11:30", "12:00",
                "12:30", "14:00", "14:30", "15:00", "15:30", "16:00", "16:30", "17:00", "17:30");
        Slot first = slots.slots().getFirst();
        assertThat(first.start()).isEqualTo(Instant.parse("2026-03-03T12:00:00Z"));
        assertThat(first.end()).isEqualTo(Instant.parse("2026-03-03T12:30:00Z"));
        assertThat(first.timeZone()).isEqualTo(BA);
        assertThat(first.professionalName()).isEqualTo("Ana");
    }

    @Test
    void aServiceLongerThanTheGapBeforeABookingIsNotOffered() {
        String tenant = standardTenant();
        // 3-hour service: 09:00 (until 12:00) and 14:00 (until 17:00) fit; 12:00–15:00 would cross the lunch break
        assertThat(times(find(tenant, "long", "ana", TUESDAY, null, null, null, 100))).containsExactly("09:00", "14:00");
        calendar.call(tenant, CalendarTools.HOLD_SLOT, hold("cut", "ana", local("2026-03-03T11:30"), "c1"), Booking.class);
        assertThat(times(find(tenant, "long", "ana", TUESDAY, null, null, null, 100))).containsExactly("14:00");
    }

    @Test
    void buffersWidenTheGridAndBlockTheTimeAfterABooking() {
        String tenant = standardTenant();
        // color: 90 min + 15 min buffer → a 105-minute grid
        assertThat(times(find(tenant, "color", "ana", TUESDAY, null, null, null, 100)))
                .containsExactly("09:00", "10:45", "14:00", "15:45");
        calendar.call(tenant, CalendarTools.HOLD_SLOT, hold("color", "ana", local("2026-03-03T09:00"), "c1"), Booking.class);
        // 09:00–10:30 plus 15 min buffer blocks until 10:45: 10:30 is not free for a 30-minute cut
        assertThat(times(find(tenant, "cut", "ana", TUESDAY, null, null, LocalTime.of(12, 59), 100)))
                .containsExactly("11:00", "11:30", "12:00", "12:30");
        // a cut at 12:00 leaves no room for color at 10:45 (its buffer would run into 12:00... and the cut itself)
        calendar.call(tenant, CalendarTools.HOLD_SLOT, hold("cut", "ana", local("2026-03-03T12:00"), "c2"), Booking.class);
        assertThat(times(find(tenant, "color", "ana", TUESDAY, null, null, null, 100)))
                .containsExactly("14:00", "15:45");
    }

    @Test
    void timeOffIsSubtracted() {
        String tenant = standardTenant();
        DIRECTORY.tenant(tenant, BA).timeOff("ana", local("2026-03-04T14:00"), local("2026-03-04T16:15"));
        assertThat(times(find(tenant, "cut", "ana", LocalDate.of(2026, 3, 4), null, LocalTime.of(14, 0), null, 100)))
                .containsExactly("16:30", "17:00", "17:30");
    }

    /** A date override replaces the week's hours on its date only; no ranges close the day; holds follow it. */
    @Test
    void dateOverridesReplaceTheWeeklyHoursOnTheirDate() {
        String tenant = standardTenant();
        LocalDate wednesday = TUESDAY.plusDays(1);
        LocalDate saturday = TUESDAY.plusDays(4);
        DIRECTORY.tenant(tenant, BA).override("ana", TUESDAY, "10:00-11:00", "16:00-17:00").override("ana", wednesday)
                .override("ana", saturday, "08:00-09:00");
        assertThat(times(find(tenant, "cut", "ana", TUESDAY, null, null, null, 100)))
                .containsExactly("10:00", "10:30", "16:00", "16:30");
        assertThat(find(tenant, "cut", "ana", wednesday, null, null, null, 100).slots()).isEmpty();
        assertThat(times(find(tenant, "cut", "ana", wednesday.plusDays(1), null, null, null, 100))).hasSize(16);
        assertThat(times(find(tenant, "cut", "ana", saturday, null, null, null, 100))).containsExactly("08:00", "08:30");
        // the override bounds holds as well as searches
        assertThatThrownBy(() -> calendar.call(tenant, CalendarTools.HOLD_SLOT,
                hold("cut", "ana", local("2026-03-03T09:00"), "c1"), Booking.class))
                .isInstanceOfSatisfying(McpToolError.class,
                        e -> assertThat(e.code()).isEqualTo(CalendarTools.OUTSIDE_WORKING_HOURS));
        assertThat(calendar.call(tenant, CalendarTools.HOLD_SLOT, hold("cut", "ana", local("2026-03-07T08:30"), "c2"),
                Booking.class).start()).isEqualTo(local("2026-03-07T08:30"));
    }

    /**
     * mcp-calendar keeps mcp-professionals' answers for directory-cache-ttl (5 s here, the default too):
     * an override set after a search is offered once that time has passed, not later.
     */
    @Test
    void aNewOverrideReachesSlotSearchOnceTheDirectoryCacheExpires() {
        String tenant = standardTenant();
        assertThat(times(find(tenant, "cut", "ana", TUESDAY, null, null, null, 100))).hasSize(16);
        DIRECTORY.tenant(tenant, BA).override("ana", TUESDAY);
        clock.advance(java.time.Duration.ofSeconds(6));
        assertThat(find(tenant, "cut", "ana", TUESDAY, null, null, null, 100).slots()).isEmpty();
    }

    @Test
    void earliestAndLatestFilterLocalStartTimes() {
        String tenant = standardTenant();
        assertThat(times(find(tenant, "cut", "ana", TUESDAY, null, LocalTime.of(9, 30), LocalTime.of(10, 30), null)))
                .containsExactly("09:30", "10:00", "10:30");
    }

    @Test
    void anyProfessionalOfferingTheServiceSortedByStartThenProfessional() {
        String tenant = standardTenant();
        SlotList slots = find(tenant, "cut", null, TUESDAY, null, LocalTime.of(10, 0), LocalTime.of(11, 0), null);
        assertThat(slots.slots()).extracting(s -> s.localStart().toLocalTime() + " " + s.professionalName())
                .containsExactly("10:00 Ana", "10:00 Beto", "10:30 Ana", "10:30 Beto", "11:00 Ana", "11:00 Beto");
        // color is only offered by Ana
        assertThat(find(tenant, "color", null, TUESDAY, null, null, null, null).slots())
                .extracting(Slot::professionalId).containsOnly("ana");
    }

    /**
     * per_day keeps the earliest slots of each local day (across professionals), so a caller listing the free
     * days gets one slot a day instead of every slot of the range; a closed day is skipped, the limit still applies.
     */
    @Test
    void perDayKeepsTheEarliestSlotsOfEachDay() {
        String tenant = standardTenant();
        LocalDate wednesday = TUESDAY.plusDays(1);
        DIRECTORY.tenant(tenant, BA).override("ana", wednesday).override("beto", wednesday);
        SlotList firstOfEachDay = calendar.call(tenant, CalendarTools.FIND_AVAILABLE_SLOTS,
                new FindAvailableSlotsInput("cut", null, TUESDAY, TUESDAY.plusDays(3), null, null, 10, 1), SlotList.class);
        assertThat(firstOfEachDay.slots()).extracting(s -> s.localStart().toString())
                .containsExactly("2026-03-03T09:00", "2026-03-05T09:00", "2026-03-06T09:00");
        SlotList twoADay = calendar.call(tenant, CalendarTools.FIND_AVAILABLE_SLOTS,
                new FindAvailableSlotsInput("cut", null, TUESDAY, TUESDAY.plusDays(3), LocalTime.of(10, 0), null, 3, 2),
                SlotList.class);
        assertThat(twoADay.slots()).extracting(s -> s.localStart() + " " + s.professionalName())
                .containsExactly("2026-03-03T10:00 Ana", "2026-03-03T10:00 Beto", "2026-03-05T10:00 Ana");
        assertThatThrownBy(() -> calendar.call(tenant, CalendarTools.FIND_AVAILABLE_SLOTS,
                new FindAvailableSlotsInput("cut", null, TUESDAY, null, null, null, 10, 0), SlotList.class))
                .isInstanceOfSatisfying(McpToolError.class, e -> assertThat(e.code()).isEqualTo("invalid_request"));
    }

    @Test
    void slotsInThePastAreSkippedAndTheLimitApplies() {
        String tenant = standardTenant();
        clock.setNow(local("2026-03-02T10:50"));
        SlotList monday = find(tenant, "cut", "ana", LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 6), null, null, 3);
        assertThat(monday.slots()).extracting(s -> s.localStart().toString())
                .containsExactly("2026-03-02T11:00", "2026-03-02T11:30", "2026-03-02T12:00");
    }

    @Test
    void dstTransitionDaysInSantiagoAndMadrid() {
        String santiago = newTenant();
        DIRECTORY.tenant(santiago, "America/Santiago").service("s", "Sesión", 60, 0).professional("p", "Pía", "s")
                .hours("p", range(DayOfWeek.SATURDAY, "22:00", "00:00"));
        SlotList fallBack = find(santiago, "s", "p", LocalDate.of(2026, 4, 4), null, null, null, null);
        assertThat(fallBack.timeZone()).isEqualTo("America/Santiago");
        assertThat(fallBack.slots()).extracting(Slot::start).containsExactly(Instant.parse("2026-04-05T01:00:00Z"),
                Instant.parse("2026-04-05T02:00:00Z"), Instant.parse("2026-04-05T03:00:00Z"));
        assertThat(times(fallBack)).containsExactly("22:00", "23:00", "23:00");
        // the repeated 23:00 can be held twice: they are different instants
        for (Slot slot : fallBack.slots()) {
            calendar.call(santiago, CalendarTools.HOLD_SLOT, hold("s", "p", slot.start(), "c-" + slot.start()),
                    Booking.class);
        }
        assertThat(find(santiago, "s", "p", LocalDate.of(2026, 4, 4), null, null, null, null).slots()).isEmpty();

        String madrid = newTenant();
        DIRECTORY.tenant(madrid, "Europe/Madrid").service("s", "Sesión", 60, 0).professional("p", "Pau", "s")
                .hours("p", range(DayOfWeek.SUNDAY, "01:00", "05:00"), range(DayOfWeek.SUNDAY, "09:00", "10:00"));
        SlotList springForward = find(madrid, "s", "p", LocalDate.of(2026, 3, 29), null, null, null, null);
        assertThat(times(springForward)).containsExactly("01:00", "03:00", "04:00", "09:00");
        assertThat(springForward.slots().get(3).start()).isEqualTo(
                LocalDate.of(2026, 3, 29).atTime(9, 0).atZone(ZoneId.of("Europe/Madrid")).toInstant());
    }

    @Test
    void aMonthLongSearchCallsTheDirectoryAConstantNumberOfTimes() {
        String tenant = standardTenant();
        int before = DIRECTORY.totalCalls();
        find(tenant, "cut", "ana", LocalDate.of(2026, 3, 3), LocalDate.of(2026, 4, 2), null, null, 500);
        int first = DIRECTORY.totalCalls() - before;
        assertThat(first).isEqualTo(3); // list_services, get_professional, get_working_hours
        find(tenant, "cut", "ana", LocalDate.of(2026, 3, 3), LocalDate.of(2026, 4, 2), null, null, 500);
        assertThat(DIRECTORY.totalCalls() - before).as("second search within the cache TTL").isEqualTo(3);
        assertThat(DIRECTORY.calls(ProfessionalsTools.GET_WORKING_HOURS)).isPositive();
    }

    @Test
    void aSearchRunsOneSqlStatementWhateverTheRangeAndTheNumberOfProfessionals() {
        String tenant = standardTenant();
        for (String time : List.of("2026-03-03T10:00", "2026-03-04T11:00", "2026-03-10T10:30")) {
            calendar.call(tenant, CalendarTools.HOLD_SLOT, hold("cut", "ana", local(time), "a" + time), Booking.class);
            calendar.call(tenant, CalendarTools.HOLD_SLOT, hold("cut", "beto", local(time), "b" + time), Booking.class);
        }
        var month = new FindAvailableSlotsInput("cut", null, TUESDAY, TUESDAY.plusDays(30), null, null, 500);
        availability.find(tenant, month); // fills the directory cache
        StatementCounter.reset();
        SlotList slots = availability.find(tenant, month);
        assertThat(StatementCounter.count()).isEqualTo(1);
        assertThat(slots.slots()).hasSize(470).extracting(Slot::professionalId).contains("ana", "beto");
        assertThat(slots.slots()).noneMatch(s -> s.start().equals(local("2026-03-03T10:00")));

        var oneProfessional = new FindAvailableSlotsInput("cut", "ana", TUESDAY, TUESDAY.plusDays(30), null, null, 500);
        availability.find(tenant, oneProfessional);
        StatementCounter.reset();
        availability.find(tenant, oneProfessional);
        assertThat(StatementCounter.count()).isEqualTo(1);
    }

    @Test
    void invalidRequestsAreClearToolErrors() {
        String tenant = standardTenant();
        assertThatThrownBy(() -> find(tenant, "cut", "ana", TUESDAY, TUESDAY.plusDays(63), null, null, null))
                .isInstanceOfSatisfying(McpToolError.class, e -> assertThat(e.code()).isEqualTo("invalid_request"));
        assertThatThrownBy(() -> find(tenant, "cut", "ana", TUESDAY, null, null, null, 501))
                .isInstanceOfSatisfying(McpToolError.class, e -> assertThat(e.code()).isEqualTo("invalid_request"));
        assertThatThrownBy(() -> find(tenant, "cut", "ana", TUESDAY, TUESDAY.minusDays(1), null, null, null))
                .isInstanceOfSatisfying(McpToolError.class, e -> assertThat(e.code()).isEqualTo("invalid_request"));
        assertThatThrownBy(() -> find(tenant, "nope", null, TUESDAY, null, null, null, null))
                .isInstanceOfSatisfying(McpToolError.class, e -> assertThat(e.code()).isEqualTo(CalendarTools.NOT_FOUND));
        assertThatThrownBy(() -> find(tenant, "color", "beto", TUESDAY, null, null, null, null))
                .isInstanceOfSatisfying(McpToolError.class, e -> assertThat(e.code()).isEqualTo("invalid_request"));
        assertThat(find(tenant, "cut", "ana", TUESDAY, TUESDAY.plusDays(62), null, null, 1).slots()).hasSize(1);
    }
}
