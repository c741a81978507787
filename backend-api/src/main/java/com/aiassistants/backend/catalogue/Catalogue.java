package com.aiassistants.backend.catalogue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import com.aiassistants.backend.assistant.scheduling.SchedulingGateway;
import com.aiassistants.backend.calendar.CalendarViews.BookingView;
import com.aiassistants.backend.calendar.CalendarViews.DateOverrideView;
import com.aiassistants.backend.calendar.CalendarViews.HoursRangeView;
import com.aiassistants.backend.calendar.CalendarViews.Range;
import com.aiassistants.backend.calendar.CalendarViews.TimeOffView;
import com.aiassistants.backend.calendar.StaffCalendar;
import com.aiassistants.backend.mcp.McpCalls;
import com.aiassistants.backend.mcp.McpClients;
import com.aiassistants.common.scheduling.ProfessionalsTools;
import com.aiassistants.common.scheduling.ProfessionalsTools.AddTimeOffInput;
import com.aiassistants.common.scheduling.ProfessionalsTools.DateOverride;
import com.aiassistants.common.scheduling.ProfessionalsTools.RemoveDateOverrideInput;
import com.aiassistants.common.scheduling.ProfessionalsTools.SetDateOverrideInput;
import com.aiassistants.common.scheduling.ProfessionalsTools.GetProfessionalInput;
import com.aiassistants.common.scheduling.ProfessionalsTools.GetWorkingHoursInput;
import com.aiassistants.common.scheduling.ProfessionalsTools.ListProfessionalsInput;
import com.aiassistants.common.scheduling.ProfessionalsTools.ListServicesInput;
import com.aiassistants.common.scheduling.ProfessionalsTools.Professional;
import com.aiassistants.common.scheduling.ProfessionalsTools.ProfessionalList;
import com.aiassistants.common.scheduling.ProfessionalsTools.RemoveTimeOffInput;
import com.aiassistants.common.scheduling.ProfessionalsTools.ServiceList;
import com.aiassistants.common.scheduling.ProfessionalsTools.SetWorkingHoursInput;
import com.aiassistants.common.scheduling.ProfessionalsTools.TimeOff;
import com.aiassistants.common.scheduling.ProfessionalsTools.UpsertProfessionalInput;
import com.aiassistants.common.scheduling.ProfessionalsTools.UpsertServiceInput;
import com.aiassistants.common.scheduling.ProfessionalsTools.WorkingHours;
import com.aiassistants.common.web.ApiProblem;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The clinic's catalogue over mcp-professionals: professionals, services, weekly hours, time off and
 * date overrides.
 * Deactivating a professional or service that still has upcoming bookings is refused with the list of
 * those bookings until the caller says what to do with them ({@code keep} or {@code cancel}); nothing
 * is cancelled silently. After every edit the assistant's cached catalogue of the project is dropped
 * (mcp-calendar's own cache lasts at most {@code ai-assistants.calendar.directory-cache-ttl}).
 */
@Service
public class Catalogue {

    /** How far ahead deactivation looks for bookings (the calendar's range limit, several times). */
    static final Duration LOOKAHEAD = Duration.ofDays(366);
    static final Duration WINDOW = Duration.ofDays(62);

    private final McpClients mcp;
    private final StaffCalendar calendar;
    private final ObjectProvider<SchedulingGateway> assistantCatalogue;
    private final Clock clock;

    public Catalogue(McpClients mcp, StaffCalendar calendar, ObjectProvider<SchedulingGateway> assistantCatalogue,
            ObjectProvider<Clock> clock) {
        this.mcp = mcp;
        this.calendar = calendar;
        this.assistantCatalogue = assistantCatalogue;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    public record ProfessionalView(String id, String name, @Schema(types = {"string", "null"}) String specialty,
            @Schema(types = {"string", "null"}) String email, @Schema(types = {"string", "null"}) String phone,
            boolean active, List<String> serviceIds) {

        static ProfessionalView of(Professional p) {
            return new ProfessionalView(p.id(), p.name(), p.specialty(), p.email(), p.phone(), p.active(),
                    p.serviceIds());
        }
    }

    public record ServiceView(String id, String name, @Schema(types = {"string", "null"}) String description,
            int durationMinutes, int bufferMinutes, @Schema(types = {"number", "null"}) BigDecimal price,
            @Schema(types = {"string", "null"}) String currency, boolean active, List<String> professionalIds) {

        static ServiceView of(ProfessionalsTools.Service s) {
            return new ServiceView(s.id(), s.name(), s.description(), s.durationMinutes(), s.bufferMinutes(), s.price(),
                    s.currency(), s.active(), s.professionalIds());
        }
    }

    /** Weekly hours, upcoming time off and upcoming date overrides (the next year). */
    public record HoursView(String professionalId, String timeZone, List<Range> ranges, List<TimeOffView> timeOff,
            List<DateOverrideView> dateOverrides) {

        static HoursView of(WorkingHours h) {
            return new HoursView(h.professionalId(), h.timeZone(), h.ranges().stream().map(Range::of).toList(),
                    h.timeOff().stream().map(TimeOffView::of).toList(), DateOverrideView.of(h));
        }
    }

    /** What to do with upcoming bookings when deactivating: absent = ask (409 with the bookings). */
    public enum FutureBookings { KEEP, CANCEL }

    public record ProfessionalEdit(String name, String specialty, String email, String phone, Boolean active,
            List<String> serviceIds) {
    }

    public record ServiceEdit(String name, String description, int durationMinutes, Integer bufferMinutes,
            BigDecimal price, String currency, Boolean active, List<String> professionalIds) {
    }

    // ---- professionals ----

    public List<ProfessionalView> professionals(String projectId) {
        return McpCalls.run(() -> mcp.professionals().call(projectId, ProfessionalsTools.LIST_PROFESSIONALS,
                new ListProfessionalsInput(null, true), ProfessionalList.class)).professionals().stream()
                .map(ProfessionalView::of).toList();
    }

    public ProfessionalView saveProfessional(String projectId, String actor, String professionalId,
            ProfessionalEdit edit, FutureBookings future, boolean notify) {
        if (professionalId != null && Boolean.FALSE.equals(edit.active())) {
            Professional current = McpCalls.run(() -> mcp.professionals().call(projectId,
                    ProfessionalsTools.GET_PROFESSIONAL, new GetProfessionalInput(professionalId), Professional.class));
            if (current.active()) {
                handleUpcoming(projectId, actor, future, notify, b -> new StaffCalendar.Filter(b, b.plus(WINDOW),
                        professionalId, null, StaffCalendar.ACTIVE, null, null));
            }
        }
        Professional saved = McpCalls.run(() -> mcp.professionals().call(projectId,
                ProfessionalsTools.UPSERT_PROFESSIONAL, new UpsertProfessionalInput(professionalId, edit.name(),
                        edit.specialty(), null, edit.email(), edit.phone(), edit.active(), edit.serviceIds()),
                Professional.class, false));
        changed(projectId);
        return ProfessionalView.of(saved);
    }

    public HoursView hours(String projectId, String professionalId) {
        Instant now = clock.instant();
        return HoursView.of(McpCalls.run(() -> mcp.professionals().call(projectId, ProfessionalsTools.GET_WORKING_HOURS,
                new GetWorkingHoursInput(professionalId, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365))),
                WorkingHours.class)));
    }

    public HoursView setHours(String projectId, String professionalId, List<Range> ranges) {
        McpCalls.run(() -> mcp.professionals().call(projectId, ProfessionalsTools.SET_WORKING_HOURS,
                new SetWorkingHoursInput(professionalId, ranges.stream().map(Range::toContract).toList()),
                WorkingHours.class, false));
        changed(projectId);
        return hours(projectId, professionalId);
    }

    public TimeOffView addTimeOff(String projectId, String professionalId, Instant start, Instant end, String reason) {
        TimeOff added = McpCalls.run(() -> mcp.professionals().call(projectId, ProfessionalsTools.ADD_TIME_OFF,
                new AddTimeOffInput(professionalId, start, end, reason), TimeOff.class, false));
        changed(projectId);
        return TimeOffView.of(added);
    }

    public void removeTimeOff(String projectId, String professionalId, String timeOffId) {
        McpCalls.run(() -> mcp.professionals().call(projectId, ProfessionalsTools.REMOVE_TIME_OFF,
                new RemoveTimeOffInput(professionalId, timeOffId), TimeOff.class, false));
        changed(projectId);
    }

    public DateOverrideView setDateOverride(String projectId, String professionalId, LocalDate date,
            List<HoursRangeView> ranges, String reason) {
        DateOverride saved = McpCalls.run(() -> mcp.professionals().call(projectId, ProfessionalsTools.SET_DATE_OVERRIDE,
                new SetDateOverrideInput(professionalId, date, ranges.stream().map(HoursRangeView::toContract).toList(),
                        reason), DateOverride.class, false));
        changed(projectId);
        return DateOverrideView.of(saved);
    }

    public void removeDateOverride(String projectId, String professionalId, LocalDate date) {
        McpCalls.run(() -> mcp.professionals().call(projectId, ProfessionalsTools.REMOVE_DATE_OVERRIDE,
                new RemoveDateOverrideInput(professionalId, date), DateOverride.class, false));
        changed(projectId);
    }

    // ---- services ----

    public List<ServiceView> services(String projectId) {
        return allServices(projectId).stream().map(ServiceView::of).toList();
    }

    public ServiceView saveService(String projectId, String actor, String serviceId, ServiceEdit edit,
            FutureBookings future, boolean notify) {
        if (serviceId != null) {
            ProfessionalsTools.Service current = allServices(projectId).stream()
                    .filter(s -> s.id().equals(serviceId)).findFirst()
                    .orElseThrow(() -> ApiProblem.notFound("service"));
            if (current.active() && Boolean.FALSE.equals(edit.active())) {
                handleUpcoming(projectId, actor, future, notify, b -> new StaffCalendar.Filter(b, b.plus(WINDOW), null,
                        serviceId, StaffCalendar.ACTIVE, null, null));
            }
        }
        ProfessionalsTools.Service saved = McpCalls.run(() -> mcp.professionals().call(projectId,
                ProfessionalsTools.UPSERT_SERVICE, new UpsertServiceInput(serviceId, edit.name(), edit.description(),
                        edit.durationMinutes(), edit.bufferMinutes(), edit.price(), edit.currency(),
                        edit.professionalIds(), edit.active()), ProfessionalsTools.Service.class, false));
        changed(projectId);
        return ServiceView.of(saved);
    }

    private List<ProfessionalsTools.Service> allServices(String projectId) {
        return McpCalls.run(() -> mcp.professionals().call(projectId, ProfessionalsTools.LIST_SERVICES,
                new ListServicesInput(null, null, true), ServiceList.class)).services();
    }

    // ---- deactivation ----

    private void handleUpcoming(String projectId, String actor, FutureBookings future, boolean notify,
            Function<Instant, StaffCalendar.Filter> window) {
        List<BookingView> upcoming = new ArrayList<>();
        Instant now = clock.instant();
        for (Instant from = now; from.isBefore(now.plus(LOOKAHEAD)); from = from.plus(WINDOW)) {
            upcoming.addAll(calendar.allBookings(projectId, window.apply(from)).stream()
                    .filter(b -> b.start().isAfter(now))
                    .filter(b -> upcoming.stream().noneMatch(u -> u.id().equals(b.id()))).toList());
        }
        if (upcoming.isEmpty() || future == FutureBookings.KEEP) {
            return;
        }
        if (future == null) {
            throw ApiProblem.conflict("future-bookings", upcoming.size()
                    + " upcoming bookings would be left with nobody to attend them: say future_bookings=keep or cancel")
                    .with("bookings", upcoming);
        }
        for (BookingView booking : upcoming) {
            calendar.cancel(projectId, actor, booking.id(), "deactivated in the catalogue", notify);
        }
    }

    private void changed(String projectId) {
        assistantCatalogue.ifAvailable(gateway -> gateway.catalogueChanged(projectId));
    }
}
