package com.aiassistants.calendar.booking;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.aiassistants.calendar.availability.AvailabilityService;
import com.aiassistants.common.mcp.server.ToolException;
import com.aiassistants.common.scheduling.CalendarTools;
import com.aiassistants.common.scheduling.CalendarTools.Slot;

/** Input checks and the tool errors the booking operations share. */
final class BookingRules {

    static final int MAX_TEXT = 500;
    static final int MAX_NOTES = 2000;
    static final int CAS_ATTEMPTS = 5;

    private BookingRules() {
    }

    static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new ToolException("invalid_request", name + " is required");
        }
        limit(value, name, MAX_TEXT);
        return value;
    }

    static void limit(String value, String name, int max) {
        if (value != null && value.length() > max) {
            throw new ToolException("invalid_request", name + " is longer than " + max + " characters");
        }
    }

    /** {@code staff:<email>} as given, or an invalid_request error (only staff act through this parameter). */
    static String staffActor(String actor, boolean required) {
        if (actor == null || actor.isBlank()) {
            if (required) {
                throw new ToolException("invalid_request", "actor is required (staff:<email>)");
            }
            return null;
        }
        String trimmed = actor.trim();
        if (!trimmed.matches("staff:\\S{1,254}")) {
            throw new ToolException("invalid_request", "actor must be staff:<email>");
        }
        return trimmed;
    }

    static UUID parseUuid(String value) {
        if (value.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static ToolException slotTaken(AvailabilityService availability, String tenantId, String serviceId,
            String professionalId, Instant start) {
        List<Slot> alternatives = availability.alternatives(tenantId, serviceId, professionalId, start);
        return new ToolException(CalendarTools.SLOT_TAKEN,
                "That time was just taken; here are the next free times", Map.of("alternatives", alternatives));
    }

    static ToolException invalidTransition(StoredBooking current, String action, Instant now) {
        return new ToolException(CalendarTools.INVALID_TRANSITION, "Cannot " + action + " booking "
                + current.shortCode() + " in status " + current.effectiveStatus(now),
                Map.of("status", current.effectiveStatus(now).name()));
    }

    static ToolException concurrentChange() {
        return new ToolException(CalendarTools.INVALID_TRANSITION,
                "The booking was changed by someone else at the same time; read it again and retry");
    }
}
