package com.aiassistants.calendar.availability;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import com.aiassistants.calendar.directory.ScheduleDirectory;
import com.aiassistants.common.mcp.server.ToolException;
import com.aiassistants.common.scheduling.CalendarTools;
import com.aiassistants.common.scheduling.CalendarTools.FindAvailableSlotsInput;
import com.aiassistants.common.scheduling.CalendarTools.Slot;
import com.aiassistants.common.scheduling.CalendarTools.SlotList;
import com.aiassistants.common.scheduling.ProfessionalsTools.Professional;
import com.aiassistants.common.scheduling.ProfessionalsTools.TimeOff;
import com.aiassistants.common.scheduling.ProfessionalsTools.WorkingHours;

/**
 * Free slots = working hours (a date override replacing the week's ranges on its date) − time off − active bookings (with their buffers), on a grid of
 * (duration + buffer) steps from each working range's start, in the tenant's zone. One search reads
 * the directory a constant number of times per professional (cached) and runs one SQL query.
 */
@Service
public class AvailabilityService {

    public static final int MAX_RANGE_DAYS = 62;
    public static final int MAX_LIMIT = 500;
    public static final int DEFAULT_LIMIT = 20;
    static final int ALTERNATIVES = 5;
    static final int ALTERNATIVES_DAYS = 14;

    private final ScheduleDirectory directory;
    private final ActiveBookingsQuery activeBookings;
    private final Clock clock;
    private final java.time.Duration horizon;

    public AvailabilityService(ScheduleDirectory directory, ActiveBookingsQuery activeBookings, Clock clock,
            com.aiassistants.calendar.config.CalendarProperties properties) {
        this.horizon = properties.bookingHorizon();
        this.directory = directory;
        this.activeBookings = activeBookings;
        this.clock = clock;
    }

    public SlotList find(String tenantId, FindAvailableSlotsInput input) {
        require(input.serviceId(), "service_id");
        if (input.fromDate() == null) {
            throw invalid("from_date is required");
        }
        LocalDate to = input.toDate() == null ? input.fromDate() : input.toDate();
        if (to.isBefore(input.fromDate())) {
            throw invalid("to_date must not be before from_date");
        }
        if (ChronoUnit.DAYS.between(input.fromDate(), to) > MAX_RANGE_DAYS) {
            throw invalid("to_date may be at most " + MAX_RANGE_DAYS + " days after from_date");
        }
        int limit = input.limit() == null ? DEFAULT_LIMIT : input.limit();
        if (limit < 1 || limit > MAX_LIMIT) {
            throw invalid("limit must be between 1 and " + MAX_LIMIT);
        }
        if (input.perDay() != null && input.perDay() < 1) {
            throw invalid("per_day must be at least 1");
        }
        if (input.earliest() != null && input.latest() != null && input.earliest().isAfter(input.latest())) {
            throw invalid("earliest must not be after latest");
        }
        LocalDate lastBookable = clock.instant().plus(horizon).atZone(ZoneOffset.UTC).toLocalDate();
        if (input.fromDate().isAfter(lastBookable)) {
            return new SlotList(directory.timeZone(tenantId), List.of());
        }
        return search(tenantId, input.serviceId(), blankToNull(input.professionalId()), input.fromDate(),
                to.isAfter(lastBookable) ? lastBookable : to, input.earliest(), input.latest(), limit, input.perDay(), null);
    }

    /** Up to five free slots of the same service and professional starting after {@code after}. */
    public List<Slot> alternatives(String tenantId, String serviceId, String professionalId, Instant after) {
        try {
            String zone = directory.workingHours(tenantId, professionalId, after, after).timeZone();
            LocalDate from = after.atZone(ZoneId.of(zone)).toLocalDate();
            return search(tenantId, serviceId, professionalId, from, from.plusDays(ALTERNATIVES_DAYS - 1), null, null,
                    ALTERNATIVES, null, after).slots();
        } catch (ToolException e) {
            return List.of();
        }
    }

    /**
     * Checks that [start, start + duration) is a real slot of the professional: on the grid, in hours, not off.
     * (Busy time in their Google Calendar is checked by the booking's transaction, inside the queue of the
     * professional's days.)
     */
    public Appointment plan(String tenantId, String serviceId, String professionalId, Instant start) {
        require(serviceId, "service_id");
        require(professionalId, "professional_id");
        if (start == null) {
            throw invalid("start is required");
        }
        if (start.isBefore(clock.instant())) {
            throw invalid("start " + start + " is in the past");
        }
        if (start.isAfter(clock.instant().plus(horizon))) {
            throw new ToolException(CalendarTools.BEYOND_HORIZON, "start " + start + " is more than " + horizon.toDays()
                    + " days ahead; bookings are taken up to " + clock.instant().plus(horizon).atZone(ZoneOffset.UTC).toLocalDate());
        }
        var service = activeService(tenantId, serviceId);
        Professional professional = directory.professional(tenantId, professionalId);
        if (!professional.active() || !offers(professional, service)) {
            throw invalid("Professional " + professionalId + " does not offer service " + serviceId);
        }
        WorkingHours hours = directory.workingHours(tenantId, professionalId, start.minus(1, ChronoUnit.DAYS),
                start.plus(2, ChronoUnit.DAYS));
        ZoneId zone = zone(hours);
        Duration duration = Duration.ofMinutes(service.durationMinutes());
        Duration buffer = Duration.ofMinutes(Math.max(service.bufferMinutes(), 0));
        LocalDate day = start.atZone(zone).toLocalDate();
        boolean onGrid = new SlotGrid(hours.ranges(), hours.overrides(), zone).candidates(day, day, duration, duration.plus(buffer))
                .stream().anyMatch(c -> c.start().equals(start));
        if (!onGrid) {
            throw new ToolException(CalendarTools.OUTSIDE_WORKING_HOURS, "Start " + start.atZone(zone).toLocalDateTime()
                    + " (" + zone + ") is not a bookable slot of " + service.name() + " with " + professional.name()
                    + "; use find_available_slots");
        }
        Instant end = start.plus(duration);
        if (timeOff(hours).overlaps(start, end)) {
            throw new ToolException(CalendarTools.OUTSIDE_WORKING_HOURS,
                    professional.name() + " is not working at " + start.atZone(zone).toLocalDateTime() + " (time off)");
        }
        return new Appointment(service, professional, zone, start, end, end.plus(buffer));
    }

    SlotList search(String tenantId, String serviceId, String professionalId, LocalDate from, LocalDate to,
            LocalTime earliest, LocalTime latest, int limit, Integer perDay, Instant after) {
        var service = activeService(tenantId, serviceId);
        List<Professional> professionals;
        if (professionalId != null) {
            Professional professional = directory.professional(tenantId, professionalId);
            if (!professional.active() || !offers(professional, service)) {
                throw invalid("Professional " + professionalId + " does not offer service " + serviceId);
            }
            professionals = List.of(professional);
        } else {
            professionals = directory.professionalsOffering(tenantId, serviceId);
        }
        if (professionals.isEmpty()) {
            return new SlotList(directory.timeZone(tenantId), List.of());
        }
        // whole UTC days around the local dates cover every zone's offset
        Instant windowFrom = from.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant windowTo = to.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant now = clock.instant();
        Instant notBefore = after != null && after.isAfter(now) ? after.plusNanos(1) : now;
        Duration duration = Duration.ofMinutes(service.durationMinutes());
        Duration buffer = Duration.ofMinutes(Math.max(service.bufferMinutes(), 0));
        Duration step = duration.plus(buffer);

        List<WorkingHours> schedules = professionals.stream()
                .map(p -> directory.workingHours(tenantId, p.id(), windowFrom, windowTo)).toList();
        Map<String, List<Instant[]>> blocked = activeBookings.blockedRanges(tenantId,
                professionals.stream().map(Professional::id).toList(), windowFrom, windowTo, now);

        List<Slot> slots = new ArrayList<>();
        String responseZone = null;
        for (int i = 0; i < professionals.size(); i++) {
            Professional professional = professionals.get(i);
            WorkingHours hours = schedules.get(i);
            ZoneId zone = zone(hours);
            responseZone = responseZone == null ? zone.getId() : responseZone;
            BusyIntervals off = timeOff(hours);
            BusyIntervals busy = BusyIntervals.of(blocked.getOrDefault(professional.id(), List.of()));
            for (SlotGrid.Candidate candidate : new SlotGrid(hours.ranges(), hours.overrides(), zone).candidates(from, to, duration, step)) {
                if (candidate.start().isBefore(notBefore)) {
                    continue;
                }
                var localStart = candidate.start().atZone(zone).toLocalDateTime();
                LocalTime time = localStart.toLocalTime();
                if ((earliest != null && time.isBefore(earliest)) || (latest != null && time.isAfter(latest))) {
                    continue;
                }
                if (off.overlaps(candidate.start(), candidate.end())
                        || busy.overlaps(candidate.start(), candidate.end().plus(buffer))) {
                    continue;
                }
                slots.add(new Slot(professional.id(), professional.name(), service.id(), candidate.start(),
                        candidate.end(), localStart, candidate.end().atZone(zone).toLocalDateTime(), zone.getId()));
            }
        }
        slots.sort(Comparator.comparing(Slot::start)
                .thenComparing(s -> s.professionalName() == null ? "" : s.professionalName())
                .thenComparing(Slot::professionalId));
        List<Slot> answered = perDay == null ? slots : earliestOfEachDay(slots, perDay, limit);
        return new SlotList(responseZone, answered.size() > limit ? List.copyOf(answered.subList(0, limit)) : answered);
    }

    /** The first {@code perDay} slots of each local day, in order, until {@code limit} are taken. */
    private static List<Slot> earliestOfEachDay(List<Slot> sorted, int perDay, int limit) {
        List<Slot> kept = new ArrayList<>();
        Map<LocalDate, Integer> takenOfDay = new HashMap<>();
        for (Slot slot : sorted) {
            if (takenOfDay.merge(slot.localStart().toLocalDate(), 1, Integer::sum) <= perDay) {
                kept.add(slot);
                if (kept.size() == limit) {
                    break;
                }
            }
        }
        return kept;
    }

    private com.aiassistants.common.scheduling.ProfessionalsTools.Service activeService(String tenantId, String serviceId) {
        var service = directory.service(tenantId, serviceId);
        if (!service.active()) {
            throw new ToolException(CalendarTools.NOT_FOUND, "Service " + serviceId + " is not offered");
        }
        if (service.durationMinutes() <= 0) {
            throw invalid("Service " + serviceId + " has no duration");
        }
        return service;
    }

    private static boolean offers(Professional professional,
            com.aiassistants.common.scheduling.ProfessionalsTools.Service service) {
        return (professional.serviceIds() != null && professional.serviceIds().contains(service.id()))
                || (service.professionalIds() != null && service.professionalIds().contains(professional.id()));
    }

    private static BusyIntervals timeOff(WorkingHours hours) {
        List<TimeOff> timeOff = hours.timeOff() == null ? List.of() : hours.timeOff();
        return BusyIntervals.of(timeOff.stream().map(t -> new Instant[] {t.start(), t.end()}).toList());
    }

    private static ZoneId zone(WorkingHours hours) {
        try {
            return ZoneId.of(hours.timeZone());
        } catch (DateTimeException | NullPointerException e) {
            throw new ToolException(CalendarTools.NOT_FOUND, "Professional " + hours.professionalId()
                    + " has no valid time zone configured");
        }
    }

    static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw invalid(name + " is required");
        }
    }

    static ToolException invalid(String message) {
        return new ToolException("invalid_request", message);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
