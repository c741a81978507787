package com.aiassistants.backend.assistant.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import com.aiassistants.backend.assistant.Sandbox;
import com.aiassistants.common.cache.ExpiringCache;
import com.aiassistants.common.mcp.client.McpToolClient;
import com.aiassistants.common.scheduling.CalendarTools;
import com.aiassistants.common.scheduling.CalendarTools.Booking;
import com.aiassistants.common.scheduling.CalendarTools.BookingList;
import com.aiassistants.common.scheduling.CalendarTools.FindAvailableSlotsInput;
import com.aiassistants.common.scheduling.CalendarTools.HoldSlotInput;
import com.aiassistants.common.scheduling.CalendarTools.Slot;
import com.aiassistants.common.scheduling.CalendarTools.SlotList;
import com.aiassistants.common.scheduling.ProfessionalsTools;
import com.aiassistants.common.scheduling.ProfessionalsTools.Professional;
import com.aiassistants.common.scheduling.ProfessionalsTools.ProfessionalList;
import com.aiassistants.common.scheduling.ProfessionalsTools.Service;
import com.aiassistants.common.scheduling.ProfessionalsTools.ServiceList;
import com.aiassistants.common.scheduling.ProfessionalsTools.WorkingHours;

/**
 * {@link SchedulingGateway} over the MCP tools. The catalogue (services, professionals, working
 * hours) is cached per tenant for a short TTL, so a turn usually costs one calendar call. Writes
 * are not retried by the client (hold is idempotent by key, but confirm/cancel/reschedule are
 * compare-and-set and a retry after a lost answer would read as a refusal). Inside a {@link Sandbox} turn every write
 * is refused before it is sent.
 */
public class McpSchedulingGateway implements SchedulingGateway, AutoCloseable {

    private final McpToolClient professionals;
    private final McpToolClient calendar;
    private final ExpiringCache<String, Object> cache;

    public McpSchedulingGateway(McpToolClient professionals, McpToolClient calendar, Duration catalogTtl) {
        this.professionals = professionals;
        this.calendar = calendar;
        this.cache = ExpiringCache.of(catalogTtl, 10_000);
    }

    @Override
    public List<Service> services(String tenantId) {
        return cached(tenantId + "|services", () -> professionals.call(tenantId, ProfessionalsTools.LIST_SERVICES,
                new ProfessionalsTools.ListServicesInput(null, null), ServiceList.class).services());
    }

    @Override
    public List<Professional> professionals(String tenantId) {
        return cached(tenantId + "|professionals", () -> professionals.call(tenantId, ProfessionalsTools.LIST_PROFESSIONALS,
                new ProfessionalsTools.ListProfessionalsInput(null, null), ProfessionalList.class).professionals());
    }

    @Override
    public WorkingHours workingHours(String tenantId, String professionalId) {
        return cached(tenantId + "|hours|" + professionalId, () -> professionals.call(tenantId,
                ProfessionalsTools.GET_WORKING_HOURS,
                new ProfessionalsTools.GetWorkingHoursInput(professionalId, null, null), WorkingHours.class));
    }

    @Override
    public List<Slot> findSlots(String tenantId, FindAvailableSlotsInput input) {
        SlotList list = calendar.call(tenantId, CalendarTools.FIND_AVAILABLE_SLOTS, input, SlotList.class);
        return list.slots() == null ? List.of() : list.slots();
    }

    @Override
    public Booking hold(String tenantId, HoldSlotInput input) {
        Sandbox.refuseWrite(CalendarTools.HOLD_SLOT);
        return calendar.call(tenantId, CalendarTools.HOLD_SLOT, input, Booking.class, true);
    }

    @Override
    public Booking confirm(String tenantId, String bookingId, String customerId) {
        Sandbox.refuseWrite(CalendarTools.CONFIRM_BOOKING);
        return calendar.call(tenantId, CalendarTools.CONFIRM_BOOKING,
                new CalendarTools.ConfirmBookingInput(bookingId, customerId), Booking.class, false);
    }

    @Override
    public Booking cancel(String tenantId, String bookingId, String customerId, String reason) {
        Sandbox.refuseWrite(CalendarTools.CANCEL_BOOKING);
        return calendar.call(tenantId, CalendarTools.CANCEL_BOOKING,
                new CalendarTools.CancelBookingInput(bookingId, reason, customerId), Booking.class, false);
    }

    @Override
    public Booking reschedule(String tenantId, String bookingId, Instant newStart, String professionalId, String customerId) {
        Sandbox.refuseWrite(CalendarTools.RESCHEDULE_BOOKING);
        return calendar.call(tenantId, CalendarTools.RESCHEDULE_BOOKING,
                new CalendarTools.RescheduleBookingInput(bookingId, newStart, professionalId, customerId), Booking.class,
                false);
    }

    @Override
    public List<Booking> upcomingBookings(String tenantId, String customerId) {
        BookingList list = calendar.call(tenantId, CalendarTools.LIST_CUSTOMER_BOOKINGS,
                new CalendarTools.ListCustomerBookingsInput(customerId, false), BookingList.class);
        return list.bookings() == null ? List.of() : list.bookings();
    }

    @Override
    public void catalogueChanged(String tenantId) {
        cache.invalidateKeysIf(key -> key.startsWith(tenantId + "|"));
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(String key, Supplier<T> loader) {
        return (T) cache.get(key, k -> loader.get());
    }

    @Override
    public void close() {
        professionals.close();
        calendar.close();
    }
}
