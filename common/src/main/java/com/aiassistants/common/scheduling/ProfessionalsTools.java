package com.aiassistants.common.scheduling;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import com.aiassistants.common.mcp.ToolParam;

/** Tools of mcp-professionals: who works, what they offer, and when. */
public final class ProfessionalsTools {

    public static final String LIST_PROFESSIONALS = "list_professionals";
    public static final String GET_PROFESSIONAL = "get_professional";
    public static final String SEARCH_PROFESSIONALS = "search_professionals";
    public static final String LIST_SERVICES = "list_services";
    public static final String GET_WORKING_HOURS = "get_working_hours";
    public static final String GET_SCHEDULE_SETTINGS = "get_schedule_settings";
    public static final String UPSERT_PROFESSIONAL = "upsert_professional";
    public static final String UPSERT_SERVICE = "upsert_service";
    public static final String SET_WORKING_HOURS = "set_working_hours";
    public static final String ADD_TIME_OFF = "add_time_off";
    public static final String REMOVE_TIME_OFF = "remove_time_off";
    public static final String SET_SCHEDULE_SETTINGS = "set_schedule_settings";
    public static final String SET_DATE_OVERRIDE = "set_date_override";
    public static final String REMOVE_DATE_OVERRIDE = "remove_date_override";

    private ProfessionalsTools() {
    }

    // ---- data ----

    public record Professional(String id, String name, String specialty, String area, String email, String phone,
            boolean active, List<String> serviceIds) {
    }

    public record Service(String id, String name, String description, int durationMinutes, int bufferMinutes,
            BigDecimal price, String currency, boolean active, List<String> professionalIds) {
    }

    /** A weekly range in the tenant's local time, [start, end). */
    public record WorkingRange(@ToolParam("Day of the week") DayOfWeek dayOfWeek,
            @ToolParam("Local start time, e.g. 09:00") LocalTime start,
            @ToolParam("Local end time (exclusive), e.g. 13:00") LocalTime end) {
    }

    public record TimeOff(String id, Instant start, Instant end, String reason) {
    }

    /** A range of local time on one date, [start, end); an end of 00:00 means "until midnight". */
    public record HoursRange(@ToolParam("Local start time, e.g. 10:00") LocalTime start,
            @ToolParam("Local end time (exclusive), e.g. 14:00; 00:00 = until midnight") LocalTime end) {
    }

    /**
     * Hours that replace the weekly ranges on one local date of the tenant's zone: no ranges = closed
     * that day. Time off still applies on top of it.
     */
    public record DateOverride(LocalDate date, List<HoursRange> ranges, String reason) {
    }

    /**
     * When a professional works: weekly ranges, time off and date overrides overlapping the asked
     * window. {@code dateOverrides} may be null in answers from older servers (read it as none).
     */
    public record WorkingHours(String professionalId, String timeZone, List<WorkingRange> ranges, List<TimeOff> timeOff,
            List<DateOverride> dateOverrides) {

        public WorkingHours(String professionalId, String timeZone, List<WorkingRange> ranges, List<TimeOff> timeOff) {
            this(professionalId, timeZone, ranges, timeOff, List.of());
        }

        /** The overrides, never null. */
        public List<DateOverride> overrides() {
            return dateOverrides == null ? List.of() : dateOverrides;
        }
    }

    public record ScheduleSettings(String timeZone) {
    }

    // ---- inputs ----

    public record ListProfessionalsInput(
            @ToolParam(value = "Only professionals offering this service id", required = false) String serviceId,
            @ToolParam(value = "Include inactive professionals (default false)", required = false) Boolean includeInactive) {
    }

    public record GetProfessionalInput(@ToolParam("Professional id") String professionalId) {
    }

    public record SearchProfessionalsInput(
            @ToolParam("Name or part of it, e.g. 'Perez' or 'dra perez'; accents and case are ignored") String query) {
    }

    public record ListServicesInput(
            @ToolParam(value = "Only services this professional offers", required = false) String professionalId,
            @ToolParam(value = "Fuzzy name filter, e.g. 'limpieza'", required = false) String query,
            @ToolParam(value = "Include inactive services (default false)", required = false) Boolean includeInactive) {

        public ListServicesInput(String professionalId, String query) {
            this(professionalId, query, null);
        }
    }

    public record GetWorkingHoursInput(@ToolParam("Professional id") String professionalId,
            @ToolParam(value = "Time off from this instant on (default now)", required = false) Instant timeOffFrom,
            @ToolParam(value = "Time off until this instant (default +90 days)", required = false) Instant timeOffTo) {
    }

    public record EmptyInput() {
    }

    public record UpsertProfessionalInput(
            @ToolParam(value = "Id to update; omit to create", required = false) String professionalId,
            @ToolParam("Display name, e.g. 'Dra. María Pérez'") String name,
            @ToolParam(value = "Specialty, e.g. 'Odontología'", required = false) String specialty,
            @ToolParam(value = "Area, e.g. 'Salud'", required = false) String area,
            @ToolParam(value = "Contact email", required = false) String email,
            @ToolParam(value = "Contact phone (E.164)", required = false) String phone,
            @ToolParam(value = "Active (default true)", required = false) Boolean active,
            @ToolParam(value = "The services this professional gives, replacing the previous ones (omit to keep them)", required = false) List<String> serviceIds) {

        public UpsertProfessionalInput(String professionalId, String name, String specialty, String area, String email,
                String phone, Boolean active) {
            this(professionalId, name, specialty, area, email, phone, active, null);
        }
    }

    public record UpsertServiceInput(
            @ToolParam(value = "Id to update; omit to create", required = false) String serviceId,
            @ToolParam("Service name, e.g. 'Limpieza dental'") String name,
            @ToolParam(value = "Short description", required = false) String description,
            @ToolParam("Duration in minutes (5-480)") int durationMinutes,
            @ToolParam(value = "Buffer after each appointment in minutes (default 0)", required = false) Integer bufferMinutes,
            @ToolParam(value = "Price", required = false) BigDecimal price,
            @ToolParam(value = "ISO 4217 currency, e.g. ARS", required = false) String currency,
            @ToolParam(value = "Professionals offering it", required = false) List<String> professionalIds,
            @ToolParam(value = "Active (default true)", required = false) Boolean active) {
    }

    public record SetWorkingHoursInput(@ToolParam("Professional id") String professionalId,
            @ToolParam("The full weekly schedule, replacing the previous one; several ranges per day allowed") List<WorkingRange> ranges) {
    }

    public record AddTimeOffInput(@ToolParam("Professional id") String professionalId,
            @ToolParam("Start instant (ISO-8601)") Instant start, @ToolParam("End instant (ISO-8601)") Instant end,
            @ToolParam(value = "Reason, e.g. 'vacaciones'", required = false) String reason) {
    }

    public record RemoveTimeOffInput(@ToolParam("Professional id") String professionalId,
            @ToolParam("Time off id (from add_time_off or get_working_hours)") String timeOffId) {
    }

    public record SetDateOverrideInput(@ToolParam("Professional id") String professionalId,
            @ToolParam("Local date in the tenant's time zone, e.g. 2026-05-14") LocalDate date,
            @ToolParam("The hours worked that date, replacing the weekly ranges for it; [] = closed all day") List<HoursRange> ranges,
            @ToolParam(value = "Reason, e.g. 'feriado' or 'jornada extendida'", required = false) String reason) {
    }

    public record RemoveDateOverrideInput(@ToolParam("Professional id") String professionalId,
            @ToolParam("Local date of the override to remove, e.g. 2026-05-14") LocalDate date) {
    }

    public record SetScheduleSettingsInput(@ToolParam("IANA time zone, e.g. America/Argentina/Buenos_Aires") String timeZone) {
    }

    // ---- outputs ----

    public record ProfessionalList(List<Professional> professionals) {
    }

    public record ServiceList(List<Service> services) {
    }
}
