package com.aiassistants.backend.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.aiassistants.backend.calendar.CalendarViews.BookingChange;
import com.aiassistants.backend.calendar.CalendarViews.BookingPage;
import com.aiassistants.backend.calendar.CalendarViews.BookingView;
import com.aiassistants.backend.calendar.CalendarViews.CustomerMatch;
import com.aiassistants.backend.calendar.CalendarViews.HistoryEntry;
import com.aiassistants.backend.calendar.CalendarViews.Range;
import com.aiassistants.backend.calendar.CalendarViews.Schedule;
import com.aiassistants.backend.calendar.CalendarViews.ScheduleProfessional;
import com.aiassistants.backend.calendar.CalendarViews.ScheduleService;
import com.aiassistants.backend.calendar.CalendarViews.SlotList;
import com.aiassistants.backend.calendar.CalendarViews.SlotView;
import com.aiassistants.backend.calendar.CalendarViews.DateOverrideView;
import com.aiassistants.backend.calendar.CalendarViews.TimeOffView;
import com.aiassistants.backend.customer.Customers;
import com.aiassistants.backend.mcp.McpCalls;
import com.aiassistants.backend.mcp.McpClients;
import com.aiassistants.backend.realtime.Frame;
import com.aiassistants.backend.realtime.LiveEvents;
import com.aiassistants.common.scheduling.BookingLogTools;
import com.aiassistants.common.scheduling.BookingLogTools.BookingEventList;
import com.aiassistants.common.scheduling.BookingLogTools.ListBookingEventsInput;
import com.aiassistants.common.scheduling.CalendarTools;
import com.aiassistants.common.scheduling.CalendarTools.BookConfirmedInput;
import com.aiassistants.common.scheduling.CalendarTools.Booking;
import com.aiassistants.common.scheduling.CalendarTools.BookingIdInput;
import com.aiassistants.common.scheduling.CalendarTools.BookingList;
import com.aiassistants.common.scheduling.CalendarTools.BookingStatus;
import com.aiassistants.common.scheduling.CalendarTools.CancelBookingInput;
import com.aiassistants.common.scheduling.CalendarTools.FindAvailableSlotsInput;
import com.aiassistants.common.scheduling.CalendarTools.ListBookingsInput;
import com.aiassistants.common.scheduling.CalendarTools.MarkOutcomeInput;
import com.aiassistants.common.scheduling.CalendarTools.RescheduleBookingInput;
import com.aiassistants.common.scheduling.ProfessionalsTools;
import com.aiassistants.common.scheduling.ProfessionalsTools.GetWorkingHoursInput;
import com.aiassistants.common.scheduling.ProfessionalsTools.ListProfessionalsInput;
import com.aiassistants.common.scheduling.ProfessionalsTools.ListServicesInput;
import com.aiassistants.common.scheduling.ProfessionalsTools.Professional;
import com.aiassistants.common.scheduling.ProfessionalsTools.ProfessionalList;
import com.aiassistants.common.scheduling.ProfessionalsTools.ScheduleSettings;
import com.aiassistants.common.scheduling.ProfessionalsTools.ServiceList;
import com.aiassistants.common.scheduling.ProfessionalsTools.WorkingHours;

/**
 * The console's calendar over MCP: bookings from mcp-calendar (one {@code list_bookings} call per page),
 * professionals, hours and time off from mcp-professionals, history from mcp-booking-log. Every call
 * carries the caller's project as the tenant; every write names the staff user as the actor. Writes are
 * never retried by the client (a lost answer would otherwise read as a refusal); creating is idempotent
 * by key, so the console may resend it.
 */
@Service
public class StaffCalendar {

    /** The statuses that still hold a time. */
    public static final List<BookingStatus> ACTIVE = List.of(BookingStatus.HELD, BookingStatus.CONFIRMED);

    private final McpClients mcp;
    private final JdbcClient jdbc;
    private final LiveEvents events;
    private final BookingNotices notices;
    private final java.time.Clock clock;

    public StaffCalendar(McpClients mcp, JdbcClient jdbc, LiveEvents events, BookingNotices notices,
            java.time.Clock clock) {
        this.clock = clock;
        this.mcp = mcp;
        this.jdbc = jdbc;
        this.events = events;
        this.notices = notices;
    }

    public record Filter(Instant from, Instant to, String professionalId, String serviceId, List<BookingStatus> statuses,
            Integer limit, String cursor) {
    }

    public BookingPage bookings(String projectId, Filter filter) {
        BookingList list = McpCalls.run(() -> mcp.calendar().call(projectId, CalendarTools.LIST_BOOKINGS,
                new ListBookingsInput(filter.from(), filter.to(), filter.professionalId(), filter.statuses(),
                        filter.serviceId(), filter.limit(), filter.cursor()), BookingList.class));
        return new BookingPage(list.bookings().stream().map(BookingView::of).toList(), list.nextCursor());
    }

    /** Every booking of the range and filters, following the pages (the console's deactivation check). */
    public List<BookingView> allBookings(String projectId, Filter filter) {
        List<BookingView> all = new ArrayList<>();
        String cursor = null;
        do {
            BookingPage page = bookings(projectId, new Filter(filter.from(), filter.to(), filter.professionalId(),
                    filter.serviceId(), filter.statuses(), null, cursor));
            all.addAll(page.bookings());
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }

    public Schedule schedule(String projectId, Instant from, Instant to) {
        String zone = McpCalls.run(() -> mcp.professionals().call(projectId, ProfessionalsTools.GET_SCHEDULE_SETTINGS,
                new ProfessionalsTools.EmptyInput(), ScheduleSettings.class)).timeZone();
        List<Professional> professionals = McpCalls.run(() -> mcp.professionals().call(projectId,
                ProfessionalsTools.LIST_PROFESSIONALS, new ListProfessionalsInput(null, true), ProfessionalList.class))
                .professionals();
        List<ScheduleProfessional> columns = professionals.stream().map(p -> {
            WorkingHours hours = McpCalls.run(() -> mcp.professionals().call(projectId,
                    ProfessionalsTools.GET_WORKING_HOURS, new GetWorkingHoursInput(p.id(), from, to), WorkingHours.class));
            return new ScheduleProfessional(p.id(), p.name(), p.specialty(), p.active(), p.serviceIds(),
                    hours.ranges().stream().map(Range::of).toList(),
                    hours.timeOff().stream().map(TimeOffView::of).toList(), DateOverrideView.of(hours));
        }).toList();
        List<ScheduleService> services = McpCalls.run(() -> mcp.professionals().call(projectId,
                ProfessionalsTools.LIST_SERVICES, new ListServicesInput(null, null, true), ServiceList.class))
                .services().stream()
                .map(s -> new ScheduleService(s.id(), s.name(), s.durationMinutes(), s.bufferMinutes(), s.active()))
                .toList();
        return new Schedule(zone, columns, services);
    }

    public SlotList slots(String projectId, String serviceId, String professionalId, LocalDate date) {
        CalendarTools.SlotList slots = McpCalls.run(() -> mcp.calendar().call(projectId,
                CalendarTools.FIND_AVAILABLE_SLOTS, new FindAvailableSlotsInput(serviceId, professionalId, date, date,
                        null, null, 200), CalendarTools.SlotList.class));
        return new SlotList(slots.timeZone(), slots.slots().stream().map(SlotView::of).toList());
    }

    /**
     * Patients the project has talked to (their latest conversation each), by the name they gave the assistant, their
     * profile name, their id or phone digits; named as the customers page names them.
     */
    public List<CustomerMatch> customers(String projectId, String query) {
        return jdbc.sql("""
                select distinct on (customer_id) customer_id, coalesce(%s, customer_name) as name, channel, id
                from conversation
                where %s and %s
                order by customer_id, updated_at desc
                limit 20""".formatted(Customers.GIVEN_NAME, Customers.PATIENT_CONVERSATION, Customers.MATCHES))
                .param("project", projectId).param("like", Customers.likeParam(query))
                .param("digits", Customers.digitsParam(query))
                .query((rs, n) -> new CustomerMatch(rs.getString("customer_id"), rs.getString("name"),
                        "whatsapp".equals(rs.getString("channel"))
                                ? rs.getString("id").substring("whatsapp:".length()) : null))
                .list();
    }

    public BookingView get(String projectId, String bookingId) {
        return BookingView.of(McpCalls.run(() -> mcp.calendar().call(projectId, CalendarTools.GET_BOOKING,
                new BookingIdInput(bookingId), Booking.class)));
    }

    public record NewBooking(String serviceId, String professionalId, Instant start, String customerId,
            String customerName, String phone, String notes, boolean notifyPatient, String idempotencyKey) {
    }

    public BookingChange book(String projectId, String actor, NewBooking request) {
        String key = request.idempotencyKey() == null ? UUID.randomUUID().toString() : request.idempotencyKey();
        Booking booking = McpCalls.run(() -> mcp.calendar().call(projectId, CalendarTools.BOOK_CONFIRMED,
                new BookConfirmedInput(request.serviceId(), request.professionalId(), request.start(),
                        request.customerId(), request.customerName(), request.notes(), actor, key),
                Booking.class, true));
        return changed(projectId, booking, request.notifyPatient() ? BookingNotices.Kind.BOOKED : null, null);
    }

    public BookingChange reschedule(String projectId, String actor, String bookingId, Instant start,
            String professionalId, boolean notifyPatient) {
        Booking booking = McpCalls.run(() -> mcp.calendar().call(projectId, CalendarTools.RESCHEDULE_BOOKING,
                new RescheduleBookingInput(bookingId, start, professionalId, null, actor), Booking.class, false));
        return changed(projectId, booking, notifyPatient ? BookingNotices.Kind.MOVED : null, null);
    }

    public BookingChange cancel(String projectId, String actor, String bookingId, String reason, boolean notifyPatient) {
        Booking booking = McpCalls.run(() -> mcp.calendar().call(projectId, CalendarTools.CANCEL_BOOKING,
                new CancelBookingInput(bookingId, reason, null, actor), Booking.class, false));
        return changed(projectId, booking, notifyPatient ? BookingNotices.Kind.CANCELLED : null, reason);
    }

    public BookingChange outcome(String projectId, String actor, String bookingId, BookingStatus outcome) {
        Booking booking = McpCalls.run(() -> mcp.calendar().call(projectId, CalendarTools.MARK_BOOKING_OUTCOME,
                new MarkOutcomeInput(bookingId, outcome, actor), Booking.class, false));
        return changed(projectId, booking, null, null);
    }

    /** The booking's events, oldest first; 404 when the booking is not the project's. */
    public List<HistoryEntry> history(String projectId, String bookingId) {
        BookingView booking = get(projectId, bookingId);
        BookingEventList events = McpCalls.run(() -> mcp.bookingLog().call(projectId,
                BookingLogTools.LIST_BOOKING_EVENTS, new ListBookingEventsInput(booking.id(), null, null, null, null, 500),
                BookingEventList.class));
        return events.events().stream()
                .sorted(java.util.Comparator.comparing(BookingLogTools.BookingEvent::occurredAt))
                .map(e -> new HistoryEntry(e.type(), e.actor(), e.occurredAt(), e.before(), e.after()))
                .toList();
    }

    private BookingChange changed(String projectId, Booking booking, BookingNotices.Kind notice, String reason) {
        String conversationId = booking.customerId().startsWith("+") ? "whatsapp:" + booking.customerId() : null;
        events.publish(projectId, null, Frame.booking(conversationId, List.of(booking.id()), clock.instant()));
        String outcome = notice == null ? "skipped" : notices.send(projectId, booking, notice, reason);
        return new BookingChange(BookingView.of(booking), outcome);
    }
}
