package com.aiassistants.backend.assistant.scheduling;

import java.util.List;

import com.aiassistants.common.scheduling.CalendarTools.Booking;
import com.aiassistants.common.scheduling.CalendarTools.FindAvailableSlotsInput;
import com.aiassistants.common.scheduling.CalendarTools.HoldSlotInput;
import com.aiassistants.common.scheduling.CalendarTools.Slot;
import com.aiassistants.common.scheduling.ProfessionalsTools.Professional;
import com.aiassistants.common.scheduling.ProfessionalsTools.Service;
import com.aiassistants.common.scheduling.ProfessionalsTools.WorkingHours;

/**
 * The scheduling data the assistant needs, as the MCP tools of mcp-professionals and mcp-calendar
 * provide it. Domain refusals surface as {@link com.aiassistants.common.mcp.client.McpToolError}
 * (e.g. {@code slot_taken} with {@code alternatives}); outages as
 * {@link com.aiassistants.common.mcp.client.McpUnavailableException}.
 */
public interface SchedulingGateway {

    /** The tenant's services, professionals or hours were edited: forget what was cached of them. */
    default void catalogueChanged(String tenantId) {
    }

    List<Service> services(String tenantId);

    List<Professional> professionals(String tenantId);

    WorkingHours workingHours(String tenantId, String professionalId);

    List<Slot> findSlots(String tenantId, FindAvailableSlotsInput input);

    Booking hold(String tenantId, HoldSlotInput input);

    Booking confirm(String tenantId, String bookingId, String customerId);

    Booking cancel(String tenantId, String bookingId, String customerId, String reason);

    Booking reschedule(String tenantId, String bookingId, java.time.Instant newStart, String professionalId, String customerId);

    List<Booking> upcomingBookings(String tenantId, String customerId);
}
