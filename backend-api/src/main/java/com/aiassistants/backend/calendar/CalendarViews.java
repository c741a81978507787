package com.aiassistants.backend.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotNull;

import com.aiassistants.common.scheduling.CalendarTools.Booking;
import com.aiassistants.common.scheduling.CalendarTools.Slot;
import com.aiassistants.common.scheduling.ProfessionalsTools.DateOverride;
import com.aiassistants.common.scheduling.ProfessionalsTools.HoursRange;
import com.aiassistants.common.scheduling.ProfessionalsTools.TimeOff;
import com.aiassistants.common.scheduling.ProfessionalsTools.WorkingHours;
import com.aiassistants.common.scheduling.ProfessionalsTools.WorkingRange;

import io.swagger.v3.oas.annotations.media.Schema;

/** What the console's calendar reads and gets back (snake_case JSON, every property present). */
public final class CalendarViews {

    private CalendarViews() {
    }

    public record BookingView(String id, String shortCode,
            @Schema(allowableValues = {"HELD", "CONFIRMED", "CANCELLED", "COMPLETED", "NO_SHOW", "EXPIRED"}) String status,
            String serviceId, @Schema(types = {"string", "null"}) String serviceName, String professionalId,
            @Schema(types = {"string", "null"}) String professionalName, String customerId,
            @Schema(types = {"string", "null"}) String customerName, Instant start, Instant end,
            LocalDateTime localStart, String timeZone, @Schema(types = {"string", "null"}) String notes,
            @Schema(types = {"string", "null"}) String channel, Instant createdAt, Instant updatedAt,
            @Schema(types = {"string", "null"}, allowableValues = {"CONFIRMED", "CANCELLED"},
                    description = "the patient's answer to a reminder") String attendance) {

        public static BookingView of(Booking b) {
            return new BookingView(b.id(), b.shortCode(), b.status().name(), b.serviceId(), b.serviceName(),
                    b.professionalId(), b.professionalName(), b.customerId(), b.customerName(), b.start(), b.end(),
                    b.localStart(), b.timeZone(), b.notes(), b.channel(), b.createdAt(), b.updatedAt(),
                    b.attendance() == null ? null : b.attendance().name());
        }
    }

    /** A page of bookings; pass {@code next_cursor} back as {@code cursor} while it is not null. */
    public record BookingPage(List<BookingView> bookings, @Schema(types = {"string", "null"}) String nextCursor) {
    }

    /**
     * The result of a staff change. {@code notice}: {@code sent} when the patient was told on WhatsApp,
     * {@code failed} when that did not work (the change stands), {@code skipped} when not asked or the
     * customer has no phone.
     */
    public record BookingChange(BookingView booking,
            @Schema(allowableValues = {"sent", "failed", "skipped"}) String notice) {
    }

    public record SlotView(String professionalId, @Schema(types = {"string", "null"}) String professionalName,
            String serviceId, Instant start, Instant end, LocalDateTime localStart, LocalDateTime localEnd) {

        public static SlotView of(Slot s) {
            return new SlotView(s.professionalId(), s.professionalName(), s.serviceId(), s.start(), s.end(),
                    s.localStart(), s.localEnd());
        }
    }

    public record SlotList(String timeZone, List<SlotView> slots) {
    }

    public record Range(@NotNull @Schema(allowableValues = {"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY",
            "SATURDAY", "SUNDAY"}) DayOfWeek dayOfWeek, @NotNull @Schema(type = "string", example = "09:00") LocalTime start,
            @NotNull @Schema(type = "string", example = "13:00") LocalTime end) {

        public static Range of(WorkingRange r) {
            return new Range(r.dayOfWeek(), r.start(), r.end());
        }

        public WorkingRange toContract() {
            return new WorkingRange(dayOfWeek, start, end);
        }
    }

    public record TimeOffView(String id, Instant start, Instant end, @Schema(types = {"string", "null"}) String reason) {

        public static TimeOffView of(TimeOff t) {
            return new TimeOffView(t.id(), t.start(), t.end(), t.reason());
        }
    }

    /** Local hours on one date, [start, end); an end of 00:00 means until midnight. */
    public record HoursRangeView(@NotNull @Schema(type = "string", example = "10:00") LocalTime start,
            @NotNull @Schema(type = "string", example = "14:00") LocalTime end) {

        public HoursRange toContract() {
            return new HoursRange(start, end);
        }
    }

    /** Different hours on one local date of the clinic's zone, replacing the weekly ones; no ranges = closed. */
    public record DateOverrideView(@Schema(type = "string", format = "date", example = "2026-05-14") LocalDate date,
            List<HoursRangeView> ranges, @Schema(types = {"string", "null"}) String reason) {

        public static DateOverrideView of(DateOverride o) {
            return new DateOverrideView(o.date(), o.ranges().stream().map(r -> new HoursRangeView(r.start(), r.end()))
                    .toList(), o.reason());
        }

        public static List<DateOverrideView> of(WorkingHours hours) {
            return hours.overrides().stream().map(DateOverrideView::of).toList();
        }
    }

    /**
     * One professional as a calendar column: when they work, their time off and their date overrides in
     * the asked window.
     */
    public record ScheduleProfessional(String id, String name, @Schema(types = {"string", "null"}) String specialty,
            boolean active, List<String> serviceIds, List<Range> ranges, List<TimeOffView> timeOff,
            List<DateOverrideView> dateOverrides) {
    }

    public record ScheduleService(String id, String name, int durationMinutes, int bufferMinutes, boolean active) {
    }

    /** The calendar's frame: the clinic's time zone, its professionals (columns) and services. */
    public record Schedule(String timeZone, List<ScheduleProfessional> professionals, List<ScheduleService> services) {
    }

    public record CustomerMatch(String customerId, @Schema(types = {"string", "null"}) String name,
            @Schema(types = {"string", "null"}) String phone) {
    }

    /** One entry of a booking's history: who did what, and the booking before and after. */
    public record HistoryEntry(String type,
            @Schema(description = "assistant, system, staff:<email>, customer:<id> or service:<name>") String actor,
            Instant occurredAt, @Schema(types = {"object", "null"}) Map<String, Object> before,
            @Schema(types = {"object", "null"}) Map<String, Object> after) {
    }
}
